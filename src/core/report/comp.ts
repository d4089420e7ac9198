import type { CompWarning } from './warnings.js';
import type { compMetrics } from '../schemas/comp-plan.js';

/** What a comp plan component, gate or team multiplier measures. */
export type CompMetric = (typeof compMetrics)[number];

/**
 * An amount of money as an exact decimal string rounded to cents, half up
 * (`ROUND_HALF_UP`): `"1250.50"`, `"-300.00"`. Never a float.
 */
export type Money = string;

/**
 * Compensation: what every plan pays each person per payout period, with the attainment,
 * tiers, caps, gates, team multipliers, SPIFs and clawbacks behind it. JSON-serialisable;
 * plans are ordered by name, people by id, periods in time order.
 */
export interface CompSection {
  /**
   * How money is rounded: every line item (component payout, variable pay after
   * multipliers, SPIF, clawback) to cents, half up; every total is the sum of the rounded
   * line items below it, so each table adds up exactly.
   */
  moneyRounding: 'cents-half-up';
  plans: CompPlanResult[];
  totals: CompTotals;
  /**
   * Metrics some person's component could not know and counted as 0 (sorted, each once):
   * a payout built on them is not a known figure. Empty when every metric was known.
   */
  countedAsZero: CompMetric[];
  /** Problems that did not stop the computation (a metric with no target, an unknown constraint, …). */
  warnings: CompWarning[];
}

/** Totals across plans, kept apart per currency: amounts in different currencies are never added. */
export interface CompTotals {
  byPlan: { plan: string; team: string; currency: string; total: Money }[];
  /** Per team and currency, ordered by team then currency. */
  byTeam: { team: string; currency: string; total: Money }[];
  /** Per currency, ordered by currency. */
  overall: { currency: string; total: Money }[];
}

/** One comp plan over the evaluated window. */
export interface CompPlanResult {
  /** Policy name (`metadata.name`). */
  name: string;
  file: string;
  team: string;
  roles: string[];
  currency: string;
  periodUnit: 'month' | 'quarter' | 'year';
  /**
   * Whether the plan's people own no leads, so that `sourced_won_amount` and
   * `sourced_pipeline_amount` credit each of them with the whole team's inbound opportunities.
   */
  isTeamCredit: boolean;
  periods: CompPeriod[];
  people: CompPerson[];
  totals: {
    /** Sum of every person's total in each period, in the order of `periods`. */
    periods: { period: string; total: Money }[];
    /** What each part paid over the window (see `CompPartTotal`); the parts add up exactly to `total`. */
    parts: CompPartTotal[];
    total: Money;
  };
}

/**
 * One part of a plan's pay over the window: a component (after gates, before team multipliers),
 * or what the team multipliers added, the SPIFs, or the clawbacks (negative). Every component is
 * listed, also at 0; the other parts only when they paid.
 */
export interface CompPartTotal {
  part: 'component' | 'multipliers' | 'spiffs' | 'clawbacks';
  /** Component id; null for the other parts. */
  id: string | null;
  metric: CompMetric | null;
  total: Money;
}

/** One payout period that had started by the as-of moment. */
export interface CompPeriod {
  /** `2026-01`, `2026-Q1` or `2026`. */
  label: string;
  /** The whole calendar period, as ISO 8601 instants in UTC. */
  start: string;
  end: string;
  /**
   * Share of the period inside the evaluated window (1 = all of it; less for a period the
   * window starts within or that is still running at as-of). Targets are not reduced for it.
   */
  covered: number;
}

/** A person on the plan in at least one period. */
export interface CompPerson {
  id: string;
  name: string | null;
  team: string | null;
  /** Periods in which the person was on the plan, or had a clawback; in time order. */
  periods: CompPersonPeriod[];
  /** Sum of the person's period totals over the window. */
  total: Money;
}

/** What one person earned in one period. */
export interface CompPersonPeriod {
  period: string;
  /** false for a period in which the person was not on the plan but had a deal clawed back. */
  isActive: boolean;
  components: CompComponentLine[];
  gates: CompGateLine[];
  multipliers: CompMultiplierLine[];
  /** Product of the multipliers applied (1 when none). */
  multiplier: number;
  /** Sum of the component payouts (after gates). */
  componentPay: Money;
  /** componentPay × multiplier. */
  variablePay: Money;
  spiffs: CompSpiffLine[];
  /** Amounts are negative. */
  clawbacks: CompClawbackLine[];
  /** variablePay + SPIFs + clawbacks; below zero only through clawbacks. */
  total: Money;
}

/** One component of variable pay. */
export interface CompComponentLine {
  id: string;
  metric: CompMetric;
  /**
   * The metric for the person in the period: cents for money, a whole number for counts, a fraction
   * (4 dp) for goal_attainment and constraint_target_met.
   */
  value: string;
  /**
   * Target for the period (the yearly target prorated to the period; blended_cac: the target as
   * written, a level); null for metrics that are fractions already, or when there is none.
   */
  target: string | null;
  /**
   * value ÷ target (blended_cac: target ÷ value, lower is better; fractions: the value itself),
   * rounded to 4 dp; null when there is no usable target or value.
   */
  attainment: number | null;
  /** Earning factor after tiers and cap, rounded to 4 dp: payout = period target variable × weight × factor. */
  factor: number;
  /** Index (from 0) of the tier band the attainment reached (bands are [from, to)); null without tiers or attainment. */
  tier: number | null;
  /** Whether the value could not be known (no goal, constraint status unknown, CAC unknown) and counted as 0. */
  isUnknown: boolean;
  /** Whether a gate that failed held this component back (payout 0). */
  isGated: boolean;
  /** Whether the cap lowered the factor. */
  isCapped: boolean;
  payout: Money;
}

/** One gate: the components it holds back pay nothing when `value < min`. */
export interface CompGateLine {
  id: string;
  metric: CompMetric;
  /**
   * Attainment of the gate's metric, rounded to 4 dp for display; null when it cannot be measured
   * (the gate then fails).
   */
  value: number | null;
  /**
   * The attainment the gate compares with `min`: exact, never rounded (0.69997 fails min 0.7 though
   * `value` shows 0.7).
   */
  valueExact: string | null;
  min: number;
  isPassed: boolean;
  /** Components the gate holds back. */
  components: string[];
}

/** One team multiplier: applies when the whole team's attainment is at least `min`. */
export interface CompMultiplierLine {
  id: string;
  metric: CompMetric;
  /**
   * Attainment of the whole team (sum of values ÷ sum of targets), rounded to 4 dp for display;
   * null when it cannot be measured.
   */
  value: number | null;
  /** The attainment compared with `min`: exact, never rounded. */
  valueExact: string | null;
  min: number;
  multiplier: number;
  isApplied: boolean;
}

/** A SPIF paid for one won opportunity. */
export interface CompSpiffLine {
  id: string;
  opportunityId: string;
  amount: Money;
}

/** Commission taken back for a won opportunity reversed soon after its close. */
export interface CompClawbackLine {
  id: string;
  opportunityId: string;
  /** Period in which the deal closed and earned the commission now taken back. */
  closedIn: string;
  /** Negative. */
  amount: Money;
}
