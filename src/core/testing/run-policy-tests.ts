import { listClauses } from '../logic/compile.js';
import type { BusinessCalendar, CoverageSink } from '../logic/compile.js';
import { compileLeadDefinition } from '../engine/classify.js';
import type { LeadClassification } from '../engine/classify.js';
import type { LeadPolicyTestSpec, Policy, PolicySet } from '../policy/types.js';
import { compareExpected, failWithError, startCase, toInstant, toRow } from './case-result.js';
import type { TestCaseResult } from './case-result.js';
import { runCompTests } from './run-comp-tests.js';
import type { CompCaseOutcome } from './run-comp-tests.js';
import { runSlaTests } from './run-sla-tests.js';
import type { SlaCaseOutcome } from './run-sla-tests.js';

export type { TestCaseResult, TestDiff } from './case-result.js';
export type { CompCaseOutcome } from './run-comp-tests.js';
export type { SlaCaseOutcome } from './run-sla-tests.js';

type Path = (string | number)[];

/** Which clauses (operator nodes) of each rule the tests evaluated. */
export interface ClauseCoverage {
  policy: string;
  file: string;
  total: number;
  covered: number;
  uncovered: Path[];
}

export interface PolicyTestReport {
  /** Every case in file order: lead cases carry the classification, SLA cases the outcome, comp cases the payout. */
  cases: TestCaseResult<LeadClassification | SlaCaseOutcome | CompCaseOutcome>[];
  passed: number;
  failed: number;
  /** Clause coverage of the lead definitions under test (SLA and comp tests have none). */
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
  return toRow('leads', values);
}

type LeadTest = Policy<'PolicyTest'> & { spec: LeadPolicyTestSpec };

function runLeadTests(
  set: PolicySet,
  test: LeadTest,
  hits: Map<string, Set<string>>,
  calendars: ReadonlyMap<string, BusinessCalendar> | undefined,
): TestCaseResult<LeadClassification>[] {
  const { spec } = test;
  const def = set.LeadDefinition.find((d) => d.metadata.name === spec.leadDefinition);
  const hitSet = hits.get(spec.leadDefinition) ?? new Set<string>();
  hits.set(spec.leadDefinition, hitSet);
  const coverage: CoverageSink = { hit: (path) => void hitSet.add(JSON.stringify(path)) };
  const compiled =
    def === undefined
      ? undefined
      : compileLeadDefinition(def, { asOf: toInstant(spec.asOf), coverage, ...(calendars ? { calendars } : {}) });
  return spec.cases.map((c, i) => {
    const result = startCase<LeadClassification>(test, c.name, i);
    if (compiled === undefined) {
      result.status = 'error';
      result.error = `LeadDefinition \`${spec.leadDefinition}\` does not exist.`;
      return result;
    }
    try {
      const actual = compiled.classify(toLeadRow(c.lead));
      result.actual = actual;
      compareExpected('class', c.expect.class, actual.class, result.diffs);
      compareExpected('reason', c.expect.reason, actual.reason, result.diffs);
      compareExpected('rule', c.expect.rule, actual.ruleId, result.diffs);
      compareExpected('fit', c.expect.fit, actual.fit, result.diffs);
      compareExpected('engagement', c.expect.engagement, actual.engagement, result.diffs);
      compareExpected('score', c.expect.score, actual.score, result.diffs);
      if (result.diffs.length > 0) result.status = 'failed';
    } catch (error) {
      failWithError(result, error);
    }
    return result;
  });
}

/** Runs every PolicyTest of the set against the policy it names; pure, deterministic. */
export function runPolicyTests(
  set: PolicySet,
  options: { calendars?: ReadonlyMap<string, BusinessCalendar> } = {},
): PolicyTestReport {
  const hits = new Map<string, Set<string>>();
  const cases: PolicyTestReport['cases'] = [];
  const calendars = options.calendars ?? new Map<string, BusinessCalendar>();
  for (const test of set.PolicyTest) {
    const { spec } = test;
    if ('handoffSla' in spec) cases.push(...runSlaTests(set, { ...test, spec }, calendars));
    else if ('compPlan' in spec) cases.push(...runCompTests(set, { ...test, spec }, calendars));
    else cases.push(...runLeadTests(set, { ...test, spec }, hits, options.calendars));
  }
  const coverage: ClauseCoverage[] = [];
  for (const [name, hitSet] of hits) {
    const def = set.LeadDefinition.find((d) => d.metadata.name === name);
    if (def === undefined) continue;
    const all = rulesOf(def).flatMap(({ rule, path }) => listClauses(rule, path));
    const uncovered = all.filter((path) => !hitSet.has(JSON.stringify(path)));
    coverage.push({
      policy: name,
      file: def.file,
      total: all.length,
      covered: all.length - uncovered.length,
      uncovered,
    });
  }
  const total = coverage.reduce((n, c) => n + c.total, 0);
  const covered = coverage.reduce((n, c) => n + c.covered, 0);
  const passed = cases.filter((c) => c.status === 'passed').length;
  return {
    cases,
    passed,
    failed: cases.length - passed,
    coverage,
    coveragePercent: total === 0 ? 100 : (100 * covered) / total,
  };
}
