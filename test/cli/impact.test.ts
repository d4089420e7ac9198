import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../src/cli/cli-io.js';
import { loadPolicyDir } from '../../src/core/policy/load.js';
import { diffPolicySets } from '../../src/core/impact/policy-diff.js';
import { parseImpactGuardrails } from '../../src/github/impact-guardrails.js';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';
import { git } from '../helpers/git.js';

const proposed = join(repoRoot, 'examples', 'proposed-change', 'policies');
const data = join(repoRoot, 'examples', 'data');

function normalise(text: string): string {
  return text.replace(/revops-policy \d+\.\d+\.\d+\S*/g, 'revops-policy X.Y.Z').replaceAll(repoRoot, '<repo>/');
}

/**
 * Key figures of the bundled change (MQL threshold 65 → 60), worked by hand, asserted beside
 * each golden so that a regenerated golden cannot quietly change them; terminal or markdown.
 */
function expectChangeFigures(text: string): void {
  expect(text).toMatch(/utilisation 0\.87 → 1\.02/); // the constraint mql, base → head
  expect(text).toMatch(/\+149 \\?\(838 → 987\\?\)/); // 987 − 838 MQLs
  expect(text).toContain('149 of 5,500 leads move'); // all nurture → mql
  expect(text).toMatch(/sdr-pipeline\W+(USD\W+)?19,127\.07( USD)?\W+17,777\.07( USD)?\W+[−-]1,350\.00/); // 19,127.07 − 17,777.07
  expect(text).toMatch(/payout to\s+as-of \\?\(replayed\\?\)\s+[−-]1,350\.00 USD \\?\([−-]3\.5 %\\?\)/); // 1,350.00 ÷ 39,009.47 = 3.46 %
  expect(text).toMatch(/constraint-overload\W.*1\.02 is above 1/);
  expect(text).toMatch(/sla-compliance-drop\W.*−4\.79 is below −3/);
}

describe('revops impact', () => {
  const tempDir = useTempDirs();

  it('keeps the bundled proposed change to exactly one value: the MQL threshold 65 → 60', async () => {
    const base = await loadPolicyDir('policies', nodeFileIo);
    const head = await loadPolicyDir('examples/proposed-change/policies', nodeFileIo);
    expect(diffPolicySets(base.set, head.set)).toEqual([
      expect.objectContaining({
        kind: 'LeadDefinition',
        change: 'changed',
        changes: [{ path: 'spec.classes[id=mql].minScore', before: 65, after: 60 }],
      }),
    ]);
  });

  it('shows the constraint crossing 1.0, staying put, and the VP Sales approval (JSON)', async () => {
    const run = await runRevops(['impact', '-q', '--base-dir', 'policies', '--head-dir', proposed, '--format', 'json']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as ImpactReport;
    expectValidImpactReport(report);
    expect(report.constraint.stage).toMatchObject({ base: 'mql', head: 'mql' });
    expect(report.constraint.isMoved).toBe(false);
    expect(report.constraint.utilisation.base).toBeLessThan(1);
    expect(report.constraint.utilisation.head).toBeGreaterThan(1);
    expect(report.constraint.crossesCapacity).toBe('over');
    expect(report.slas.find((s) => s.name === 'speed-to-lead')?.assumption).toEqual({
      code: 'no-steady-state',
      headUtilisation: report.constraint.utilisation.head,
    });
    expect(report.classTransitions.transitions).toEqual([
      expect.objectContaining({ from: 'nurture', to: 'mql', count: report.mqlVolume.delta }),
    ]);
    const overload = report.guardrails.find((g) => g.id === 'constraint-overload');
    expect(overload).toMatchObject({ isCrossed: true, approvers: { users: ['vp-sales'] } });
    expect(report.guardrails.find((g) => g.id === 'constraint-moved')?.isCrossed).toBe(false);
    expect(report.guardrails.find((g) => g.id === 'comp-change')?.isCrossed).toBe(false);
    // The SDRs lose the constraint component in the months the head overloads their queue.
    expect(report.comp.byPerson.map((p) => [p.plan, p.personId, p.name, p.currency])).toEqual([
      ['sdr-pipeline', 'U007', 'Jordan Blake', 'USD'],
      ['sdr-pipeline', 'U008', 'Aisha Mensah', 'USD'],
      ['sdr-pipeline', 'U009', 'Tom Keller', 'USD'],
    ]);
    expect(report.comp.byPlan.find((p) => p.plan === 'sdr-pipeline')).toMatchObject({
      currency: 'USD',
      delta: '-1350.00',
    });
  });

  it('renders the pull-request comment for the bundled change (markdown golden)', async () => {
    const run = await runRevops([
      'impact',
      '-q',
      '--base-dir',
      'policies',
      '--head-dir',
      proposed,
      '--format',
      'markdown',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('<details>').length).toBe(run.stdout.split('</details>').length);
    expectChangeFigures(run.stdout);
    // Each SDR loses the constraint component once: 3 × −450.00 = −1,350.00.
    for (const person of ['U007 Jordan Blake', 'U008 Aisha Mensah', 'U009 Tom Keller'])
      expect(run.stdout).toMatch(new RegExp(`\\| ${person} \\| [\\d,.]+ \\| [\\d,.]+ \\| [−-]450\\.00 \\|`));
    expectGolden('impact/proposed-change.markdown.md', normalise(run.stdout));
    // One phrasing with the terminal: a missing value has no unit, a decrease one minus sign.
    expect(run.stdout).not.toMatch(/— h\b/);
    // Guardrail crossings too: the reporters phrase them.
    expect(run.stdout).not.toMatch(/(^|[\s(|])-\d/m);
    expect(run.stdout).toContain('| sdr-pipeline | USD | 19,127.07 | 17,777.07 | −1,350.00 |');
  });

  it('prints the demo npm start shows (terminal golden)', async () => {
    const run = await runRevops(['impact', '-q', '--base-dir', 'policies', '--head-dir', proposed]);
    expect(run.code).toBe(0);
    expectChangeFigures(run.stdout);
    expectGolden('impact/proposed-change.terminal.txt', normalise(run.stdout));
    expect(run.stdout).not.toMatch(/— h\b/);
    // Guardrail crossings too: the reporters phrase them.
    expect(run.stdout).not.toMatch(/(^|[\s(|])-\d/m);
    expect(run.stdout).toMatch(/sdr-pipeline +19,127\.07 USD +17,777\.07 USD +−1,350\.00/);
  });

  it('shows a hostile lead id inert in the comment: no mention, reference, HTML, marker or broken table', async () => {
    const hostile = join(repoRoot, 'test', 'fixtures', 'impact', 'hostile-lead');
    const run = await runRevops([
      'impact',
      '-q',
      '--base-dir',
      'policies',
      '--head-dir',
      proposed,
      '--allow-partial-data',
      '--data',
      hostile,
      '--format',
      'markdown',
    ]);
    expect(run.code).toBe(0);
    const row = run.stdout.split('\n').find((l) => l.includes('octocat')) ?? '';
    expect(row).toMatch(/^\| nurture \| mql \| 1 \|/);
    expect(run.stdout).not.toMatch(/@octocat|#123|<img|<!--|\[x\]\(y\)|\$x\$|GH-123|https:\/\/evil|@org/);
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(row).toContain('pwned');
    expect(row.split(/(?<!\\)\|/).length).toBe(6);
    const masked = await runRevops([
      'impact',
      '-q',
      '--base-dir',
      'policies',
      '--head-dir',
      proposed,
      '--allow-partial-data',
      '--data',
      hostile,
      '--format',
      'markdown',
      '--mask',
    ]);
    expect(masked.stdout).not.toContain('octocat');
    expect(masked.stdout).toMatch(/\| nurture \| mql \| 1 \| lead-[0-9a-f]{10} \|/);
  });

  it('says "no impact" when the policies mean the same', async () => {
    const run = await runRevops([
      'impact',
      '-q',
      '--base-dir',
      'policies',
      '--head-dir',
      'policies',
      '--format',
      'markdown',
    ]);
    expect(run.stdout).toContain('no impact');
    expect(run.stdout.length).toBeLessThan(300);
  });

  it('runs the stage-one commands on a git repository with two commits', async () => {
    const repo = tempDir();
    cpSync(join(repoRoot, 'policies'), join(repo, 'policies'), { recursive: true });
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'policies');
    cpSync(join(proposed, 'lead-definition.yaml'), join(repo, 'policies', 'lead-definition.yaml'));
    git(repo, 'commit', '-qam', 'loosen the MQL rule');
    const headSha = git(repo, 'rev-parse', 'HEAD');
    const validate = await runRevops(['validate', '--policies', join(repo, 'policies'), '--format', 'github']);
    expect(validate.code).toBe(0);
    const out = join(repo, 'out');
    mkdirSync(out);
    const common = ['impact', '-q', '--repo', repo, '--base', 'HEAD~1', '--head', 'HEAD', '--data', data];
    expect((await runRevops([...common, '--format', 'markdown', '--output', join(out, 'impact.md')])).code).toBe(0);
    expect((await runRevops([...common, '--format', 'json', '--output', join(out, 'impact.json')])).code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'impact.json'), 'utf8')) as ImpactReport;
    expectValidImpactReport(report);
    expect(report.head.sha).toBe(headSha);
    expect(report.base.sha).toBe(git(repo, 'rev-parse', 'HEAD~1'));
    expect(report.policyChanges).toHaveLength(1);
    expect(report.guardrails.filter((g) => g.isCrossed).map((g) => g.id)).toContain('constraint-overload');
    expect(readFileSync(join(out, 'impact.md'), 'utf8')).toContain('The constraint stays at mql');
    // What stage two's revops check reads from the artifact.
    const gate = parseImpactGuardrails(readFileSync(join(out, 'impact.json'), 'utf8'), 'impact.json');
    expect(gate.headSha).toBe(headSha);
    expect(gate.guardrails.filter((g) => g.isCrossed).map((g) => g.id)).toEqual(
      report.guardrails.filter((g) => g.isCrossed).map((g) => g.id),
    );
  });

  it.each([
    [['--base', 'no-such-ref'], /no-such-ref is not a commit/],
    [['--base-dir', 'policies', '--base', 'HEAD'], /Give --base or --base-dir, not both/],
    [['--head-dir', 'policies'], /Give --base <git ref> or --base-dir <dir>/],
  ])('refuses %j with exit 2', async (args, message) => {
    const run = await runRevops(['impact', '-q', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('refuses a head whose policies are invalid, naming the side', async () => {
    const dir = tempDir();
    cpSync(proposed, dir, { recursive: true });
    writeFileSync(
      join(dir, 'lead-definition.yaml'),
      readFileSync(join(dir, 'lead-definition.yaml'), 'utf8').replace('minScore: 60', 'minScore: lots'),
    );
    const run = await runRevops(['impact', '-q', '--base-dir', 'policies', '--head-dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/lead-definition\.yaml\n\s+\d+:\d+\s+error\s+`minScore` must be a number/);
    expect(run.stderr).toMatch(/are not valid/);
  });
});
