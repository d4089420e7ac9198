import type { PeriodValues } from '../../engine/comp/metric-types.js';
import { Dec, formatMoney, ZERO } from '../../engine/comp/money.js';
import type { Decimal } from '../../engine/comp/money.js';
import { payPlanOnValues, sectionOf } from '../../engine/comp/pay-on-values.js';
import { sumPlanParts } from '../../engine/comp/parts.js';
import { goalPeriodOf } from '../../engine/goal.js';
import { listPeriods } from '../../engine/periods.js';
import type { Period } from '../../engine/periods.js';
import type { Policy } from '../../policy/types.js';
import type { CompMetric, CompPerson, CompPlanResult } from '../../report/comp.js';
import type {
  PayMetricUnknown,
  ProjectedPayMetric,
  ProjectedPayouts,
  ProjectedPlanPayout,
} from '../../report/projection-payouts.js';
import { comparePayouts } from '../payout-changes.js';
import { explainHiddenMoves, sumTotals } from './payout-compare.js';
import type { FlowStage } from './flow.js';
import { planMetric } from './payout-values.js';
import type { PayFrame, PaySide } from './payout-values.js';

export type { PaySide } from './payout-values.js';

const WEEK_MS = 604_800_000;

/** What the payout projection needs from the flow projection. */
export interface PayoutInput {
  base: PaySide;
  head: PaySide;
  /** Stage ids from the entry stage to won, as the flow runs them. */
  path: readonly string[];
  flow: {
    base: readonly FlowStage[];
    head: readonly FlowStage[];
    headLow: readonly FlowStage[];
    headHigh: readonly FlowStage[];
  };
  dealSize: Decimal | null;
  /** Window start and as-of (epoch ms), and the weeks of data between them. */
  window: { start: number; asOf: number; weeks: Decimal };
}

type Variant = 'base' | 'head' | 'headLow' | 'headHigh';

interface PlanRun {
  result: CompPlanResult | null;
  periods: { label: string; weeksProjected: number }[];
  people: number;
  metrics: ProjectedPayMetric[];
  unknown: PayMetricUnknown | null;
}

/** The people on the plan at as-of: active in its last observed period. */
function peopleAtAsOf(plan: CompPlanResult): string[] {
  const last = plan.periods[plan.periods.length - 1]?.label;
  return plan.people.filter((p: CompPerson) => p.periods.some((k) => k.period === last && k.isActive)).map((p) => p.id);
}

function metricsOf(spec: Policy<'CompPlan'>['spec']): CompMetric[] {
  const all = [...spec.components, ...(spec.gates ?? []), ...(spec.teamMultipliers ?? [])].map((x) => x.metric);
  return [...new Set(all as CompMetric[])];
}

/** One plan paid on one frame's projected values, period by period, merged into one plan result. */
function runPlan(policy: Policy<'CompPlan'>, plan: CompPlanResult, frame: PayFrame, goalEnd: number): PlanRun {
  const { asOf } = frame.window;
  const periods = listPeriods(policy.spec.period, { start: asOf, end: goalEnd }, frame.side.report.window.timeZone);
  const weeksLeft = (p: Period) => new Dec(p.end - Math.max(p.start, asOf)).div(WEEK_MS);
  const shown = periods.map((p) => ({ label: p.label, weeksProjected: weeksLeft(p).toDecimalPlaces(4).toNumber() }));
  const people = peopleAtAsOf(plan);
  const metrics = metricsOf(policy.spec).map((m) => planMetric(policy.spec, plan, m, frame));
  const how = metrics.map((m) => m.how);
  const failed = how.find((m) => m.unknown !== null)?.unknown ?? null;
  if (failed !== null) return { result: null, periods: shown, people: people.length, metrics: how, unknown: failed };
  const paid = periods.map((p) => {
    const values = new Map<CompMetric, PeriodValues>();
    for (const m of metrics) {
      const v = m.value?.(p, weeksLeft(p)) ?? null;
      if (v !== null) values.set(m.how.metric, v);
    }
    const period = {
      label: p.label,
      start: new Date(p.start).toISOString(),
      end: new Date(p.end).toISOString(),
      covered: 1,
    };
    return payPlanOnValues(policy, period, people, values);
  });
  const byId = new Map<string, CompPerson>();
  let total = ZERO;
  for (const r of paid) {
    total = total.plus(r.totals.total);
    for (const person of r.people) {
      const had = byId.get(person.id);
      byId.set(person.id, {
        ...person,
        periods: [...(had?.periods ?? []), ...person.periods],
        total: formatMoney(new Dec(had?.total ?? 0).plus(person.total)),
      });
    }
  }
  const result: CompPlanResult = {
    ...plan,
    isTeamCredit: plan.isTeamCredit,
    periods: paid.flatMap((r) => r.periods),
    people: [...byId.values()],
    totals: {
      periods: paid.flatMap((r) => r.totals.periods),
      parts: sumPlanParts(policy.spec.components, [...byId.values()]),
      total: formatMoney(total),
    },
  };
  return { result, periods: shown, people: people.length, metrics: how, unknown: null };
}

const keyOf = (p: { name: string; currency: string }) => `${p.name}\u0000${p.currency}`;

/** Every plan of one side paid on one variant of the flow, by plan key. */
function runSide(input: PayoutInput, side: PaySide, variant: Variant, goalEnd: number): Map<string, PlanRun> {
  const frame: PayFrame = {
    side,
    flow: input.flow[variant],
    path: input.path,
    dealSize: input.dealSize,
    window: input.window,
  };
  const out = new Map<string, PlanRun>();
  for (const plan of side.report.comp?.plans ?? []) {
    const policy = side.set.CompPlan.find((p) => p.metadata.name === plan.name && p.file === plan.file);
    if (policy !== undefined) out.set(keyOf(plan), runPlan(policy, plan, frame, goalEnd));
  }
  return out;
}

const money = (d: Decimal | null) => (d === null ? null : formatMoney(d));
const minus = (a: Decimal | null, b: Decimal | null) => (a === null || b === null ? null : a.minus(b));

/**
 * Every comp plan paid on the projected volumes: for each payout period from the one in progress at
 * as-of to the one the goal period ends in, each metric is its observed value so far plus the flow's
 * weekly volume for the weeks left (see `planMetric`), paid with `payPlanOnValues` (exact decimals;
 * tiers, caps, gates and team multipliers as the plan says), under base and head, and the head at
 * the low and high bounds of its marginal conversions; base vs head compared part by part with the
 * coded reasons. A plan with a metric that cannot be projected is null with the reason, never 0.
 */
export function projectPayouts(input: PayoutInput): ProjectedPayouts {
  // The base's goal period, like the horizon of the flow: payout periods run to the one it ends in.
  const goal = input.base.set.RevenueGoal[0];
  const goalEnd = goal === undefined ? null : goalPeriodOf(goal, input.base.report.window.timeZone).end;
  if (goalEnd === null || goalEnd <= input.window.asOf) return { plans: [], totals: [], unknown: 'no-goal' };
  if (input.path.length === 0) return { plans: [], totals: [], unknown: 'no-flow' };
  const runs = {
    base: runSide(input, input.base, 'base', goalEnd),
    head: runSide(input, input.head, 'head', goalEnd),
    headLow: runSide(input, input.head, 'headLow', goalEnd),
    headHigh: runSide(input, input.head, 'headHigh', goalEnd),
  };
  const keys = [...new Set([...runs.base.keys(), ...runs.head.keys()])].sort();
  const plans = keys.map((k): ProjectedPlanPayout => {
    const [b, h] = [runs.base.get(k), runs.head.get(k)];
    const [plan = '', currency = ''] = k.split('\u0000');
    const unknown = b?.unknown ?? h?.unknown ?? null;
    const totalOf = (r: PlanRun | undefined) =>
      r === undefined ? ZERO : r.result === null ? null : new Dec(r.result.totals.total);
    const bt = totalOf(b);
    const [low, high] = [totalOf(runs.headLow.get(k)), totalOf(runs.headHigh.get(k))];
    const [br, hr] = [b?.result ?? null, h?.result ?? null];
    const compared =
      unknown !== null
        ? null
        : (comparePayouts(sectionOf(br === null ? [] : [br]), sectionOf(hr === null ? [] : [hr]))[0] ?? null);
    const payout = compared === null || !isSameTerms(input, k) ? compared : explainHiddenMoves(compared, br, hr);
    return {
      plan,
      currency,
      periods: (h ?? b)?.periods ?? [],
      people: { base: b?.people ?? 0, head: h?.people ?? 0 },
      metrics: (h ?? b)?.metrics ?? [],
      payout,
      range:
        unknown !== null
          ? { headLow: null, headHigh: null, deltaLow: null, deltaHigh: null }
          : {
              headLow: money(low),
              headHigh: money(high),
              deltaLow: money(minus(low, bt)),
              deltaHigh: money(minus(high, bt)),
            },
      unknown,
    };
  });
  return { plans, totals: sumTotals(plans), unknown: null };
}

/** Whether both sides hold the plan with the very same terms. */
function isSameTerms(input: PayoutInput, key: string): boolean {
  const find = (side: PaySide) =>
    side.set.CompPlan.find((p) => keyOf({ name: p.metadata.name, currency: p.spec.currency }) === key);
  const [b, h] = [find(input.base), find(input.head)];
  return b !== undefined && h !== undefined && JSON.stringify(b.spec) === JSON.stringify(h.spec);
}
