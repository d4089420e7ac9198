import type { DurationStats } from './funnel.js';

/** Closed and open deals as of the run. */
export interface DealsSection {
  currency: string | null;
  total: number;
  open: number;
  won: number;
  lost: number;
  /** won ÷ (won + lost); null when none closed. */
  winRate: number | null;
  /** Σ amount of the won deals that carry one; null when none does (see `amountUnknown`). */
  wonAmount: string | null;
  /** The average won deal over those that carry an amount; null when none was won or none carries one. */
  averageWonAmount: string | null;
  /** Won deals without an amount: they add nothing to `wonAmount`. */
  wonWithoutAmount: number;
  /** Why won amounts are null: `no-amounts` = deals were won but none carries an amount. */
  amountUnknown: AmountUnknown | null;
  cycleDays: { won: DealStats; lost: DealStats };
  openAgeDays: DealStats & { over90: number };
  /** Per owner; `wonAmount` null when none of the owner's won deals carries an amount. */
  byOwner: { ownerId: string; won: number; wonAmount: string | null }[];
}

/** Why an amount figure is unknown: deals were won, but none of them carries an amount. */
export type AmountUnknown = 'no-amounts';

/**
 * Why the goal's actual and attainment are unknown. `opportunities-missing`: a partial run
 * (`--allow-partial-data`) left the opportunities out, so nothing won can be counted.
 */
export type GoalUnknown = AmountUnknown | 'zero-target' | 'opportunities-missing';

/** Why pipeline velocity is unknown. */
export type VelocityUnknown = AmountUnknown | 'none-closed' | 'none-won' | 'zero-cycle';

export interface DealStats extends DurationStats {
  mean: number | null;
}

/** The shared revenue goal: where it stands and where it is heading. */
export interface GoalSection {
  name: string;
  metric: string;
  currency: string;
  period: { start: string; end: string };
  target: string;
  /** The metric from the period's start to as-of; null when unknown (see `unknown`). */
  actual: string | null;
  /** actual ÷ target, computed exactly and rounded to 4 dp for display; null when unknown. */
  attainment: number | null;
  /** actual ÷ target as an exact decimal text (40 significant digits); null when unknown. */
  attainmentExact: string | null;
  /** Why actual and attainment are null. */
  unknown: GoalUnknown | null;
  /** Share of the goal period elapsed at as-of. */
  elapsed: number;
  /** attainment ÷ elapsed: above 1 is ahead of a straight line to the target. */
  pace: number | null;
  /** Whether attainment keeps up with the elapsed share of the period (pace ≥ 1, compared exactly); null when pace is. */
  isOnPace: boolean | null;
  velocity: {
    openOpportunities: number;
    winRate: number | null;
    averageWonAmount: string | null;
    cycleDays: number | null;
    /** (open × win rate × average won) ÷ cycle days, per day, from the exact figures, rounded once to cents. */
    perDay: string | null;
    /** Why `perDay` is null. */
    unknown: VelocityUnknown | null;
  };
  /**
   * projectedAttainment is rounded to 4 dp for display; projectedAttainmentExact is the exact
   * decimal text a guardrail should compare.
   */
  forecast: {
    /** Days left after as-of, 2 dp for display. */
    remainingDays: number;
    /** The same, exact: what the impact projection's horizon is built from. */
    remainingDaysExact: string;
    projected: string | null;
    projectedAttainment: number | null;
    projectedAttainmentExact: string | null;
  };
}
