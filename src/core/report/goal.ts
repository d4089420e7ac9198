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
  wonAmount: string;
  averageWonAmount: string | null;
  cycleDays: { won: DealStats; lost: DealStats };
  openAgeDays: DealStats & { over90: number };
  byOwner: { ownerId: string; won: number; wonAmount: string }[];
}

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
  /** The metric from the period's start to as-of. */
  actual: string;
  attainment: number;
  /** Share of the goal period elapsed at as-of. */
  elapsed: number;
  /** attainment ÷ elapsed: above 1 is ahead of a straight line to the target. */
  pace: number | null;
  velocity: {
    openOpportunities: number;
    winRate: number | null;
    averageWonAmount: string | null;
    cycleDays: number | null;
    /** (open × win rate × average won) ÷ cycle days, per day. */
    perDay: string | null;
  };
  forecast: { remainingDays: number; projected: string | null; projectedAttainment: number | null };
}
