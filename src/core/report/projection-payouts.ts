import type { CompMetric, Money } from './comp.js';
import type { PlanPayoutChange } from './impact-payouts.js';

/**
 * Why a metric a plan pays on cannot be carried to the end of a payout period:
 * - `not-reported`: a per-person metric only a gate or team multiplier uses (the report holds no per-person value of it);
 * - `observed-unknown`: its observed value is unknown (e.g. won deals without amounts);
 * - `goal-unknown`: no goal, the goal's metric is not won deals or won amount, or its attainment is unknown;
 * - `constraint-not-projected`: the constraint's metric is not utilisation, its stage is not on the flow, or it has no capacity;
 * - `cost-not-projected`: a cost per unit (blended_cac): the projection carries arrivals, not spend.
 */
export type PayMetricUnknown =
  'not-reported' | 'observed-unknown' | 'goal-unknown' | 'constraint-not-projected' | 'cost-not-projected';

/** How one metric a plan pays on is carried to the end of each payout period. */
export interface ProjectedPayMetric {
  metric: CompMetric;
  /**
   * `stage`: each person's observed value per arrival at `stage` (over the window) × the stage's
   * projected arrivals; `kept`: the projection does not move it, so its observed rate per week
   * carries on, alike on both sides; `goal`: goal attainment with the projected won revenue;
   * `constraint`: whether the constraint stage's projected utilisation meets the goal's target.
   */
  basis: 'stage' | 'kept' | 'goal' | 'constraint';
  /** The stage whose projected arrivals (or utilisation) drive it; null for `kept` and `goal`. */
  stage: string | null;
  unknown: PayMetricUnknown | null;
}

/** One comp plan paid on projected values, period by period, base vs head with the head's range. */
export interface ProjectedPlanPayout {
  plan: string;
  currency: string;
  /** The payout periods paid, in time order, with the weeks projected in each (the rest of it is observed). */
  periods: { label: string; weeksProjected: number }[];
  /** People paid on each side: those on the plan at as-of. */
  people: { base: number; head: number };
  metrics: ProjectedPayMetric[];
  /** Base vs head by component with the coded reasons (as for the replay); null when a metric cannot be projected. */
  payout: PlanPayoutChange | null;
  /** The head's total with every marginal conversion at its low / high bound, and those − base; null when unknown. */
  range: { headLow: Money | null; headHigh: Money | null; deltaLow: Money | null; deltaHigh: Money | null };
  /** The first reason a metric cannot be projected; null when `payout` is known. */
  unknown: PayMetricUnknown | null;
}

/** A total of projected payouts in one currency; null where some plan in that currency is unknown. */
export interface ProjectedPayoutTotal {
  currency: string;
  base: Money | null;
  head: Money | null;
  delta: Money | null;
  headLow: Money | null;
  headHigh: Money | null;
  deltaLow: Money | null;
  deltaHigh: Money | null;
}

/**
 * Payouts recomputed on the projected volumes: every comp plan paid, for each payout period from
 * the one in progress at as-of to the one the goal period ends in, on the observed values so far
 * plus the flow's weekly volumes for the weeks left (tiers, caps, gates and team multipliers as the
 * plan says; SPIFs and clawbacks are per deal and not projected).
 */
export interface ProjectedPayouts {
  plans: ProjectedPlanPayout[];
  /** Per currency, in currency order. */
  totals: ProjectedPayoutTotal[];
  /** Why no plan was paid (no horizon, no flow); null when computed. */
  unknown: 'no-goal' | 'no-flow' | null;
}
