import { describe, expect, it } from 'vitest';
import { nearestRank, roundTo, summariseHours } from '../../../../src/core/engine/sla/quantiles.js';

const sorted = (...values: number[]) => Float64Array.from(values).sort();
const hoursMs = (...hours: number[]) => Float64Array.from(hours.map((h) => h * 3_600_000));

describe('nearestRank', () => {
  it.each([
    // rank ⌈p/100 × n⌉, 1-based
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 100, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
    [[1, 2, 3], 50, 2],
    [[1, 2, 3], 90, 3],
    [[1, 2, 3, 4], 50, 2],
    [[7], 50, 7],
    [[7], 90, 7],
    [[4, 4, 4, 9], 90, 9],
  ])('of %j at p%s is %s', (values, p, expected) => {
    expect(nearestRank(sorted(...values), p)).toBe(expected);
  });

  it('is null for no values', () => {
    expect(nearestRank(new Float64Array(0), 50)).toBeNull();
  });
});

describe('summariseHours', () => {
  it('gives count, median and p90 in hours to 2 dp, whatever the input order', () => {
    expect(summariseHours(hoursMs(9, 0.25, 4, 1, 2.5, 30, 1.5, 3, 6, 12))).toEqual({
      count: 10,
      medianHours: 3,
      p90Hours: 12,
    });
    expect(summariseHours(Float64Array.from([60_000, 120_000, 100_000]))).toEqual({
      count: 3,
      medianHours: 0.03,
      p90Hours: 0.03,
    });
  });

  it('gives nulls, not NaN, for nothing', () => {
    expect(summariseHours(new Float64Array(0))).toEqual({ count: 0, medianHours: null, p90Hours: null });
  });

  it('does not reorder its input', () => {
    const input = hoursMs(3, 1, 2);
    summariseHours(input);
    expect([...input]).toEqual([...hoursMs(3, 1, 2)]);
  });
});

describe('roundTo', () => {
  it('rounds to the given places and never gives -0', () => {
    expect(roundTo(4.0166666, 2)).toBe(4.02);
    expect(roundTo(2 / 3, 4)).toBe(0.6667);
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
  });

  it('rounds halves away from zero, as written in decimal', () => {
    expect(roundTo(1.005, 2)).toBe(1.01); // 1.00|5 → 1.01, though the double is just below 1.005
    expect(roundTo(-1.5, 0)).toBe(-2); // Math.round gives −1
    expect(roundTo(0.12345, 4)).toBe(0.1235); // 0.1234|5 → 0.1235
  });
});
