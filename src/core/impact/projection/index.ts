import type { Row } from '../../data/types.js';
import { round } from '../../engine/stats.js';
import type { Delta } from '../../report/impact.js';
import type { ProjectedStage, ProjectionSection, ProjectionUnknown } from '../../report/projection.js';
import { findLoweredThreshold, MATURITY_QUANTILE } from './cohorts.js';
import { costHeadcount } from './cost.js';
import { describeDealSample } from './deal-size.js';
import { projectFlow } from './flow.js';
import type { FlowResult, FlowStage } from './flow.js';
import { countStages, pathToWon } from './history.js';
import type { SideState } from './history.js';
import { projectMoney } from './money.js';
import { measureRecentUtilisation } from './recent-load.js';
import { projectPayouts } from './payouts.js';
import type { PaySide } from './payouts.js';
import { Exact } from './wilson.js';

export { projectFlow } from './flow.js';
export type { FlowInput, StageCounts } from './flow.js';

const WEEK_MS = 604_800_000;
const DAY_MS = 86_400_000;
/** Worked marginal leads a stage needs before their own conversion is used, unless the Funnel says otherwise. */
export const DEFAULT_MINIMUM_SAMPLE = 30;

function delta(base: Exact | null, head: Exact | null, digits = 4): Delta {
  const b = base === null ? null : round(base.toNumber(), digits);
  const h = head === null ? null : round(head.toNumber(), digits);
  return {
    base: b,
    head: h,
    delta: base === null || head === null ? null : round(head.minus(base).toNumber(), digits),
  };
}

/** A marginal conversion as the report shows it: rates to 4 dp, like every other ratio. */
function displayMarginal<T extends { rate: number; low: number; high: number }>(m: T | null): T | null {
  return m === null ? null : { ...m, rate: round(m.rate, 4), low: round(m.low, 4), high: round(m.high, 4) };
}

function emptySection(unknown: ProjectionUnknown, windowWeeks: number, minimumSample: number): ProjectionSection {
  const none = { base: null, head: null, delta: null, headLow: null, headHigh: null };
  const money = { ...none, deltaLow: null, deltaHigh: null, unknown };
  return {
    entryStage: null,
    windowWeeks,
    horizonWeeks: null,
    stages: [],
    marginalLeads: { added: 0, removed: 0 },
    wonPerWeek: none,
    dealSize: describeDealSample(null, 0, null, null),
    wonRevenue: money,
    goalForecast: { ...money, target: null, attainment: none },
    costs: [],
    totalCost: null,
    totalCostPerYear: null,
    currency: null,
    payouts: { plans: [], totals: [], unknown: unknown === 'no-goal' ? 'no-goal' : 'no-flow' },
    minimumSample,
    unknown,
  };
}

/**
 * The change carried through the funnel to won deals and revenue over the rest of the goal
 * period: counts history once, runs the steady-state flow for base and head (and the head at
 * the low and high bounds of its marginal conversions), then prices it.
 */
export function projectImpact(
  base: SideState & PaySide,
  head: SideState & PaySide,
  leads: readonly Row[],
  entryStage: string | null,
): ProjectionSection {
  const b = base.report;
  const start = Date.parse(b.window.start);
  const asOf = Date.parse(b.stamp.asOf);
  const windowWeeks = (asOf - start) / WEEK_MS;
  // Assumptions are read from the base, like guardrails: a head must not declare its own change profitable.
  const spec = base.set.Funnel[0]?.spec.projection;
  const minimumSample = spec?.minimumSample ?? DEFAULT_MINIMUM_SAMPLE;
  if (b.funnel === null || entryStage === null) return emptySection('no-funnel', round(windowWeeks, 4), minimumSample);
  if (b.constraint?.ratesUnknown != null) return emptySection('rates-unknown', round(windowWeeks, 4), minimumSample);
  const path = pathToWon(b, entryStage);
  if (path.length === 0) return emptySection('no-funnel', round(windowWeeks, 4), minimumSample);
  const threshold = findLoweredThreshold(base.set, head.set, entryStage);
  const { counts, added, removed } = countStages(
    base,
    head,
    leads,
    path,
    { start, asOf },
    { threshold, minimumSample },
  );
  const flow = projectFlow({ windowWeeks, stages: counts, minimumSample, declared: spec?.marginalConversion ?? {} });
  const horizonWeeks = b.goal === null ? null : new Exact(b.goal.forecast.remainingDaysExact).div(7);
  const money = projectMoney(base, head, flow, horizonWeeks);
  const last = counts.length - 1;
  const won = (f: FlowStage[]) => (f[last] as FlowStage).demand;
  const stages = counts.map((c, i): ProjectedStage => {
    const [fb, fh] = [flow.base[i] as FlowStage, flow.head[i] as FlowStage];
    const conversion = flow.conversion[i] as FlowResult['conversion'][number];
    const next = flow.head[i + 1];
    const undelivered =
      fh.queue.isZero() ||
      fh.throughput.isZero() ||
      next === undefined ||
      next.demand.isZero() ||
      money.dealSize === null
        ? null
        : fh.queue.times(fh.advanced.div(fh.throughput)).times(won(flow.head).div(next.demand)).times(money.dealSize);
    const cohort = c.cohort;
    const track = base.tracks.find((t) => t.stage.id === c.stage);
    const load = b.constraint?.stages.find((s) => s.stage === c.stage);
    const basisOf = (side: SideState) =>
      side.report.constraint?.stages.find((s) => s.stage === c.stage)?.capacityBasis ?? 'none';
    return {
      stage: c.stage,
      name: c.name,
      demandPerWeek: delta(fb.demand, fh.demand),
      arrivalsToPeriodEnd:
        horizonWeeks === null
          ? { base: null, head: null, delta: null }
          : delta(fb.demand.times(horizonWeeks), fh.demand.times(horizonWeeks), 1),
      capacityPerWeek: delta(fb.capacity, fh.capacity),
      capacityBasis: { base: basisOf(base), head: basisOf(head) },
      throughputPerWeek: delta(fb.throughput, fh.throughput),
      queueGrowthPerWeek: delta(fb.queue, fh.queue),
      advancedPerWeek: delta(fb.advanced, fh.advanced),
      conversion: i === last ? { base: null, head: null, delta: null } : delta(conversion.base, conversion.head),
      conversionBasis: conversion.basis,
      maturity:
        conversion.basis !== 'matured' || cohort === null
          ? null
          : {
              lagDays: round(cohort.lagMs / DAY_MS, 4),
              quantile: MATURITY_QUANTILE,
              left: cohort.left,
              items: cohort.items,
              matured: cohort.matured,
              advanced: cohort.advanced,
            },
      utilisation: measureRecentUtilisation(
        track,
        { start, asOf },
        load?.utilisation ?? null,
        load?.capacityPerWeek ?? null,
      ),
      marginal: displayMarginal(flow.marginal[i] ?? null),
      undeliveredRevenuePerWeek: undelivered === null ? null : undelivered.toFixed(2),
    };
  });
  const costs = costHeadcount(base.set, head.set, horizonWeeks === null ? null : horizonWeeks.toNumber());
  const totalCost =
    costs.length === 0 || costs.some((c) => c.overHorizon === null)
      ? null
      : costs.reduce((s, c) => s.plus(c.overHorizon ?? 0), new Exact(0)).toFixed(2);
  const totalCostPerYear =
    costs.length === 0 || costs.some((c) => c.perYear === null)
      ? null
      : costs.reduce((s, c) => s.plus(c.perYear ?? 0), new Exact(0)).toFixed(2);
  const wonDelta = delta(won(flow.base), won(flow.head));
  const section: ProjectionSection = {
    entryStage,
    windowWeeks: round(windowWeeks, 4),
    horizonWeeks: horizonWeeks === null ? null : round(horizonWeeks.toNumber(), 4),
    stages,
    marginalLeads: { added, removed },
    wonPerWeek: {
      ...wonDelta,
      headLow: round(won(flow.headLow).toNumber(), 4),
      headHigh: round(won(flow.headHigh).toNumber(), 4),
    },
    dealSize: money.dealSizeSection,
    wonRevenue: money.wonRevenue,
    goalForecast: money.goalForecast,
    costs,
    totalCost,
    totalCostPerYear,
    currency: money.currency,
    payouts: projectPayouts({
      base,
      head,
      path,
      flow,
      dealSize: money.dealSize,
      window: { start, asOf, weeks: new Exact(asOf - start).div(WEEK_MS) },
    }),
    minimumSample,
    unknown: null,
  };
  return section;
}
