import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  evaluateImpact,
  loadData,
  loadPolicies,
  nodeFileIo,
  parseImpactReport,
  PolicyValidationError,
  renderImpact,
  renderReport,
  UsageError,
  validatePolicies,
} from '../../../src/index.js';
import type { FileIo } from '../../../src/index.js';
import { runRevops } from '../../helpers/cli.js';
import { examplePolicies, fixturesDir, repoRoot } from '../../helpers/paths.js';

const exampleData = join(repoRoot, 'examples', 'data');
const proposed = join(repoRoot, 'examples', 'proposed-change', 'policies');
const broken = join(fixturesDir, 'bad-input', 'ref-stage-owner-missing');

describe('the library API', () => {
  it('gives the same report as `revops evaluate --format json`, masked or not', async () => {
    const policies = await loadPolicies(examplePolicies);
    const data = await loadData(exampleData);
    for (const mask of [false, true]) {
      const cli = await runRevops([
        'evaluate',
        '--policies',
        examplePolicies,
        '--data',
        exampleData,
        '--format',
        'json',
        '-q',
        ...(mask ? ['--mask'] : []),
      ]);
      expect(cli.code).toBe(0);
      expect(renderReport(evaluate(policies, data, { mask }), 'json')).toBe(cli.stdout);
    }
  });

  it('gives the same impact report as `revops impact --base-dir --head-dir --format json`', async () => {
    const report = evaluateImpact(
      await loadPolicies(examplePolicies),
      await loadPolicies(proposed),
      await loadData(exampleData),
      { asOf: '2026-03-15' },
    );
    const cli = await runRevops([
      'impact',
      '--base-dir',
      examplePolicies,
      '--head-dir',
      proposed,
      '--data',
      exampleData,
      '--as-of',
      '2026-03-15',
      '--format',
      'json',
      '-q',
    ]);
    expect(cli.code).toBe(0);
    expect(renderImpact(report, 'json')).toBe(cli.stdout);
    expect(report.hasChanges).toBe(true);
  });

  it('reads an impact report from its JSON and renders it; an invalid one is a UsageError naming the path', () => {
    const text = readFileSync(join(fixturesDir, 'github', 'impact-two-approvals.json'), 'utf8');
    const report = parseImpactReport(text, 'impact.json');
    expect(renderImpact(report, 'markdown')).toContain('payout-cost');
    const broken = { ...report, comp: { ...report.comp, total: [{ ...report.comp.total[0], delta: -1350 }] } };
    expect(() => renderImpact(broken as never, 'markdown')).toThrow(UsageError);
    expect(() => renderImpact(broken as never, 'markdown')).toThrow(
      /^the impact report is not a valid impact report:\n {2}comp\.total\[0\]\.delta must be a string, not the number -1350/,
    );
    expect(() => parseImpactReport(text.replace('"kind": "impact"', '"kind": "evaluation"'), 'impact.json')).toThrow(
      /impact\.json is not an impact report:\n {2}kind must be "impact"/,
    );
  });

  it('returns every validation problem, and refuses to load an invalid policy set', async () => {
    const validation = await validatePolicies(broken);
    expect(validation.isValid).toBe(false);
    const errors = validation.issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.line).toBeGreaterThan(0);
    const failure = await loadPolicies(broken).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PolicyValidationError);
    expect((failure as PolicyValidationError).issues).toEqual(validation.issues);
    expect((await validatePolicies(examplePolicies)).isValid).toBe(true);
  });

  it('reads through the FileIo a caller supplies', async () => {
    const read: string[] = [];
    const io: FileIo = { ...nodeFileIo, readFile: async (file) => (read.push(file), nodeFileIo.readFile(file)) };
    const policies = await loadPolicies(examplePolicies, { io });
    expect(read.length).toBe(policies.files.length);
    expect(read.every((f) => f.startsWith(examplePolicies))).toBe(true);
  });

  it('takes a moment as a Date, epoch ms or ISO text, and rejects anything else', async () => {
    const policies = await loadPolicies(examplePolicies);
    const data = await loadData(exampleData);
    const asOf = new Date('2026-03-01T00:00:00Z');
    const stamps = [asOf, asOf.getTime(), '2026-03-01T00:00:00Z'].map(
      (moment) => evaluate(policies, data, { asOf: moment }).stamp.asOf,
    );
    expect(new Set(stamps)).toEqual(new Set([asOf.toISOString()]));
    // A date alone is a day of the reporting time zone, as on the command line: the example's
    // Calendar is in New York, five hours behind UTC on 1 March.
    expect(evaluate(policies, data, { asOf: '2026-03-01' }).stamp.asOf).toBe('2026-03-01T05:00:00.000Z');
    expect(() => evaluate(policies, data, { asOf: 'last tuesday' })).toThrow(UsageError);
    expect(() => evaluate(policies, data, { timeZone: 'Mars/Olympus' })).toThrow(UsageError);
  });

  it('names the FieldMappings there are when the one asked for is missing', async () => {
    const policies = await loadPolicies(examplePolicies);
    await expect(loadData(exampleData, { policies, mapping: 'pipedrive' })).rejects.toThrow(
      /No FieldMapping named pipedrive.*hubspot/,
    );
    await expect(loadData(exampleData, { mapping: 'hubspot' })).rejects.toThrow(UsageError);
  });
});
