import type { PeriodValues } from '../../engine/comp/metric-types.js';
import { Dec, ONE, ZERO } from '../../engine/comp/money.js';
import type { Decimal } from '../../engine/comp/money.js';
import { meetsTarget } from '../../engine/constraint.js';
import { goalPeriodOf } from '../../engine/goal.js';
import type { Period } from '../../engine/periods.js';
import type { StageTrack } from '../../engine/stages.js';
import type { Policy, PolicySet } from '../../policy/types.js';
import type { CompMetric, CompPlanResult } from '../../report/comp.js';
import type { Report } from '../../report/index.js';
import type { PayMetricUnknown, ProjectedPayMetric } from '../../report/projection-payouts.js';
import type { FlowStage } from './flow.js';

const WEEK_MS = 604_800_000;

/** One side of the comparison as the payout projection reads it. */
export interface PaySide {
  report: Report;
  set: PolicySet;
  tracks: readonly StageTrack[];
  /** The evaluation's goal attainment over a span (counted to as-of); absent or null when unknown. */
  goalAttainment?: (start: number, end: number) => Decimal | null;
}

/** What one side's metrics are projected from: its flow (base, head or a bound of the head) along the path. */
export interface PayFrame {
  side: PaySide;
  flow: readonly FlowStage[];
  path: readonly string[];
  /** Average won deal (1 for a `won_deals` goal); null when unknown. */
  dealSize: Decimal | null;
  window: { start: number; asOf: number; weeks: Decimal };
}

/** A metric's values for one payout period, or why they cannot be known. */
export type PeriodValuer = (period: Period, weeksLeft: Decimal) => PeriodValues | null;

/** Which lead or opportunity field each stage-driven metric counts, as a stage's entry event. */
const stageFields: Partial<Record<CompMetric, { entity: 'lead' | 'opportunity'; field: string } | 'won'>> = {
  sal_count: { entity: 'lead', field: 'sal_at' },
  sql_count: { entity: 'lead', field: 'sql_at' },
  opportunities_created: { entity: 'opportunity', field: 'created_at' },
  sourced_pipeline_amount: { entity: 'opportunity', field: 'created_at' },
  won_amount: 'won',
  sourced_won_amount: 'won',
};
const sourced: ReadonlySet<CompMetric> = new Set(['sourced_won_amount', 'sourced_pipeline_amount']);

/** The funnel stage whose entry is the event the metric counts; null when none. */
function stageOfMetric(set: PolicySet, metric: CompMetric): string | null {
  const want = stageFields[metric];
  const funnel = set.Funnel[0]?.spec;
  if (want === undefined || funnel === undefined) return null;
  if (want === 'won') return funnel.stages.find((s) => s.terminal === 'won')?.id ?? null;
  const events = new Map(funnel.events.map((e) => [e.id, e]));
  const stage = funnel.stages.find((s) => {
    const e = events.get(s.entry);
    return s.terminal === undefined && e?.entity === want.entity && 'field' in e && e.field === want.field;
  });
  return stage?.id ?? null;
}

// Entries counted per track and span: every plan, metric and bound of the flow asks for the same few.
const counted = new WeakMap<Float64Array, Map<string, number>>();

/** Items that entered the track's stage in [from, to]. */
function countEntries(track: StageTrack | undefined, from: number, to: number): number {
  if (track === undefined) return 0;
  const memo = counted.get(track.entry) ?? new Map<string, number>();
  counted.set(track.entry, memo);
  const key = `${from}/${to}`;
  const had = memo.get(key);
  if (had !== undefined) return had;
  let n = 0;
  for (const t of track.entry) if (t >= from && t <= to) n++;
  memo.set(key, n);
  return n;
}

/** Each person's value of a metric summed over the plan's observed periods, and in each period; null when one is unknown. */
function observedOf(plan: CompPlanResult, metric: CompMetric) {
  const total = new Map<string, Decimal>();
  const byPeriod = new Map<string, Decimal>();
  for (const person of plan.people)
    for (const line of person.periods) {
      const c = line.components.find((x) => x.metric === metric);
      if (c === undefined) continue;
      if (c.isUnknown) return null;
      const value = new Dec(c.value);
      total.set(person.id, (total.get(person.id) ?? ZERO).plus(value));
      byPeriod.set(`${person.id}\u0000${line.period}`, value);
    }
  return { total, byPeriod };
}

/** How a metric is projected, and its valuer under one frame (null valuer when unknown). */
export function planMetric(
  spec: Policy<'CompPlan'>['spec'],
  plan: CompPlanResult,
  metric: CompMetric,
  frame: PayFrame,
): { how: ProjectedPayMetric; value: PeriodValuer | null } {
  const unknown = (basis: ProjectedPayMetric['basis'], stage: string | null, why: PayMetricUnknown) => ({
    how: { metric, basis, stage, unknown: why },
    value: null,
  });
  const { side, flow, path, window } = frame;
  const goal = side.set.RevenueGoal[0];
  if (metric === 'goal_attainment') {
    const perWeek = frame.dealSize === null ? null : (flow[flow.length - 1]?.demand.times(frame.dealSize) ?? null);
    const target = goal === undefined ? ZERO : new Dec(goal.spec.goal.target);
    if (goal === undefined || perWeek === null || target.isZero()) return unknown('goal', null, 'goal-unknown');
    const span = goalPeriodOf(goal, side.report.window.timeZone);
    const observed = (p: Period) => (p.start < window.asOf ? (side.goalAttainment?.(p.start, p.end) ?? null) : ZERO);
    if (side.goalAttainment === undefined) return unknown('goal', null, 'goal-unknown');
    return {
      how: { metric, basis: 'goal', stage: null, unknown: null },
      value: (p, weeks) => {
        const so = observed(p);
        if (so === null) return null;
        // Projected goal metric ÷ the target prorated to the payout period, as comp measures it.
        const more = perWeek
          .times(weeks)
          .times(span.end - span.start)
          .div(target.times(p.end - p.start));
        return { byPerson: new Map(), shared: so.plus(more), isUnknown: false };
      },
    };
  }
  if (metric === 'constraint_target_met') {
    const c = goal?.spec.constraint;
    const at = c === undefined ? -1 : path.indexOf(c.stage);
    const capacity = flow[at]?.capacity ?? null;
    if (c === undefined || c.metric !== 'utilisation' || at < 0 || capacity === null || capacity.isZero())
      return unknown('constraint', c?.stage ?? null, 'constraint-not-projected');
    const track = side.tracks.find((t) => t.stage.id === c.stage);
    const demand = (flow[at] as FlowStage).demand;
    return {
      how: { metric, basis: 'constraint', stage: c.stage, unknown: null },
      value: (p, weeks) => {
        const from = Math.max(p.start, window.start);
        const seen = from < window.asOf ? countEntries(track, from, window.asOf) : 0;
        const span = new Dec(p.end - from).div(WEEK_MS);
        const utilisation = demand.times(weeks).plus(seen).div(capacity.times(span));
        const met = meetsTarget(utilisation.toNumber(), c.target);
        return { byPerson: new Map(), shared: met ? ONE : ZERO, isUnknown: false };
      },
    };
  }
  // A cost per unit is no rate per week: carrying it forward would add CACs up.
  if (metric === 'blended_cac') return unknown('kept', null, 'cost-not-projected');
  const stage = stageOfMetric(side.set, metric);
  const at = stage === null ? -1 : path.indexOf(stage);
  const basis = at < 0 ? 'kept' : 'stage';
  const observed = observedOf(plan, metric);
  const shown = basis === 'stage' ? stage : null;
  if (observed === null) return unknown(basis, shown, 'observed-unknown');
  const isPerson = !(['goal_attainment', 'constraint_target_met'] as CompMetric[]).includes(metric);
  if (isPerson && !spec.components.some((x) => x.metric === metric)) return unknown(basis, shown, 'not-reported');
  // Per week: the person's value per arrival at the stage × the stage's projected arrivals; else the observed rate.
  const arrivals =
    at < 0
      ? 0
      : countEntries(
          side.tracks.find((t) => t.stage.id === stage),
          window.start,
          window.asOf,
        );
  const perWeek =
    at < 0
      ? (v: Decimal) => v.div(window.weeks)
      : (v: Decimal) => (arrivals === 0 ? ZERO : v.div(arrivals).times((flow[at] as FlowStage).demand));
  const isShared = plan.isTeamCredit && sourced.has(metric);
  return {
    how: { metric, basis, stage: shown, unknown: null },
    value: (p, weeks) => {
      const byPerson = new Map<string, Decimal>();
      for (const [id, v] of observed.total) {
        const so = observed.byPeriod.get(`${id}\u0000${p.label}`) ?? ZERO;
        byPerson.set(id, so.plus(perWeek(v).times(weeks)));
      }
      const shared = isShared ? ([...byPerson.values()][0] ?? ZERO) : null;
      return { byPerson: isShared ? new Map() : byPerson, shared, isUnknown: false };
    },
  };
}
