import { Decimal } from 'decimal.js';
import type { DurationStats } from '../report/funnel.js';

/**
 * Rounds to `digits` (0 or more) decimal places, half away from zero, so reports carry no
 * float noise. It rounds the decimal a reader sees: the shortest one that reads back as
 * `value` (what `String(value)` prints), so 1.005 → 1.01 and 10.075 → 10.08 although the
 * doubles nearest them lie just below (1.00499999999999989…). -0 becomes 0; NaN and
 * infinities are returned as they are.
 */
export function round(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  // decimal.js reads a number through its shortest decimal form; ROUND_HALF_UP is away from zero.
  return new Decimal(value).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toNumber() + 0;
}

/** `numerator ÷ denominator` rounded, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number, digits = 4): number | null {
  return denominator === 0 ? null : round(numerator / denominator, digits);
}

/**
 * Median and p90 of `values` (sorted in place). Median: the middle value, or the mean of the
 * two middle ones for an even count. p90: nearest rank, the value at rank ⌈0.9·n⌉.
 */
export function describe(values: Float64Array, digits = 2): DurationStats {
  const n = values.length;
  if (n === 0) return { count: 0, median: null, p90: null };
  const mid = n >> 1;
  const rank = Math.ceil(0.9 * n) - 1;
  let median: number;
  let p90: number;
  if (hasNaN(values)) {
    values.sort();
    median = n % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
    p90 = values[rank] as number;
  } else {
    // The same order statistics as a full sort, by selection: p90 first, then the median below it.
    selectInPlace(values, rank, 0, n - 1);
    p90 = values[rank] as number;
    selectInPlace(values, mid, 0, rank);
    const upper = values[mid] as number;
    if (n % 2 === 1) median = upper;
    else {
      let lower = values[0] as number;
      for (let i = 1; i < mid; i++) if ((values[i] as number) > lower) lower = values[i] as number;
      median = (lower + upper) / 2;
    }
  }
  return { count: n, median: round(median, digits), p90: round(p90, digits) };
}

function hasNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i] as number)) return true;
  return false;
}

/**
 * Rearranges `a[lo..hi]` (no NaN) so that `a[k]` holds the value a sort would put there, with
 * nothing greater before it and nothing smaller after it (Hoare's selection).
 */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  while (lo < hi) {
    const x = a[k] as number;
    let i = lo;
    let j = hi;
    do {
      while ((a[i] as number) < x) i++;
      while (x < (a[j] as number)) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
}

/** Mean of `values`, or null when empty. */
export function mean(values: Float64Array, digits = 2): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return round(sum / values.length, digits);
}

/** A growable list of numbers that ends as a Float64Array. */
export class NumberList {
  private buffer = new Float64Array(64);
  private size = 0;

  push(value: number): void {
    if (this.size === this.buffer.length) {
      const grown = new Float64Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.size++] = value;
  }

  get length(): number {
    return this.size;
  }

  toArray(): Float64Array {
    return this.buffer.slice(0, this.size);
  }
}
