import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { compMetricDefinitions } from '../../../src/core/engine/comp/metrics.js';
import { compMetricKinds } from '../../../src/core/schemas/report.js';
import { runRevops } from '../../helpers/cli.js';
import { repoRoot, useTempDirs } from '../../helpers/paths.js';

type Json = Record<string, unknown>;

const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'report.schema.json'), 'utf8')) as Json;
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const validate = ajv.compile(schema);

/** The validation errors of a report, one line each, so a failure shows them all. */
function errorsOf(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
  );
}

async function evaluateJson(args: string[]): Promise<string> {
  const run = await runRevops(['evaluate', '--format', 'json', '-q', ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

const maven = [
  '--policies',
  'test/fixtures/maven/policies',
  '--data',
  'test/fixtures/maven/export',
  '--mapping',
  'maven',
  '--as-of',
  '2018-01-01T00:00:00Z',
];

describe('schemas/report.schema.json', () => {
  const tempDir = useTempDirs();
  let example = '';
  beforeAll(async () => {
    example = await evaluateJson([]);
  });

  it.each([
    ['the bundled example, masked', ['--mask']],
    ['the Maven export', maven],
    ['the Maven export, masked', [...maven, '--mask']],
    [
      'the bundled example with hostile names in the data',
      ['--allow-partial-data', '--data', 'test/fixtures/evaluate/hostile-names'],
    ],
  ])('is met by the JSON report of %s', async (_name, args) => {
    expect(errorsOf(JSON.parse(await evaluateJson(args)))).toEqual([]);
  });

  it('is met by the JSON report of the bundled example', () => {
    expect(errorsOf(JSON.parse(example))).toEqual([]);
  });

  it.each([
    ['', []],
    [', masked', ['--mask']],
  ])('is met by a report with policy warnings and rejected rows%s', async (_name, args) => {
    const dir = tempDir();
    cpSync(join(repoRoot, 'policies'), join(dir, 'policies'), { recursive: true });
    cpSync(join(repoRoot, 'examples', 'data'), join(dir, 'data'), { recursive: true });
    // A utilisation target given as a minimum: a policy warning (an unknown rule variable is an error now).
    const goal = join(dir, 'policies', 'revenue-goal.yaml');
    writeFileSync(goal, readFileSync(goal, 'utf8').replace('max: 0.85', 'min: 0.85'));
    appendFileSync(
      join(dir, 'data', 'opportunities.csv'),
      'OPP999998,,,U011,Bad amount,12x,USD,open,,,,,2026-02-01T00:00:00Z,,,,\nOPP999999,,,U011,Bad date,100.00,USD,open,,,,,yesterday,,,,\n',
    );
    const report = JSON.parse(
      await evaluateJson(['--policies', join(dir, 'policies'), '--data', join(dir, 'data'), ...args]),
    ) as Json;
    expect(at(report, 'policies').warnings).not.toEqual([]);
    expect(at(report, 'data').issues).not.toEqual([]);
    expect(errorsOf(report)).toEqual([]);
  });

  it.each([
    ['an extra property', (r: Json) => void (r.extra = true), '', 'additionalProperties'],
    [
      'an extra property deep inside',
      (r: Json) => void (at(r, 'funnel', 'stages', 0, 'periods', 0).extra = 1),
      '/funnel/stages/0/periods/0',
      'additionalProperties',
    ],
    ['money not in cents', (r: Json) => void (at(r, 'deals').wonAmount = '1.5'), '/deals/wonAmount', 'pattern'],
    ['money as a number', (r: Json) => void (at(r, 'goal').target = 1800000), '/goal/target', 'type'],
    [
      'a money comp value not in cents',
      (r: Json) => void (at(r, 'comp', 'plans', 0, 'people', 0, 'periods', 0, 'components', 0).value = '81990.5'),
      '/comp/plans/0/people/0/periods/0/components/0/value',
      'pattern',
    ],
    ['schemaVersion 2', (r: Json) => void (r.schemaVersion = 2), '/schemaVersion', 'const'],
    ['a count of 1.5', (r: Json) => void (at(r, 'deals').won = 1.5), '/deals/won', 'type'],
    ['a missing field', (r: Json) => void delete at(r, 'stamp').dataHash, '/stamp', 'required'],
    ['null where a value is always present', (r: Json) => void (r.deals = null), '/deals', 'type'],
    ['a value outside an enum', (r: Json) => void (at(r, 'stamp').asOfSource = 'clock'), '/stamp/asOfSource', 'enum'],
  ])('rejects a report with %s', (_name, change, instancePath, keyword) => {
    const report = JSON.parse(example) as Json;
    change(report);
    expect(validate(report)).toBe(false);
    expect(validate.errors?.map((e) => [e.instancePath, e.keyword])).toContainEqual([instancePath, keyword]);
  });

  it('writes comp values as the engine measures each metric (money, count or fraction)', () => {
    for (const [metric, definition] of Object.entries(compMetricDefinitions)) {
      expect([metric, compMetricKinds[metric as keyof typeof compMetricKinds]]).toEqual([metric, definition.kind]);
    }
  });

  it('is deterministic: two runs give the same bytes, with no wall-clock time', async () => {
    expect(await evaluateJson([])).toBe(example);
    expect((JSON.parse(example) as { stamp: Json }).stamp).not.toHaveProperty('generatedAt');
  });

  it('stamps the wall-clock time with --timestamp', async () => {
    const report = JSON.parse(await evaluateJson(['--timestamp'])) as { stamp: Json };
    expect(report.stamp.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(errorsOf(report)).toEqual([]);
  });
});

/** The object at a path of keys and indexes in a report (the test fails if it is not there). */
function at(report: Json, ...path: (string | number)[]): Json {
  let node: unknown = report;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  expect(node).toBeTypeOf('object');
  return node as Json;
}
