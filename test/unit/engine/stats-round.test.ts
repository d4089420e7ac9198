import { describe, expect, it } from 'vitest';
import { ratio, round } from '../../../src/core/engine/stats.js';

// Each expected value is worked by hand from the decimal written in the first column: keep
// the digits up to the place, then add one unit there when the next digit is 5 or more,
// whatever the sign (half away from zero).
describe('round', () => {
  it.each([
    // value, places, expected
    [1.005, 2, 1.01], // 1.00|5 → 1.01 (the double is 1.00499999999999989…, the decimal read is 1.005)
    [10.075, 2, 10.08], // 10.07|5 → 10.08 (the double is 10.074999999999999289…)
    [2.675, 2, 2.68], // 2.67|5 → 2.68
    [8.345, 2, 8.35], // 8.34|5 → 8.35
    [1.45, 1, 1.5], // 1.4|5 → 1.5
    [0.285, 2, 0.29], // 0.28|5 → 0.29
    [1.0049, 2, 1], // 1.00|49 → 1.00
    [123456.785, 2, 123456.79], // 123456.78|5 → 123456.79
    [0.12345, 4, 0.1235], // 0.1234|5 → 0.1235
    [2.5, 0, 3], // 2.|5 → 3, not the even 2
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [-1.5, 0, -2], // away from zero, not towards +∞ (Math.round gives −1)
    [-10.5, 0, -11], // Math.round gives −10
    [-2.5, 0, -3],
    [-1.005, 2, -1.01],
    [-10.075, 2, -10.08],
    [-0.125, 2, -0.13],
    [1234.5, 0, 1235], // 1234.|5 → 1235
    [7, 2, 7],
  ])('rounds %s to %s places as %s', (value, places, expected) => {
    expect(round(value, places)).toBe(expected);
  });

  it('never gives -0 and leaves NaN and infinities as they are', () => {
    expect(Object.is(round(-0.0001, 2), 0)).toBe(true);
    expect(Object.is(round(-0, 2), 0)).toBe(true);
    expect(round(Number.NaN, 2)).toBeNaN();
    expect(round(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(round(Number.NEGATIVE_INFINITY, 0)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('rounds very large and very small magnitudes without float noise', () => {
    expect(round(1e21, 2)).toBe(1e21); // Math.round(1e21 × 100) ÷ 100 would give 999999999999999900000
    expect(round(5e-7, 6)).toBe(0.000001); // 0.00000|05 → 0.000001
    expect(round(4e-7, 6)).toBe(0);
  });
});

describe('ratio', () => {
  it('rounds the quotient half away from zero, or gives null for a zero denominator', () => {
    expect(ratio(1, 8, 2)).toBe(0.13); // 0.12|5 → 0.13
    expect(ratio(-1, 8, 2)).toBe(-0.13);
    expect(ratio(2, 3)).toBe(0.6667); // 0.6666|66… → 0.6667
    expect(ratio(0, 7)).toBe(0);
    expect(ratio(3, 0)).toBeNull();
  });
});
