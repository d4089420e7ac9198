import type { CompWarning } from '../report/warnings.js';
import { DateTime } from 'luxon';
import { Decimal } from 'decimal.js';
import { emptyTable } from '../data/column-table.js';
import { computeComp } from '../engine/comp/index.js';
import { fromPolicyNumber } from '../engine/comp/money.js';
import type { CompContext } from '../engine/comp/index.js';
import type { BusinessCalendar } from '../logic/compile.js';
import type { CompPolicyTestSpec, Policy, PolicySet } from '../policy/types.js';
import { listDeclaredFields } from '../policy/custom-fields.js';
import type { TimeWindow } from '../engine/context.js';
import { compareMoney, failWithError, startCase, toInstant, toRow } from './case-result.js';
import type { TestCaseResult } from './case-result.js';
import { recordCompOutcomes } from './comp-outcomes.js';
import type { OutcomeLedger } from './outcome-coverage.js';

type CompCase = CompPolicyTestSpec['cases'][number];

/** What a CompPlan paid the person of one test case over its period. */
export interface CompCaseOutcome {
  /** Total payout (variable pay, SPIFs, clawbacks) to the cent. */
  payout: string;
  /** Payout per component id, after gates and before team multipliers. */
  components: Record<string, string>;
  /** The plan's warnings, e.g. an unknown shared-goal attainment. */
  warnings: CompWarning[];
}

/** `[start, end)` of `2026`, `2026-Q1` or `2026-02` in `timeZone`. */
export function parsePeriod(label: string, timeZone: string): TimeWindow {
  const m = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/.exec(label);
  if (m === null) throw new RangeError(`not a period: ${label}`);
  const year = Number(m[1]);
  const start = DateTime.fromObject(
    { year, month: m[2] !== undefined ? (Number(m[2]) - 1) * 3 + 1 : Number(m[3] ?? 1), day: 1 },
    { zone: timeZone },
  );
  const end = start.plus(m[2] !== undefined ? { months: 3 } : m[3] !== undefined ? { months: 1 } : { years: 1 });
  return { start: start.toMillis(), end: end.toMillis() };
}

/**
 * The CompContext of one case: its period as the window, its person and deals as the data, its goal
 * values as stubs.
 */
function contextOf(
  set: PolicySet,
  plan: Policy<'CompPlan'>,
  spec: CompPolicyTestSpec,
  c: CompCase,
  calendars: ReadonlyMap<string, BusinessCalendar>,
): CompContext {
  const calendar = [...set.Calendar].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))[0];
  const timeZone = calendar?.spec.timeZone ?? 'UTC';
  const period = parsePeriod(c.period, timeZone);
  const asOf = Math.min(spec.asOf === undefined ? Infinity : toInstant(spec.asOf), period.end - 1);
  const person = toRow('users', {
    id: c.person.id,
    role: c.person.role ?? plan.spec.roles[0] ?? null,
    team: c.person.team ?? plan.spec.team,
  });
  const declared = listDeclaredFields(set.FieldMapping);
  const opportunities = (c.opportunities ?? []).map((o, i) =>
    toRow('opportunities', { id: `o${i + 1}`, owner_id: c.person.id, ...o }, declared.get('opportunities')),
  );
  const leads = (c.leads ?? []).map((l, i) => toRow('leads', { id: `l${i + 1}`, ...l }, declared.get('leads')));
  return {
    asOf,
    window: { start: period.start, end: asOf + 1 },
    timeZone,
    calendars,
    users: new Map([[c.person.id, person]]),
    data: {
      leads,
      opportunities,
      activities: emptyTable,
      users: [person],
      stage_events: [],
      spend: [],
      files: [],
      issues: [],
      absent: [],
      ignoredFiles: [],
    },
    goal: set.RevenueGoal.find((g) => g.metadata.name === plan.spec.goal),
    // The case's figure as written (0.6999999999 stays that), exact like the engine's.
    goalAttainment: () => (c.goalAttainment === undefined ? null : fromPolicyNumber(c.goalAttainment)),
    constraintMet: () => c.constraintMet ?? null,
  };
}

function payCase(
  set: PolicySet,
  plan: Policy<'CompPlan'>,
  spec: CompPolicyTestSpec,
  c: CompCase,
  calendars: ReadonlyMap<string, BusinessCalendar>,
  record: (path: (string | number)[], isTrue: boolean) => void,
): CompCaseOutcome {
  const ctx = contextOf(set, plan, spec, c, calendars);
  const section = computeComp([plan], ctx);
  const lines = section.plans[0]?.people.find((p) => p.id === c.person.id)?.periods ?? [];
  // The shared figures a case leaves out count as 0 in the engine; they decide nothing here.
  const unknown = new Set([
    ...(c.goalAttainment === undefined ? ['goal_attainment'] : []),
    ...(c.constraintMet === undefined ? ['constraint_target_met'] : []),
  ]);
  recordCompOutcomes(plan.spec, lines, ctx.data.opportunities, ctx.window, unknown, record);
  const components: Record<string, Decimal> = Object.fromEntries(
    plan.spec.components.map((k) => [k.id, new Decimal(0)]),
  );
  let payout = new Decimal(0);
  for (const line of lines) {
    payout = payout.plus(line.total);
    for (const k of line.components) components[k.id] = (components[k.id] ?? new Decimal(0)).plus(k.payout);
  }
  return {
    payout: payout.toFixed(2),
    components: Object.fromEntries(Object.entries(components).map(([id, amount]) => [id, amount.toFixed(2)])),
    warnings: section.warnings,
  };
}

/** Runs the cases of a PolicyTest of a CompPlan, each a scenario of its own. */
export function runCompTests(
  set: PolicySet,
  test: Policy<'PolicyTest'> & { spec: CompPolicyTestSpec },
  calendars: ReadonlyMap<string, BusinessCalendar>,
  ledger: OutcomeLedger,
): TestCaseResult<CompCaseOutcome>[] {
  const { spec } = test;
  const plan = set.CompPlan.find((p) => p.metadata.name === spec.compPlan);
  return spec.cases.map((c, i) => {
    const result = startCase<CompCaseOutcome>(test, c.name, i);
    if (plan === undefined) {
      result.status = 'error';
      result.error = `CompPlan \`${spec.compPlan}\` does not exist.`;
      return result;
    }
    ledger.countCase('CompPlan', plan.metadata.name);
    try {
      const actual = payCase(set, plan, spec, c, calendars, (path, isTrue) =>
        ledger.record('CompPlan', plan.metadata.name, path, isTrue),
      );
      result.actual = actual;
      compareMoney('payout', c.expect.payout, actual.payout, result.diffs);
      for (const [id, amount] of Object.entries(c.expect.components ?? {}))
        compareMoney(`components.${id}`, amount, actual.components[id] ?? '0', result.diffs);
      if (result.diffs.length > 0) result.status = 'failed';
    } catch (error) {
      failWithError(result, error);
    }
    return result;
  });
}
