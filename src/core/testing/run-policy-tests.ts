import { DateTime } from 'luxon';
import { canonicalModel } from '../model/canonical.js';
import { listClauses } from '../logic/compile.js';
import type { BusinessCalendar, CoverageSink } from '../logic/compile.js';
import { compileLeadDefinition } from '../engine/classify.js';
import type { LeadClassification } from '../engine/classify.js';
import type { Policy, PolicySet, PolicyTestSpec } from '../policy/types.js';

type Path = (string | number)[];

/** One expectation that did not hold. */
export interface TestDiff {
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface TestCaseResult {
  file: string;
  suite: string;
  name: string;
  /** Data path of the case in its test file, to locate it. */
  path: Path;
  status: 'passed' | 'failed' | 'error';
  diffs: TestDiff[];
  error?: string;
  actual?: LeadClassification;
}

/** Which clauses (operator nodes) of each rule the tests evaluated. */
export interface ClauseCoverage {
  policy: string;
  file: string;
  total: number;
  covered: number;
  uncovered: Path[];
}

export interface PolicyTestReport {
  cases: TestCaseResult[];
  passed: number;
  failed: number;
  coverage: ClauseCoverage[];
  /** covered / total over every policy under test, 0–100; 100 when there is nothing to cover. */
  coveragePercent: number;
}

function rulesOf(def: Policy<'LeadDefinition'>): { rule: unknown; path: Path }[] {
  const s = def.spec;
  const out: { rule: unknown; path: Path }[] = [];
  s.exclusions?.forEach((r, i) => out.push({ rule: r.when, path: ['spec', 'exclusions', i, 'when'] }));
  s.handRaisers?.forEach((r, i) => out.push({ rule: r.when, path: ['spec', 'handRaisers', i, 'when'] }));
  for (const category of ['fit', 'engagement'] as const) {
    s.scoring?.[category]?.rules.forEach((r, i) => {
      const base = ['spec', 'scoring', category, 'rules', i];
      if (r.when !== undefined) out.push({ rule: r.when, path: [...base, 'when'] });
      if (typeof r.points !== 'number') out.push({ rule: r.points, path: [...base, 'points'] });
    });
  }
  s.classes.forEach((c, i) => c.when !== undefined && out.push({ rule: c.when, path: ['spec', 'classes', i, 'when'] }));
  return out;
}

/** Builds a lead row from a test case the way the data readers would: datetimes become epoch ms. */
export function toLeadRow(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const row: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [field, value] of Object.entries(values)) {
    const type = canonicalModel.leads[field]?.type;
    row[field] = type === 'datetime' && typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }).toMillis() : value;
  }
  return row;
}

function compare(field: string, expected: unknown, actual: number | string | undefined, diffs: TestDiff[]): void {
  if (expected === undefined) return;
  if (typeof expected === 'object' && expected !== null) {
    const { min, max } = expected as { min?: number; max?: number };
    const value = Number(actual);
    if ((min !== undefined && value < min - 1e-9) || (max !== undefined && value > max + 1e-9)) diffs.push({ field, expected, actual });
    return;
  }
  const isEqual = typeof expected === 'number' ? Math.abs(Number(actual) - expected) <= 1e-6 : expected === actual;
  if (!isEqual) diffs.push({ field, expected, actual });
}

/** Runs every PolicyTest of the set against the policy it names; pure, deterministic. */
export function runPolicyTests(set: PolicySet, options: { calendars?: ReadonlyMap<string, BusinessCalendar> } = {}): PolicyTestReport {
  const hits = new Map<string, Set<string>>();
  const cases: TestCaseResult[] = [];
  for (const test of set.PolicyTest) {
    const spec: PolicyTestSpec = test.spec;
    const def = set.LeadDefinition.find((d) => d.metadata.name === spec.leadDefinition);
    const hitSet = hits.get(spec.leadDefinition) ?? new Set<string>();
    hits.set(spec.leadDefinition, hitSet);
    const coverage: CoverageSink = { hit: (path) => void hitSet.add(JSON.stringify(path)) };
    const asOf = DateTime.fromISO(spec.asOf, { setZone: true }).toMillis();
    const compiled = def === undefined ? undefined : compileLeadDefinition(def, { asOf, coverage, ...(options.calendars ? { calendars: options.calendars } : {}) });
    spec.cases.forEach((c, i) => {
      const result: TestCaseResult = { file: test.file, suite: test.metadata.name, name: c.name, path: ['spec', 'cases', i], status: 'passed', diffs: [] };
      cases.push(result);
      if (compiled === undefined) {
        result.status = 'error';
        result.error = `LeadDefinition \`${spec.leadDefinition}\` does not exist.`;
        return;
      }
      try {
        const actual = compiled.classify(toLeadRow(c.lead));
        result.actual = actual;
        compare('class', c.expect.class, actual.class, result.diffs);
        compare('reason', c.expect.reason, actual.reason, result.diffs);
        compare('rule', c.expect.rule, actual.ruleId, result.diffs);
        compare('fit', c.expect.fit, actual.fit, result.diffs);
        compare('engagement', c.expect.engagement, actual.engagement, result.diffs);
        compare('score', c.expect.score, actual.score, result.diffs);
        if (result.diffs.length > 0) result.status = 'failed';
      } catch (error) {
        result.status = 'error';
        result.error = error instanceof Error ? error.message : String(error);
      }
    });
  }
  const coverage: ClauseCoverage[] = [];
  for (const [name, hitSet] of hits) {
    const def = set.LeadDefinition.find((d) => d.metadata.name === name);
    if (def === undefined) continue;
    const all = rulesOf(def).flatMap(({ rule, path }) => listClauses(rule, path));
    const uncovered = all.filter((path) => !hitSet.has(JSON.stringify(path)));
    coverage.push({ policy: name, file: def.file, total: all.length, covered: all.length - uncovered.length, uncovered });
  }
  const total = coverage.reduce((n, c) => n + c.total, 0);
  const covered = coverage.reduce((n, c) => n + c.covered, 0);
  const passed = cases.filter((c) => c.status === 'passed').length;
  return { cases, passed, failed: cases.length - passed, coverage, coveragePercent: total === 0 ? 100 : (100 * covered) / total };
}
