import type { ConstraintSection, StageLoad } from '../report/constraint.js';
import type { Policy } from '../policy/types.js';
import type { EngineContext, TimeWindow } from './context.js';
import type { Period } from './periods.js';
import { countStageSeries } from './stage-series.js';
import type { StageTrack } from './stages.js';
import { describe, NumberList, ratio, round } from './stats.js';

const WEEK_MS = 604_800_000;

/** The shortest window a rate per week is given for: over less, one record would read as a flood. */
export const MIN_RATE_WEEKS = 1;
/** A Little's-law gap above this share is flagged. */
const LITTLE_TOLERANCE = 0.2;

/** Weekly capacity of each stage and where it comes from. */
export type Capacities = ReadonlyMap<string, { perWeek: number | null; basis: StageLoad['capacityBasis'] }>;

/**
 * Capacity per stage. Declared: headcount × per-person weekly capacity. A funnel that declares
 * no capacity at all is measured on observed capacity: the most exits the stage managed in
 * one full week of the window. A funnel that declares some capacities has said where
 * capacity limits throughput; its other stages have none.
 */
export function findCapacities(
  tracks: readonly StageTrack[],
  weeks: readonly Period[],
  window: TimeWindow,
): Capacities {
  const declaresAny = tracks.some((t) => t.stage.capacity !== undefined);
  const out = new Map<string, { perWeek: number | null; basis: StageLoad['capacityBasis'] }>();
  for (const track of tracks) {
    const capacity = track.stage.capacity;
    if (track.stage.terminal !== undefined) out.set(track.stage.id, { perWeek: null, basis: 'none' });
    else if (capacity !== undefined)
      out.set(track.stage.id, { perWeek: capacity.headcount * capacity.perPersonPerWeek, basis: 'declared' });
    else if (declaresAny) out.set(track.stage.id, { perWeek: null, basis: 'none' });
    else {
      const full = weeks.filter((w) => w.covered === 1);
      const series = countStageSeries(track, full, window);
      const peak = series.exits.reduce((m, x) => Math.max(m, x), 0);
      out.set(track.stage.id, { perWeek: peak > 0 ? peak : null, basis: 'observed' });
    }
  }
  return out;
}

/**
 * Load of every stage and the constraint:
 * - demand = arrivals ÷ weeks in the window; utilisation = demand ÷ capacity;
 * - peak week = the full week with the most arrivals, ÷ capacity;
 * - queue growth = (WIP at window end − WIP at window start) ÷ weeks;
 * - Little's law: average WIP over full weeks' ends vs throughput (exits per week) × mean
 *   weeks in stage of the items that left; a gap over 20 % is flagged;
 * - the constraint is the stage with a capacity and the highest utilisation (earlier stage on a tie).
 */
export function measureConstraint(
  tracks: readonly StageTrack[],
  weeks: readonly Period[],
  capacities: Capacities,
  goal: Policy<'RevenueGoal'> | undefined,
  measureMetric: (stage: string, metric: string, window: TimeWindow) => number | null,
  ctx: EngineContext,
): ConstraintSection {
  const spanWeeks = (ctx.window.end - ctx.window.start) / WEEK_MS;
  const hasRates = spanWeeks >= MIN_RATE_WEEKS;
  const isFull = weeks.map((w) => w.covered === 1);
  const stages: StageLoad[] = [];
  for (const track of tracks) {
    if (track.stage.terminal !== undefined) continue;
    const all = countStageSeries(
      track,
      [{ label: 'window', start: ctx.window.start, end: ctx.window.end, covered: 1 }],
      ctx.window,
    );
    // Counted over every week, so a partial first week's arrivals and exits carry into the WIP of
    // the full weeks after it.
    const weekly = countStageSeries(track, weeks, ctx.window);
    const capacity = capacities.get(track.stage.id) ?? { perWeek: null, basis: 'none' as const };
    const arrivals = all.arrivals[0] ?? 0;
    const exits = all.exits[0] ?? 0;
    const demand = hasRates ? arrivals / spanWeeks : null;
    let peak = -1;
    let peakWeek: string | null = null;
    weekly.arrivals.forEach((a, k) => {
      if (isFull[k] === true && a > peak) {
        peak = a;
        peakWeek = weeks[k]?.label ?? null;
      }
    });
    const throughput = hasRates ? exits / spanWeeks : null;
    // Mean weeks in the stage of the items that left in the window (summed in row order).
    let staySum = 0;
    let stayCount = 0;
    for (let i = 0; i < track.exit.length; i++) {
      const left = track.exit[i] as number;
      if (left >= ctx.window.start && left < ctx.window.end) {
        staySum += (left - (track.entry[i] as number)) / WEEK_MS;
        stayCount++;
      }
    }
    const meanWeeks = stayCount === 0 ? null : staySum / stayCount;
    const fullWip = weekly.wipAtEnd.filter((_, k) => isFull[k] === true);
    const averageWip =
      fullWip.length === 0 ? (all.wipAtEnd[0] ?? 0) : fullWip.reduce((x, y) => x + y, 0) / fullWip.length;
    const expected = meanWeeks === null || throughput === null ? null : throughput * meanWeeks;
    const little = expected === null || expected === 0 ? null : averageWip / expected;
    const perWeek = capacity.perWeek;
    stages.push({
      stage: track.stage.id,
      demandPerWeek: demand === null ? null : round(demand, 2),
      capacityPerWeek: perWeek,
      capacityBasis: capacity.basis,
      utilisation: perWeek === null || demand === null ? null : ratio(demand, perWeek),
      isOverCapacity: perWeek === null || demand === null ? null : demand > perWeek,
      peakWeekUtilisation: perWeek === null || peakWeek === null ? null : ratio(peak, perWeek),
      peakWeek: perWeek === null ? null : peakWeek,
      throughputPerWeek: throughput === null ? null : round(throughput, 2),
      wipStart: all.wipAtStart,
      wipEnd: all.wipAtEnd[0] ?? 0,
      queueGrowthPerWeek: hasRates ? round(((all.wipAtEnd[0] ?? 0) - all.wipAtStart) / spanWeeks, 2) : null,
      littlesLaw: {
        averageWip: round(averageWip, 2),
        meanWeeksInStage: meanWeeks === null ? null : round(meanWeeks, 3),
        expectedWip: expected === null ? null : round(expected, 2),
        ratio: little === null ? null : round(little, 3),
        isFlagged: little !== null && Math.abs(little - 1) > LITTLE_TOLERANCE,
      },
      isCandidate: perWeek !== null,
    });
  }
  const ranked = rankByUtilisation(stages);
  const stage = ranked[0]?.stage ?? null;
  const declared = goal === undefined ? null : declaredConstraint(goal, measureMetric, ctx.window);
  return {
    stages,
    ratesUnknown: hasRates
      ? null
      : {
          reason: 'window_too_short',
          windowWeeks: round(spanWeeks, 4),
          windowDays: round(spanWeeks * 7, 2),
          minimumWeeks: MIN_RATE_WEEKS,
        },
    littlesLawTolerance: LITTLE_TOLERANCE,
    stage,
    runnerUp: ranked[1]?.stage ?? null,
    declared,
    agrees: declared === null || stage === null ? null : declared.stage === stage,
  };
}

/**
 * Stages with a utilisation, highest first; a stable sort, so on a tie the earlier stage (in
 * the order given: funnel order) comes first. The first is the constraint.
 */
export function rankByUtilisation<T extends { stage: string; utilisation: number | null }>(stages: readonly T[]): T[] {
  return stages
    .filter((s) => s.utilisation !== null)
    .sort((a, b) => (b.utilisation as number) - (a.utilisation as number));
}

function declaredConstraint(
  goal: Policy<'RevenueGoal'>,
  measureMetric: (stage: string, metric: string, window: TimeWindow) => number | null,
  window: TimeWindow,
): ConstraintSection['declared'] {
  const c = goal.spec.constraint;
  const value = measureMetric(c.stage, c.metric, window);
  // The verdict meets the exact figure; only the value shown is rounded.
  return {
    goal: goal.metadata.name,
    stage: c.stage,
    metric: c.metric,
    target: c.target,
    value: value === null ? null : roundStageMetric(c.metric, value),
    isMet: value === null ? null : meetsTarget(value, c.target),
  };
}

/** A constraint metric rounded for display: ratios to 4 places, rates and hours to 2, counts whole. */
export function roundStageMetric(metric: string, value: number): number {
  return round(value, metric === 'throughput_per_week' || metric.endsWith('_hours') ? 2 : metric === 'wip' ? 0 : 4);
}

/** A metric value against a `{max, min}` target. */
export function meetsTarget(value: number, target: { max?: number; min?: number }): boolean {
  return (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
}

/**
 * The exact value of a constraint metric at one stage over a window (see the README's metric
 * reference), unrounded, so a target is met or missed on the figure itself: round it with
 * `roundStageMetric` to show it.
 */
export function measureStageMetric(
  track: StageTrack,
  metric: string,
  window: TimeWindow,
  capacityPerWeek: number | null,
  slaCompliance: (window: TimeWindow) => number | null,
): number | null {
  const span = window.end - window.start;
  const hasRates = span / WEEK_MS >= MIN_RATE_WEEKS;
  // One division each, so an exact ratio of whole numbers is the nearest double to it.
  if (metric === 'utilisation')
    return capacityPerWeek === null || !hasRates || capacityPerWeek === 0
      ? null
      : (countArrivals(track, window) * WEEK_MS) / (span * capacityPerWeek);
  const series = countStageSeries(track, [{ label: 'w', start: window.start, end: window.end, covered: 1 }], window);
  const arrivals = series.arrivals[0] ?? 0;
  switch (metric) {
    case 'throughput_per_week':
      return hasRates ? ((series.exits[0] ?? 0) * WEEK_MS) / span : null;
    case 'conversion_rate':
      return arrivals === 0 ? null : (series.cohortAdvanced[0] ?? 0) / arrivals;
    case 'wip':
      return series.wipAtEnd[0] ?? 0;
    case 'sla_compliance':
      return slaCompliance(window);
    case 'median_time_in_stage_hours':
    case 'p90_time_in_stage_hours': {
      // In whole milliseconds (a median of two may end in .5), then one division into hours.
      const stays = new NumberList();
      for (let i = 0; i < track.exit.length; i++) {
        const left = track.exit[i] as number;
        if (left >= window.start && left < window.end) stays.push(left - (track.entry[i] as number));
      }
      const stats = describe(stays.toArray(), 1);
      const value = metric === 'median_time_in_stage_hours' ? stats.median : stats.p90;
      return value === null ? null : value / 3_600_000;
    }
    default:
      return null;
  }
}

/** Each stage's entry times in ascending order (never-entered items left out), sorted once per track. */
const sortedEntries = new WeakMap<Float64Array, Float64Array>();

/**
 * Items that entered the stage in `[window.start, window.end)`: what `countStageSeries` counts as
 * the window's arrivals.
 */
function countArrivals(track: StageTrack, window: TimeWindow): number {
  let sorted = sortedEntries.get(track.entry);
  if (sorted === undefined) {
    const entry = track.entry;
    let n = 0;
    for (let i = 0; i < entry.length; i++) if (!Number.isNaN(entry[i] as number)) n++;
    sorted = new Float64Array(n);
    n = 0;
    for (let i = 0; i < entry.length; i++) {
      const t = entry[i] as number;
      if (!Number.isNaN(t)) sorted[n++] = t;
    }
    sorted.sort();
    sortedEntries.set(track.entry, sorted);
  }
  if (!(window.start < window.end)) return 0;
  return lowerBound(sorted, window.end) - lowerBound(sorted, window.start);
}

/** The first index of `sorted` whose value is at least `t`. */
function lowerBound(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
