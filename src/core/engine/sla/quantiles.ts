import type { HoursSummary } from '../../report/sla.js';
import { round } from '../stats.js';
import { HOUR_MS } from './durations.js';

/**
 * The nearest-rank percentile `p` (1–100) of values sorted ascending: the value at rank
 * ⌈p/100 × n⌉ (1-based), so always an observed value; null for no values. The median is
 * p = 50, which for an even count is the lower of the two middle values.
 */
export function nearestRank(sorted: Float64Array, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p * n) / 100));
  return sorted[rank - 1] as number;
}

/** A number rounded to `digits` decimal places (hours to 2, fractions to 4) by the one rule of `round`. */
export function roundTo(value: number, digits: number): number {
  return round(value, digits);
}

/** Count, median and p90 (nearest rank) of durations given in business milliseconds, in hours to 2 dp. */
export function summariseHours(durationsMs: Float64Array): HoursSummary {
  const sorted = Float64Array.from(durationsMs).sort();
  const median = nearestRank(sorted, 50);
  const p90 = nearestRank(sorted, 90);
  return {
    count: sorted.length,
    medianHours: median === null ? null : roundTo(median / HOUR_MS, 2),
    p90Hours: p90 === null ? null : roundTo(p90 / HOUR_MS, 2),
  };
}
