import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openForReaders } from '../../../src/core/impact/report-validator.js';
import { validateImpactReport } from '../../../src/core/impact/read-report.js';
import { impactReportSchema } from '../../../src/core/schemas/impact-report.js';
import type { ImpactReport } from '../../../src/core/report/impact.js';
import { closedForReadersMarker, objectOf } from '../../../src/core/schemas/typed-object.js';
import { renderImpact } from '../../../src/reporters/impact-formats.js';
import { runRevops } from '../../helpers/cli.js';
import { expectValidImpactReport, impactReportErrors } from '../../helpers/impact-schema.js';
import { fixturesDir, repoRoot } from '../../helpers/paths.js';

type Json = Record<string, unknown>;

const proposed = join(repoRoot, 'examples', 'proposed-change', 'policies');

async function impactJson(args: string[]): Promise<Json> {
  const run = await runRevops(['impact', '-q', '--base-dir', 'policies', '--format', 'json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

/** Every object schema in a schema, with its JSON pointer. */
function objectSchemas(node: unknown, pointer = ''): [string, Json][] {
  if (Array.isArray(node)) return node.flatMap((item, i) => objectSchemas(item, `${pointer}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const own: [string, Json][] = 'properties' in node ? [[pointer, node as Json]] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => objectSchemas(value, `${pointer}/${key}`))];
}

describe('schemas/impact-report.schema.json', () => {
  let example: Json = {};
  // One impact run; slow on a busy machine, so it gets the tests' timeout rather than a hook's.
  beforeAll(async () => {
    example = await impactJson(['--head-dir', proposed]);
  }, 60_000);

  it.each([
    ['the bundled change, masked', ['--head-dir', proposed, '--mask']],
    ['the bundled change with the wall-clock time', ['--head-dir', proposed, '--timestamp']],
    ['no change at all', ['--head-dir', 'policies']],
    [
      'hostile names in the data, partial',
      ['--head-dir', proposed, '--allow-partial-data', '--data', join(fixturesDir, 'evaluate', 'hostile-names')],
    ],
  ])('is met by the JSON impact report of %s', async (_name, args) => {
    expectValidImpactReport(await impactJson(args));
  });

  it('is met by the bundled change, and by the fixture reports revops check reads', () => {
    expectValidImpactReport(example);
    for (const name of ['constraint-crossed', 'many-crossed', 'nothing-crossed', 'two-approvals'])
      expectValidImpactReport(readFileSync(join(fixturesDir, 'github', `impact-${name}.json`), 'utf8'));
  });

  it.each([
    ['an extra property', (r: Json) => void (r.extra = true), '', 'additionalProperties'],
    [
      'an extra property deep inside',
      (r: Json) => void (at(r, 'slas', 0, 'medianResponseHours').p90 = 1),
      '/slas/0/medianResponseHours',
      'additionalProperties',
    ],
    ['money as a number', (r: Json) => void (at(r, 'comp', 'total', 0).delta = -1350), '/comp/total/0/delta', 'type'],
    [
      'money not in cents',
      (r: Json) => void (at(r, 'comp', 'byPlan', 0).base = '19882.4'),
      '/comp/byPlan/0/base',
      'pattern',
    ],
    ['schemaVersion 2', (r: Json) => void (r.schemaVersion = 2), '/schemaVersion', 'const'],
    ['a missing field', (r: Json) => void delete at(r, 'stamp').dataHash, '/stamp', 'required'],
    ['a count of 1.5', (r: Json) => void (at(r, 'classTransitions').moved = 1.5), '/classTransitions/moved', 'type'],
    ['null where a value is always present', (r: Json) => void (r.comp = null), '/comp', 'type'],
    ['a value outside an enum', (r: Json) => void (at(r, 'inputs').dataFrom = 'elsewhere'), '/inputs/dataFrom', 'enum'],
    ['an abbreviated head SHA', (r: Json) => void (at(r, 'head').sha = 'abc1234'), '/head/sha', 'pattern'],
    [
      'a guardrail approver that is no GitHub login',
      (r: Json) => void (at(r, 'guardrails', 0, 'approvers').users = ['a b']),
      '/guardrails/0/approvers/users/0',
      'pattern',
    ],
    [
      'projected money as a float',
      (r: Json) => void (at(r, 'projection', 'wonRevenue').delta = -12548.79),
      '/projection/wonRevenue/delta',
      'type',
    ],
    [
      'projected money not in cents',
      (r: Json) => void (at(r, 'projection', 'goalForecast').headHigh = '615006.981'),
      '/projection/goalForecast/headHigh',
      'pattern',
    ],
    [
      'an unknown projection code',
      (r: Json) => void (at(r, 'projection').unknown = 'too-hard'),
      '/projection/unknown',
      'enum',
    ],
    [
      'a marginal conversion above 1',
      (r: Json) =>
        void (at(r, 'projection', 'stages', 0).marginal = {
          basis: 'history',
          worked: 4,
          advanced: 3,
          minimumSample: 30,
          rate: 1.5,
          low: 0.3,
          high: 0.9,
        }),
      '/projection/stages/0/marginal/rate',
      'maximum',
    ],
    [
      'a payout change as a float',
      (r: Json) => void (at(r, 'comp', 'plans', 2, 'parts', 2, 'lines', 0, 'payout').delta = -450),
      '/comp/plans/2/parts/2/lines/0/payout/delta',
      'type',
    ],
    [
      'an unknown reason code in a summary',
      (r: Json) => void (at(r, 'comp', 'plans', 2, 'parts', 2, 'reasons', 0).code = 'quota-moved'),
      '/comp/plans/2/parts/2/reasons/0/code',
      'enum',
    ],
    [
      'an unknown reason code on a line',
      (r: Json) => void (at(r, 'comp', 'plans', 2, 'parts', 2, 'lines', 0, 'reasons', 0).code = 'quota-moved'),
      '/comp/plans/2/parts/2/lines/0/reasons/0',
      'oneOf',
    ],
    [
      'a reason without its parameters',
      (r: Json) => void delete at(r, 'comp', 'plans', 2, 'parts', 2, 'lines', 0, 'reasons', 0).attainment,
      '/comp/plans/2/parts/2/lines/0/reasons/0',
      'oneOf',
    ],
    [
      'a line without a reason',
      (r: Json) => void (at(r, 'comp', 'plans', 2, 'parts', 2, 'lines', 0).reasons = []),
      '/comp/plans/2/parts/2/lines/0/reasons',
      'minItems',
    ],
    [
      'an SLA assumption as text',
      (r: Json) => void (at(r, 'slas', 1).assumption = 'Waits scale with utilisation.'),
      '/slas/1/assumption',
      'oneOf',
    ],
    [
      'an SLA assumption missing a parameter',
      (r: Json) => void delete at(r, 'slas', 1, 'assumption').waitFactor,
      '/slas/1/assumption',
      'oneOf',
    ],
    [
      'crossesCapacity outside its enum',
      (r: Json) => void (at(r, 'constraint').crossesCapacity = 'above'),
      '/constraint/crossesCapacity',
      'enum',
    ],
    ['a warning as text', (r: Json) => void (r.warnings = ['something went wrong']), '/warnings/0', 'type'],
    [
      'an unknown warning code',
      (r: Json) => void (r.warnings = [{ code: 'comp.mystery', plan: 'x' }]),
      '/warnings/0/code',
      'enum',
    ],
  ])('rejects a report with %s', (_name, change, instancePath, keyword) => {
    const report = structuredClone(example);
    change(report);
    expect(impactReportErrors(report).map((e) => e.slice(0, e.indexOf(':')))).toContain(
      `${instancePath || '/'} ${keyword}`,
    );
  });

  it('is closed everywhere as published; readers keep closed only the merge gate (head, guardrails), and refuse prototype keys', () => {
    const published = objectSchemas(impactReportSchema);
    // An engine warning's extra keys are its parameters (typed by `additionalProperties`), as in the Report's schema.
    expect(published.filter(([, s]) => s.additionalProperties !== false).map(([p]) => p)).toEqual([
      '/$defs/engine-warning',
    ]);
    const closed = objectSchemas(openForReaders(impactReportSchema))
      .filter(([, s]) => s.additionalProperties === false)
      .map(([p, s]) => [p, s.$comment]);
    expect(closed).toEqual([
      ['/properties/head', closedForReadersMarker],
      // Each crossing (above, below, is-true, data-changed, unmeasurable, policies-changed and its policies).
      ...[0, 1, 2, 3, 4].map((i) => [`/$defs/guardrail-crossing/oneOf/${i}`, closedForReadersMarker]),
      // Each reason a metric cannot be measured.
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => [
        `/$defs/guardrail-crossing/oneOf/4/properties/reason/oneOf/${i}`,
        closedForReadersMarker,
      ]),
      ['/$defs/guardrail-crossing/oneOf/5', closedForReadersMarker],
      ['/$defs/guardrail-crossing/oneOf/5/properties/policies/items', closedForReadersMarker],
      ['/$defs/guardrail-result', closedForReadersMarker],
      ['/$defs/guardrail-result/properties/threshold', closedForReadersMarker],
      ['/$defs/guardrail-result/properties/approvers', closedForReadersMarker],
      // A guardrail's waiver: an `applied` one lifts its approvals.
      ['/$defs/guardrail-result/properties/waiver', closedForReadersMarker],
    ]);
    const report = structuredClone(example);
    report.newSection = { figure: 1 };
    at(report, 'projection').newFigure = 1;
    at(report, 'comp', 'plans', 2, 'parts', 2, 'lines', 0, 'reasons', 0).newParameter = 1;
    expect(() => validateImpactReport(report, 'impact.json')).not.toThrow();
    at(report, 'guardrails', 0).waived = true;
    expect(() => validateImpactReport(report, 'impact.json')).toThrow(/guardrails\[0\] has an unknown key "waived"/);
    delete at(report, 'guardrails', 0).waived;
    at(report, 'guardrails', 0).crossings = [
      { code: 'above', metric: 'constraint_utilisation', value: 1.02, limit: 1, x: 1 },
    ];
    expect(() => validateImpactReport(report, 'impact.json')).toThrow(/guardrails\[0\]\.crossings\[0\]/);
  });

  it('ties each object schema to its TypeScript type: a missing, unknown or wrongly optional key does not compile', () => {
    const props = { engine: {}, engineVersion: {}, dataHash: {}, asOf: {}, asOfSource: {}, generatedAt: {} };
    const stamp = objectOf<ImpactReport['stamp']>(props, { optional: { generatedAt: true } });
    expect(stamp.required).toEqual(['engine', 'engineVersion', 'dataHash', 'asOf', 'asOfSource']);
    // @ts-expect-error `generatedAt` is optional in the type, so `optional` must say so
    objectOf<ImpactReport['stamp']>(props, {});
    const withoutOne = { engine: {}, engineVersion: {}, dataHash: {}, asOf: {}, asOfSource: {} };
    // @ts-expect-error a key of the type has no schema
    objectOf<ImpactReport['stamp']>(withoutOne, { optional: { generatedAt: true } });
    // @ts-expect-error a schema for a key the type does not have
    objectOf<ImpactReport['stamp']>({ ...props, extra: {} }, { optional: { generatedAt: true } });
  });

  it('holds every report a test renders to the schema (test/setup/validate-impact-reports.ts)', () => {
    const report = structuredClone(example);
    delete report.guardrails;
    expect(() => renderImpact(report as never, 'markdown', { color: false })).toThrow(
      /renderImpact \(markdown\) produced an impact report that does not meet its schema:\n\/ required: must have required property 'guardrails'/,
    );
  });
});

/** The object at a path of keys and indexes in a report (the test fails if it is not there). */
function at(report: Json, ...path: (string | number)[]): Json {
  let node: unknown = report;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  expect(node).toBeTypeOf('object');
  return node as Json;
}
