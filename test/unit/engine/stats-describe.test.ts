import { describe as suite, expect, it } from 'vitest';
import { describe, round } from '../../../src/core/engine/stats.js';

/**
 * Median and p90 by a full sort, as the definition reads. Rounding is `round` itself, which
 * stats-round.test.ts checks against hand-worked values: this oracle is for the selection.
 */
function bySort(values: readonly number[]): { count: number; median: number | null; p90: number | null } {
  const n = values.length;
  if (n === 0) return { count: 0, median: null, p90: null };
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  const median = n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { count: n, median: round(median, 2), p90: round(sorted[Math.ceil(0.9 * n) - 1] as number, 2) };
}

suite('describe', () => {
  it('gives the order statistics of a full sort for any size, duplicates and order', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let n = 0; n < 300; n++) {
      for (const shape of ['random', 'few', 'ascending', 'descending'] as const) {
        const values = Array.from({ length: n }, (_, i) =>
          shape === 'random'
            ? next() * 1000 - 100
            : shape === 'few'
              ? Math.floor(next() * 3)
              : shape === 'ascending'
                ? i / 3
                : (n - i) / 3,
        );
        expect(describe(Float64Array.from(values))).toEqual(bySort(values));
      }
    }
  });

  it('keeps the sorted answer when a value is not a number', () => {
    const values = [3, Number.NaN, 1, 2];
    expect(describe(Float64Array.from(values))).toEqual(bySort(values));
  });
});
