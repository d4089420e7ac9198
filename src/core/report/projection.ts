import type { Delta } from './impact.js';
import type { ProjectedPayouts } from './projection-payouts.js';

export type * from './projection-payouts.js';

/** Why a projected figure is null. */
export type ProjectionUnknown =
  'no-funnel' | 'no-goal' | 'period-over' | 'rates-unknown' | 'no-deal-amounts' | 'no-cost-per-head' | 'not-computed';

/** How the conversion of the leads only the head qualifies was found at one stage. */
export interface MarginalConversion {
  /**
   * `history`: their own worked outcomes; `score-band`: the matured scored leads (no hand-raisers)
   * just above the score threshold the change lowers; `declared`: Funnel `projection.marginalConversion`;
   * `conservative`: Wilson lower bound of their own sample, below the minimum.
   */
  basis: 'history' | 'score-band' | 'declared' | 'conservative';
  /** Marginal leads worked at the stage (left it by as-of) and how many of them advanced. */
  worked: number;
  advanced: number;
  minimumSample: number;
  /**
   * The nearest score band above a lowered threshold: scores [from, to), `widths` times as wide as the
   * range [addedFrom, from) the change adds (widened to reach the minimum sample); matured leads and how
   * many advanced. Null when the change does not lower a score threshold.
   */
  scoreBand: {
    from: number;
    to: number;
    addedFrom: number;
    widths: number;
    items: number;
    matured: number;
    advanced: number;
  } | null;
  /** The rate used, and the low/high the range uses (Wilson 95 % for history; the declared value for both when declared). */
  rate: number;
  low: number;
  high: number;
}

/** One stage of the steady-state flow, per week, base vs head. */
export interface ProjectedStage {
  stage: string;
  name: string;
  demandPerWeek: Delta;
  /** demandPerWeek × the horizon: arrivals projected to the goal period's end; null without a horizon. */
  arrivalsToPeriodEnd: Delta;
  /** Null where the stage has no capacity (unbounded). */
  capacityPerWeek: Delta;
  capacityBasis: { base: 'declared' | 'observed' | 'none'; head: 'declared' | 'observed' | 'none' };
  throughputPerWeek: Delta;
  /** demand − throughput: work that queues every week. */
  queueGrowthPerWeek: Delta;
  advancedPerWeek: Delta;
  /** Per worked item, of the leads both sides qualify (base: all leads it qualifies). */
  conversion: Delta;
  /**
   * What `conversion` is measured on: `matured`, the cohort that entered at least the maturity lag
   * before as-of; `window`, next arrivals ÷ arrivals over the window (no item left the stage, or none
   * matured); null at the last stage.
   */
  conversionBasis: 'matured' | 'window' | null;
  /**
   * The matured cohort (base): the lag is the `quantile` of time-in-stage of the `left` items that
   * left in the window, in days (4 dp); items entered in the window, matured ones, and how many of
   * those advanced. Null where the basis is not `matured`.
   */
  maturity: {
    lagDays: number;
    quantile: number;
    left: number;
    items: number;
    matured: number;
    advanced: number;
  } | null;
  /**
   * Base utilisation over the window and over its last `recentWeeks` weeks (arrivals ÷ weeks ÷ base
   * capacity, 4 dp); `isDifferent` when they differ by at least `threshold`. The projection uses the
   * window figure. Null where the base has no capacity or the window is shorter than `recentWeeks`.
   */
  utilisation: {
    window: number;
    recent: number;
    recentWeeks: number;
    threshold: number;
    isDifferent: boolean;
  } | null;
  /** Marginal leads' conversion here; null where the head sends no marginal leads through. */
  marginal: MarginalConversion | null;
  /** Won revenue per week the head's queue here does not deliver (exact decimal text); null when nothing queues or unknown. */
  undeliveredRevenuePerWeek: string | null;
}

/** A money figure with the range the marginal conversions' intervals give. */
export interface ProjectedMoney {
  base: string | null;
  head: string | null;
  delta: string | null;
  /** head and delta with every marginal conversion at its low / high bound. */
  headLow: string | null;
  headHigh: string | null;
  deltaLow: string | null;
  deltaHigh: string | null;
  unknown: ProjectionUnknown | null;
}

/** The average won deal and the sample behind it (amounts as exact decimal text, to 2 dp). */
export interface DealSizeSample {
  /** Won amount ÷ won deals carrying an amount; null when unknown. */
  amount: string | null;
  deals: number;
  currency: string | null;
  /** Median, smallest and largest won deal; null without a sample. */
  median: string | null;
  min: string | null;
  max: string | null;
  /** The largest deal's share of the won amount (4 dp), and the average without it (null below 2 deals). */
  largestShare: number | null;
  amountWithoutLargest: string | null;
  /** Fewer than `thinBelow` deals: the average is a thin estimate (the projection still uses it). */
  isThin: boolean;
  thinBelow: number;
}

/** Headcount cost of a team whose declared capacity changes. */
export interface HeadcountCost {
  team: string;
  headcount: Delta;
  /** Yearly cost of one person; null when neither the Funnel nor a comp plan gives one. */
  costPerHead: string | null;
  costBasis: 'declared' | 'ote' | null;
  /** Δheadcount × costPerHead per year, and over the horizon (× weeks ÷ 52). */
  perYear: string | null;
  overHorizon: string | null;
  unknown: ProjectionUnknown | null;
}

/**
 * The change carried through the funnel to won deals: a steady-state flow per week from the
 * stage lead classes qualify into down to won, over the rest of the goal period.
 */
export interface ProjectionSection {
  /** The stage the flow starts at, and the stages it passes, in order. */
  entryStage: string | null;
  /** Weeks of data the rates come from, and weeks left in the goal period (null without a goal). */
  windowWeeks: number;
  horizonWeeks: number | null;
  stages: ProjectedStage[];
  /** Leads only the head qualifies, and only the base (their observed outcomes leave the flow). */
  marginalLeads: { added: number; removed: number };
  /** Won deals per week the constrained system produces. */
  wonPerWeek: Delta & { headLow: number | null; headHigh: number | null };
  /** Average won deal: won amount ÷ won deals carrying an amount, exact; the sample it comes from. */
  dealSize: DealSizeSample;
  wonRevenue: ProjectedMoney;
  /** Goal actual to as-of + projected won revenue; attainment of the target (4 dp). */
  goalForecast: ProjectedMoney & {
    target: string | null;
    attainment: Delta & { headLow: number | null; headHigh: number | null };
  };
  costs: HeadcountCost[];
  /** Σ cost over the horizon of the teams with a known cost; null when none changes or one is unknown. */
  totalCost: string | null;
  /** The same per year. */
  totalCostPerYear: string | null;
  currency: string | null;
  /** Comp plans paid on the projected volumes to the goal period's end. */
  payouts: ProjectedPayouts;
  /**
   * The fewest worked marginal leads a stage's own conversion is estimated from (the base Funnel's
   * `projection.minimumSample`, else 30). The assumptions a reporter prints are phrased from this
   * section's figures (`reporters/projection-assumptions.ts`).
   */
  minimumSample: number;
  unknown: ProjectionUnknown | null;
}
