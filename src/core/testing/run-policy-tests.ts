import type { BusinessCalendar } from '../logic/compile.js';
import { compileLeadDefinition } from '../engine/classify.js';
import type { LeadClassification } from '../engine/classify.js';
import type { LeadPolicyTestSpec, Policy, PolicySet } from '../policy/types.js';
import { listDeclaredFields } from '../policy/custom-fields.js';
import type { FieldType } from '../model/canonical.js';
import { compareExpected, failWithError, startCase, toInstant, toRow } from './case-result.js';
import type { TestCaseResult } from './case-result.js';
import { runCompTests } from './run-comp-tests.js';
import type { CompCaseOutcome } from './run-comp-tests.js';
import { runSlaTests } from './run-sla-tests.js';
import { createOutcomeLedger, sumCoverage } from './outcome-coverage.js';
import type { Locate, OutcomeLedger, PolicyCoverage } from './outcome-coverage.js';
import type { SlaCaseOutcome } from './run-sla-tests.js';

export type { TestCaseResult, TestDiff } from './case-result.js';
export type { CompCaseOutcome } from './run-comp-tests.js';
export type { SlaCaseOutcome } from './run-sla-tests.js';
export type { Outcome, OutcomeItemKind, PolicyCoverage, UncoveredItem } from './outcome-coverage.js';

/** The results of every test case, and which decisions of each policy they saw go both ways. */
export interface PolicyTestReport {
  /** Every case in file order: lead cases carry the classification, SLA cases the outcome, comp cases the payout. */
  cases: TestCaseResult<LeadClassification | SlaCaseOutcome | CompCaseOutcome>[];
  passed: number;
  failed: number;
  /**
   * Outcome coverage of every lead definition, handoff SLA and comp plan of the set, tested or
   * not: a decision (scoring rule, class threshold, SLA target, tier, gate…) is covered when
   * the cases saw it both ways (fired and not fired, met and missed…).
   */
  coverage: PolicyCoverage[];
  /** Decisions covered, of all decisions of every policy. */
  coverageCount: { covered: number; total: number };
  /** Covered decisions / all decisions, 0–100; 100 when there is nothing to cover. */
  coveragePercent: number;
}

/**
 * Builds a lead row from a test case the way the data readers would: datetimes become epoch ms;
 * `custom` holds the custom lead fields the FieldMappings declare (see `toRow`).
 */
export function toLeadRow(
  values: Readonly<Record<string, unknown>>,
  custom?: ReadonlyMap<string, { type: FieldType }>,
): Record<string, unknown> {
  return toRow('leads', values, custom);
}

type LeadTest = Policy<'PolicyTest'> & { spec: LeadPolicyTestSpec };

function runLeadTests(
  set: PolicySet,
  test: LeadTest,
  ledger: OutcomeLedger,
  calendars: ReadonlyMap<string, BusinessCalendar> | undefined,
): TestCaseResult<LeadClassification>[] {
  const { spec } = test;
  const name = spec.leadDefinition;
  const def = set.LeadDefinition.find((d) => d.metadata.name === name);
  const observe = (path: readonly (string | number)[], isTrue: boolean): void =>
    ledger.record('LeadDefinition', name, path, isTrue);
  const custom = listDeclaredFields(set.FieldMapping).get('leads');
  const compiled =
    def === undefined
      ? undefined
      : compileLeadDefinition(def, { asOf: toInstant(spec.asOf), observe, ...(calendars ? { calendars } : {}) });
  return spec.cases.map((c, i) => {
    const result = startCase<LeadClassification>(test, c.name, i);
    if (compiled === undefined) {
      result.status = 'error';
      result.error = `LeadDefinition \`${spec.leadDefinition}\` does not exist.`;
      return result;
    }
    ledger.countCase('LeadDefinition', name);
    try {
      const actual = compiled.classify(toLeadRow(c.lead, custom));
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
  options: { calendars?: ReadonlyMap<string, BusinessCalendar>; locate?: Locate } = {},
): PolicyTestReport {
  const ledger = createOutcomeLedger();
  const cases: PolicyTestReport['cases'] = [];
  const calendars = options.calendars ?? new Map<string, BusinessCalendar>();
  for (const test of set.PolicyTest) {
    const { spec } = test;
    if ('handoffSla' in spec) cases.push(...runSlaTests(set, { ...test, spec }, calendars, ledger));
    else if ('compPlan' in spec) cases.push(...runCompTests(set, { ...test, spec }, calendars, ledger));
    else cases.push(...runLeadTests(set, { ...test, spec }, ledger, options.calendars));
  }
  const coverage = ledger.summarise(set, options.locate);
  const { covered, total, percent } = sumCoverage(coverage);
  const passed = cases.filter((c) => c.status === 'passed').length;
  return {
    cases,
    passed,
    failed: cases.length - passed,
    coverage,
    coverageCount: { covered, total },
    coveragePercent: percent,
  };
}
