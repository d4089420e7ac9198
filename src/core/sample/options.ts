import { DateTime } from 'luxon';

/**
 * Weekly capacity of each stage the generator works, as the Funnel policy sizes it
 * (headcount × per person per week); `staffing.ts` reads it from the policy.
 */
export interface SampleCapacity {
  /** SDR first touches of MQLs: the stage a lead enters at `mql_at`. The generator's queue runs at this rate. */
  firstTouch: number;
  /** SDR discovery meetings with sales-accepted leads: the stage entered at `sal_at`. */
  discovery: number;
  /** AE reviews of sales-qualified leads: the stage entered at `sql_at`. */
  qualification: number;
  /** New opportunities the AEs take on: the stage entered at an opportunity's `created_at`. */
  deals: number;
}

/** How many people of each role the export lists (whole numbers; managers and marketing come on top). */
export interface SampleHeadcount {
  sdr: number;
  ae: number;
}

/** What to generate: how many leads, from which seed, over which period, for which team. */
export interface SampleDataOptions {
  /** Number of leads created over the period (exactly this many). */
  leads: number;
  /** 32-bit unsigned seed; the same seed and options give byte-identical data. */
  seed: number;
  /** First day, `YYYY-MM-DD`, in America/New_York. Default 2026-01-01. */
  start?: string;
  /** Length of the period in days; the export is "as of" midnight after the last day. Default 365. */
  days?: number;
  /** Weekly stage capacities, from the Funnel policy. */
  capacity: SampleCapacity;
  /** SDRs and AEs, from the Funnel policy's team sizes. */
  headcount: SampleHeadcount;
  /**
   * At least this many opportunities in all: when the leads yield fewer, expansion and renewal
   * deals with existing customers make up the rest. Default 0 (only lead-sourced deals).
   */
  opportunities?: number;
}

export const defaultStart = '2026-01-01';
export const defaultDays = 365;
export const maxLeads = 50_000_000;
export const maxDays = 3_660;
export const maxOpportunities = 50_000_000;
export const maxHeadcount = 100_000;
/** Far above any real team; it keeps the per-bucket arithmetic of the SDR queue meaningful. */
export const maxWeeklyCapacity = 10_000_000;

const capacityStages: readonly (keyof SampleCapacity)[] = ['firstTouch', 'discovery', 'qualification', 'deals'];

/** Problems with the options, as messages; empty when they are usable. */
export function checkSampleOptions(options: SampleDataOptions): string[] {
  return [...checkVolumeOptions(options), ...checkStaffingOptions(options)];
}

/** Problems with how much to generate, and over which period (everything but the team). */
export function checkVolumeOptions(options: Omit<SampleDataOptions, 'capacity' | 'headcount'>): string[] {
  const problems: string[] = [];
  const { leads, seed, start = defaultStart, days = defaultDays, opportunities = 0 } = options;
  if (!Number.isSafeInteger(leads) || leads < 1 || leads > maxLeads)
    problems.push(`leads must be a whole number from 1 to ${maxLeads}, got ${leads}`);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff)
    problems.push(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !DateTime.fromISO(start, { zone: 'utc' }).isValid) {
    problems.push(`start must be a calendar date YYYY-MM-DD, got ${start}`);
  }
  if (!Number.isSafeInteger(days) || days < 1 || days > maxDays)
    problems.push(`days must be a whole number from 1 to ${maxDays}, got ${days}`);
  if (!Number.isSafeInteger(opportunities) || opportunities < 0 || opportunities > maxOpportunities) {
    problems.push(`opportunities must be a whole number from 0 to ${maxOpportunities}, got ${opportunities}`);
  }
  return problems;
}

/** Problems with the team's capacities and headcounts. */
export function checkStaffingOptions(options: Pick<SampleDataOptions, 'capacity' | 'headcount'>): string[] {
  const problems: string[] = [];
  for (const stage of capacityStages) {
    const perWeek = options.capacity?.[stage];
    if (perWeek === undefined || !Number.isFinite(perWeek) || perWeek <= 0 || perWeek > maxWeeklyCapacity) {
      problems.push(
        `capacity.${stage} must be a number of items per week above 0 and at most ${maxWeeklyCapacity}, got ${perWeek}`,
      );
    }
  }
  for (const role of ['sdr', 'ae'] as const) {
    const people = options.headcount?.[role];
    if (people === undefined || !Number.isSafeInteger(people) || people < 1 || people > maxHeadcount) {
      problems.push(`headcount.${role} must be a whole number from 1 to ${maxHeadcount}, got ${people}`);
    }
  }
  return problems;
}
