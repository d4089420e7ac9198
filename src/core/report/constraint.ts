/** Demand against capacity at one stage. */
export interface StageLoad {
  stage: string;
  /**
   * Arrivals per week over the window; null when the window is too short for a weekly rate (see
   * `ConstraintSection.ratesUnknown`).
   */
  demandPerWeek: number | null;
  /** Work the stage can do per week: declared headcount × per-person capacity, or observed. */
  capacityPerWeek: number | null;
  capacityBasis: 'declared' | 'observed' | 'none';
  /** demand ÷ capacity; null without capacity. */
  utilisation: number | null;
  /** Whether demand exceeds capacity (utilisation above 1, compared exactly); null without capacity. */
  isOverCapacity: boolean | null;
  /** Highest weekly arrivals ÷ capacity over the window's full weeks. */
  peakWeekUtilisation: number | null;
  peakWeek: string | null;
  /** Exits per week over the window; null when the window is too short for a weekly rate. */
  throughputPerWeek: number | null;
  /** Items in the stage at the window's start and end. */
  wipStart: number;
  wipEnd: number;
  /** (wipEnd − wipStart) per week; null when the window is too short for a weekly rate. */
  queueGrowthPerWeek: number | null;
  /** Little's law: average WIP against throughput × mean time in stage. */
  littlesLaw: {
    averageWip: number;
    meanWeeksInStage: number | null;
    expectedWip: number | null;
    /** averageWip ÷ expectedWip. */
    ratio: number | null;
    /** The gap is over `littlesLawTolerance`: the stage is not in a steady state, or items wait uncounted. */
    isFlagged: boolean;
  };
  isCandidate: boolean;
}

/** What a RevenueGoal declares for its constraint, and its metric measured there against its target. */
export interface DeclaredConstraint {
  goal: string;
  stage: string;
  metric: string;
  target: { max?: number; min?: number };
  value: number | null;
  isMet: boolean | null;
}

/** Where the funnel is constrained, and whether the policy agrees. */
export interface ConstraintSection {
  stages: StageLoad[];
  /**
   * Why no weekly rate (demand, throughput, queue growth, utilisation) is given: the window is
   * shorter than `minimumWeeks`, too short for a rate per week to mean anything. Null when rates are given.
   */
  ratesUnknown: { reason: 'window_too_short'; windowWeeks: number; windowDays: number; minimumWeeks: number } | null;
  /** Little's law flags a stage whose ratio is further than this from 1 (0.2 = a gap over 20 %). */
  littlesLawTolerance: number;
  /** The candidate stage with the highest utilisation; null when no stage has a capacity. */
  stage: string | null;
  /** Why that stage, in figures (stage load of the constraint and the runner-up). */
  runnerUp: string | null;
  /** What the RevenueGoal declares, and its metric measured at that stage. */
  declared: DeclaredConstraint | null;
  /** The data names the same stage as the policy; null without a declaration or a constraint. */
  agrees: boolean | null;
}
