import type { SampleCalendar } from './calendar.js';
import { mixSeed, Random } from './random.js';
import { streams } from './streams.js';

/** Relative lead volume by ISO weekday (Mon…Sun): B2B forms are filled in on workdays. */
const weekdayWeight = [1.0, 1.06, 1.05, 0.98, 0.82, 0.36, 0.34];

/**
 * Relative volume by month, read at mid-month and interpolated between: a January ramp,
 * a busy March, a summer dip and the Q4 push.
 */
const monthWeight = [0.9, 1.0, 1.14, 1.06, 1.0, 0.9, 0.74, 0.72, 1.02, 1.18, 1.2, 0.92];

/** Relative volume by local hour on workdays and on weekends/holidays. */
export const workdayHourWeight = [
  0.25, 0.18, 0.14, 0.14, 0.2, 0.35, 0.6, 1.0, 1.7, 2.4, 2.8, 2.8, 2.4, 2.6, 2.7, 2.5, 2.1, 1.6, 1.1, 0.9, 0.8, 0.7,
  0.5, 0.35,
];
export const restDayHourWeight = [
  0.4, 0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.1, 1.4, 1.6, 1.6, 1.5, 1.5, 1.5, 1.4, 1.3, 1.2, 1.2, 1.2, 1.1, 1.0, 0.8,
  0.6,
];

/** Relative demand of day `d` (before noise). */
export function weighDay(cal: SampleCalendar, d: number): number {
  const month = (cal.month[d] as number) - 1;
  const daysInMonth = new Date(Date.UTC(cal.year[d] as number, month + 1, 0)).getUTCDate();
  const position = month + ((cal.dayOfMonth[d] as number) - 0.5) / daysInMonth - 0.5;
  const lower = Math.floor(position);
  const share = position - lower;
  const seasonal =
    (monthWeight[(lower + 12) % 12] as number) * (1 - share) + (monthWeight[(lower + 13) % 12] as number) * share;
  const yearEnd =
    (cal.month[d] === 12 && (cal.dayOfMonth[d] as number) >= 22) ||
    (cal.month[d] === 1 && (cal.dayOfMonth[d] as number) <= 2);
  const holiday = cal.isHoliday[d] === 1 ? 0.3 : 1;
  return (weekdayWeight[(cal.weekday[d] as number) - 1] as number) * seasonal * holiday * (yearEnd ? 0.55 : 1);
}

/**
 * Splits exactly `total` leads over the days in proportion to their demand, with ±10 % daily
 * noise, by largest remainders (so `--leads N` gives N leads).
 */
export function allocateLeadsPerDay(cal: SampleCalendar, total: number, seed: number): Int32Array {
  const weights = new Float64Array(cal.days);
  for (let d = 0; d < cal.days; d++)
    weights[d] = weighDay(cal, d) * new Random(mixSeed(seed, streams.dayNoise, d)).logNormal(1, 0.1);
  return splitByWeight(weights, total);
}

/**
 * Exactly `total` items over the days in proportion to `weights`, by largest remainders (all zero
 * when every weight is).
 */
export function splitByWeight(weights: Float64Array, total: number): Int32Array {
  let sum = 0;
  for (const w of weights) sum += w;
  const counts = new Int32Array(weights.length);
  if (!(sum > 0)) return counts;
  const remainders: { d: number; r: number }[] = [];
  let assigned = 0;
  for (let d = 0; d < weights.length; d++) {
    const exact = ((weights[d] as number) / sum) * total;
    counts[d] = Math.floor(exact);
    assigned += counts[d] as number;
    if (exact > 0) remainders.push({ d, r: exact - Math.floor(exact) });
  }
  remainders.sort((a, b) => b.r - a.r || a.d - b.d);
  for (let i = 0; i < total - assigned; i++) {
    const { d } = remainders[i % remainders.length] as { d: number };
    counts[d] = (counts[d] as number) + 1;
  }
  return counts;
}
