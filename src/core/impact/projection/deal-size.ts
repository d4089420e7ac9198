import { round } from '../../engine/stats.js';
import type { DealSizeSample } from '../../report/projection.js';
import { Exact } from './wilson.js';

/** Fewer won deals than this and the average deal is flagged thin (the usual floor for a mean of skewed amounts). */
export const THIN_DEAL_SAMPLE = 30;

const text = (x: Exact | null) => (x === null ? null : x.toFixed(2));

/**
 * The won-deal sample behind the average deal: median (mean of the two middle deals for an even
 * count), smallest, largest, the largest deal's share of the total and the average without it.
 * `amounts` null: the sample is not known to the caller (only the average is reported).
 */
export function describeDealSample(
  size: Exact | null,
  deals: number,
  currency: string | null,
  amounts: readonly string[] | null,
): DealSizeSample {
  const none = { median: null, min: null, max: null, largestShare: null, amountWithoutLargest: null };
  const base = { amount: text(size), deals, currency, isThin: deals < THIN_DEAL_SAMPLE, thinBelow: THIN_DEAL_SAMPLE };
  if (amounts === null || amounts.length === 0 || size === null) return { ...base, ...none };
  const sorted = amounts.map((a) => new Exact(a)).sort((a, b) => a.comparedTo(b));
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? (sorted[mid] as Exact) : (sorted[mid - 1] as Exact).plus(sorted[mid] as Exact).div(2);
  const total = sorted.reduce((s, a) => s.plus(a), new Exact(0));
  const max = sorted[n - 1] as Exact;
  return {
    ...base,
    median: text(median),
    min: text(sorted[0] as Exact),
    max: text(max),
    largestShare: total.isZero() ? null : round(max.div(total).toNumber(), 4),
    amountWithoutLargest: n < 2 ? null : text(total.minus(max).div(n - 1)),
  };
}
