import { DateTime } from 'luxon';
import type { TimeWindow } from './context.js';

/** Calendar units the engine reports by. Weeks are ISO weeks (Monday to Sunday). */
export type PeriodUnit = 'week' | 'month' | 'quarter' | 'year';

/** One calendar period, clipped to the evaluated window. */
export interface Period {
  /** `2026-W03`, `2026-01`, `2026-Q1` or `2026`. */
  label: string;
  /** Start and end of the whole calendar period (epoch ms). */
  start: number;
  end: number;
  /** Share of the period inside the window, 0–1 (partial first and last periods). */
  covered: number;
}

const luxonUnit = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' } as const;

function labelOf(start: DateTime, unit: PeriodUnit): string {
  switch (unit) {
    case 'week':
      return start.toFormat("kkkk-'W'WW");
    case 'month':
      return start.toFormat('yyyy-MM');
    case 'quarter':
      return `${start.year}-Q${start.quarter}`;
    case 'year':
      return String(start.year);
  }
}

/**
 * The calendar periods of `unit` that overlap `window`, in order, with their boundaries in
 * `timeZone` (so a week starts at Monday 00:00 local time, across DST changes).
 */
export function listPeriods(unit: PeriodUnit, window: TimeWindow, timeZone: string): Period[] {
  const out: Period[] = [];
  if (!(window.end > window.start)) return out;
  let cursor = DateTime.fromMillis(window.start, { zone: timeZone }).startOf(luxonUnit[unit]);
  while (cursor.toMillis() < window.end) {
    const next = cursor.plus({ [`${unit}s`]: 1 });
    const start = cursor.toMillis();
    const end = next.toMillis();
    const covered = (Math.min(end, window.end) - Math.max(start, window.start)) / (end - start);
    out.push({ label: labelOf(cursor, unit), start, end, covered });
    cursor = next;
  }
  return out;
}

/** Index of the period that holds instant `t`, or -1 outside them all (periods in order). */
export function findPeriodIndex(periods: readonly Period[], t: number): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = periods[mid] as Period;
    if (t < p.start) hi = mid - 1;
    else if (t >= p.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * `findPeriodIndex` for many instants over the same periods: their bounds read once into
 * typed arrays, so each look-up is a binary search over numbers.
 */
export function periodFinder(periods: readonly Period[]): (t: number) => number {
  const starts = Float64Array.from(periods, (p) => p.start);
  const ends = Float64Array.from(periods, (p) => p.end);
  const last = periods.length - 1;
  return (t) => {
    let lo = 0;
    let hi = last;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (t < (starts[mid] as number)) hi = mid - 1;
      else if (t >= (ends[mid] as number)) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
}
