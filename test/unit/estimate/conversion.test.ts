import { describe, expect, it } from 'vitest';
import { estimateConversion, measureMaturityLag, wilsonInterval } from '../../../src/core/estimate/index.js';
import type { ConversionTrack } from '../../../src/core/estimate/index.js';

const DAY = 86_400_000;

/** A track from [entry day, exit day | null, advanced] per item; NaN entry for an item that never entered. */
function trackOf(items: [number, number | null, 0 | 1][]): ConversionTrack {
  return {
    entry: Float64Array.from(items, ([e]) => e * DAY),
    exit: Float64Array.from(items, ([, x]) => (x === null ? NaN : x * DAY)),
    advanced: Uint8Array.from(items, ([, , a]) => a),
  };
}

// As-of day 100. Old items (entered ≤ day 70) had time to resolve; recent ones (day 90+) are mostly still open.
//   day 10 → 20 advanced, day 20 → 45 advanced, day 30 → 40 lost, day 60 → 70 lost  (matured: 2 of 4)
//   day 90 open, day 95 open, day 92 → 99 advanced                                   (young: 1 of 3)
const items: [number, number | null, 0 | 1][] = [
  [10, 20, 1],
  [20, 45, 1],
  [30, 40, 0],
  [60, 70, 0],
  [90, null, 0],
  [95, null, 0],
  [92, 99, 1],
  [NaN, null, 0],
];
const asOf = 100 * DAY;

describe('estimateConversion', () => {
  it('with no lag counts open items as lost: 3 of 7', () => {
    const [all] = estimateConversion(trackOf(items), { asOf, lagMs: 0 });
    expect(all).toMatchObject({ group: 'all', items: 7, matured: 7, advanced: 3 });
    expect(all?.rate?.toFixed(6)).toBe('0.428571');
  });

  it('with a 30-day lag measures only the cohort that entered by day 70: 2 of 4', () => {
    const [all] = estimateConversion(trackOf(items), { asOf, lagMs: 30 * DAY });
    expect(all).toMatchObject({ items: 7, matured: 4, advanced: 2 });
    expect(all?.rate?.toNumber()).toBe(0.5);
    const w = wilsonInterval(2, 4);
    expect(all?.low.eq(w.low)).toBe(true);
    expect(all?.high.eq(w.high)).toBe(true);
  });

  it('ignores items before `since` and exits after as-of', () => {
    const late = trackOf([
      [10, 20, 1],
      [50, 120, 1], // advances after as-of: not yet an advance
      [55, 60, 1],
    ]);
    const [all] = estimateConversion(late, { asOf, lagMs: 0, since: 15 * DAY });
    expect(all).toMatchObject({ items: 2, matured: 2, advanced: 1 });
  });

  it('groups items, leaves out a null group, sorts groups, and gives no rate to a group with nothing matured', () => {
    const groupOf = (i: number) => (i === 3 ? null : i < 4 ? 'old' : 'new');
    const out = estimateConversion(trackOf(items), { asOf, lagMs: 30 * DAY, groupOf });
    expect(out.map((g) => [g.group, g.items, g.matured, g.advanced])).toEqual([
      ['new', 3, 0, 0],
      ['old', 3, 3, 2],
    ]);
    expect(out[0]?.rate).toBeNull();
    expect([out[0]?.low.toNumber(), out[0]?.high.toNumber()]).toEqual([0, 1]);
  });
});

describe('measureMaturityLag', () => {
  it('is the nearest-rank quantile of time-in-stage among items that left', () => {
    // Spans (days) of the 5 items that left: 10, 25, 10, 10, 7 → sorted 7, 10, 10, 10, 25.
    // 0.9: rank ⌈4.5⌉ = 5 → 25 days; 0.5: rank ⌈2.5⌉ = 3 → 10 days.
    const t = trackOf(items);
    expect(measureMaturityLag(t, { asOf })).toEqual({ lagMs: 25 * DAY, left: 5, quantile: 0.9 });
    expect(measureMaturityLag(t, { asOf, quantile: 0.5 }).lagMs).toBe(10 * DAY);
  });

  it('is null when no item left', () => {
    expect(measureMaturityLag(trackOf([[90, null, 0]]), { asOf })).toEqual({ lagMs: null, left: 0, quantile: 0.9 });
  });
});
