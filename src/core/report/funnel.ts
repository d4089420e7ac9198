/** Median and 90th percentile of a set of durations. */
export interface DurationStats {
  count: number;
  /** Middle value (mean of the two middle ones for an even count); null when count is 0. */
  median: number | null;
  /** Nearest rank: the value at rank ⌈0.9·n⌉ of the sorted values; null when count is 0. */
  p90: number | null;
}

/** How each lead is classed by the lead definition. */
export interface ClassificationSection {
  /** Name of the LeadDefinition policy. */
  definition: string;
  /** Leads classed (created by the as-of moment). */
  leads: number;
  classes: { class: string; stage: string | null; count: number; share: number }[];
  /** Leads per deciding rule: exclusions, hand-raisers and thresholds by id. */
  byRule: { reason: 'exclusion' | 'hand-raiser' | 'threshold' | 'default'; rule: string | null; count: number }[];
  /** Leads the policy puts in a stage the CRM never recorded; their entry time is modelled. */
  modelledEntries: { stage: string; count: number; basis: string }[];
  /** Leads the CRM recorded in a stage that this policy does not qualify them for. */
  notQualified: { stage: string; count: number }[];
}

/** One stage in one reporting period. */
export interface StagePeriod {
  period: string;
  arrivals: number;
  exits: number;
  /** Exits into a later stage (not a loss or disqualification). */
  advanced: number;
  /** Items in the stage at the end of the period (or at as-of for the last one). */
  wipAtEnd: number;
  /** Of this period's arrivals, the share that advanced by as-of. */
  conversionCohort: number | null;
  /** Arrivals in the next stage ÷ arrivals in this stage, both in this period. */
  conversionPeriod: number | null;
}

/** Funnel figures of one stage over the window. */
export interface StageReport {
  id: string;
  name: string;
  owner: string;
  entity: 'lead' | 'opportunity';
  terminal: 'won' | 'lost' | null;
  /** The next stage conversion is measured to; null for terminal stages. */
  next: string | null;
  arrivals: number;
  exits: number;
  advanced: number;
  dropped: number;
  /** Items still in the stage at as-of (entered at any time). */
  openAtAsOf: number;
  conversionCohort: number | null;
  conversionPeriod: number | null;
  /** Hours in stage of items that left it within the window. */
  timeInStageHours: DurationStats;
  /** The same, with the items still in the stage counted at their age (a lower bound). */
  timeInStageWithOpenHours: DurationStats;
  /** Open items by age at as-of, in days. */
  ageing: { label: string; fromDays: number; toDays: number | null; count: number }[];
  periods: StagePeriod[];
}

export interface FunnelSection {
  funnel: string;
  periodUnit: 'week' | 'month';
  periods: string[];
  stages: StageReport[];
}
