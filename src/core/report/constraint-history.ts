/** A stage's utilisation over one period; null when it cannot be measured there. */
export interface StageUtilisation {
  stage: string;
  utilisation: number | null;
}

/** One period of the constraint's history. */
export interface ConstraintPeriod {
  /** `2026-01`; `start` and `end` are the period clipped to the window (ISO instants). */
  period: string;
  start: string;
  end: string;
  /** Every stage with a capacity, in funnel order. */
  stages: StageUtilisation[];
  /** The stage with the highest utilisation (earlier stage on a tie); null when none is measured. */
  constraint: string | null;
  /**
   * Why no constraint is named: `period-too-short` (under a week of the window in it: no weekly
   * rate), `no-capacity` (no stage has one). Null when one is.
   */
  unknown: 'period-too-short' | 'no-capacity' | null;
  /** The RevenueGoal's declared constraint metric over the period; null without a goal. */
  declared: { value: number | null; isMet: boolean | null; agrees: boolean | null } | null;
}

/** The constraint moved between two periods, with the utilisations of both stages before and after. */
export interface ConstraintMove {
  from: string;
  to: string;
  before: { period: string; from: number | null; to: number | null };
  after: { period: string; from: number | null; to: number | null };
}

/** Where the constraint was, period by period, and whether the RevenueGoal named it. */
export interface ConstraintHistorySection {
  periodUnit: 'month';
  periods: ConstraintPeriod[];
  moves: ConstraintMove[];
  /** The constraint of the latest measured period and how many measured periods in a row it held (to then). */
  current: { stage: string; periods: number; since: string } | null;
  /** What the RevenueGoal declares; null without one. */
  declared: { goal: string; stage: string; metric: string; target: { max?: number; min?: number } } | null;
  /** Periods where the declared stage is (agreed) or is not (disagreed) the data's constraint, or either is unknown. */
  agreement: { agreed: number; disagreed: number; unknown: number };
}
