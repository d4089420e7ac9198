import type { Delta } from './impact.js';

/** One reporting period's figure under the base and the head (null on a side without it). */
export interface PeriodDelta extends Delta {
  /** The period's label, e.g. the ISO week `2026-W03`. */
  period: string;
}

/**
 * Per-period series under each side, so a chart can show base vs head over time: arrivals at the
 * constraint against its weekly capacity, and each SLA's compliance per week its clock started.
 */
export interface ImpactPeriods {
  constraint: {
    /** The stage charted: the head's constraint, else the base's; null when neither has one. */
    stage: string | null;
    /** The funnel's reporting period (the base's, else the head's); capacity compares to arrivals only per week. */
    periodUnit: 'week' | 'month' | null;
    /** The stage's capacity per week on each side; null where it has none. */
    capacityPerWeek: Delta;
    /** Arrivals at the stage in each period of either side, in order. */
    arrivals: PeriodDelta[];
  };
  /** Each SLA of either side (sorted by name): compliance by the ISO week its items' clocks started. */
  slas: { name: string; compliance: PeriodDelta[] }[];
}
