import { describe, expect, it } from 'vitest';
import { toBusinessHours, toBusinessMs } from '../../../../src/core/engine/sla/durations.js';

describe('toBusinessHours', () => {
  it.each([
    ['30m', 8, 0.5],
    ['90m', 8, 1.5],
    ['4h', 8, 4],
    ['1.5h', 8, 1.5],
    // One working day is the calendar's usual working day: 8 h for 09:00–17:00, 9 h for 08:30–17:30.
    ['1d', 8, 8],
    ['2d', 8, 16],
    ['2d', 9, 18],
    ['0.5d', 9, 4.5],
    ['10d', 9, 90],
    // A week is five working days, whatever the calendar's days.
    ['1w', 8, 40],
    ['1w', 9, 45],
    ['0h', 8, 0],
  ])('%s with %s-hour working days is %s business hours', (text, day, hours) => {
    expect(toBusinessHours(text, day)).toBe(hours);
  });

  it('refuses text that is not a duration', () => {
    for (const text of ['4', 'h', '4 h', '-1h', '4y', '']) expect(() => toBusinessHours(text, 8)).toThrow(RangeError);
  });

  it('compares in whole milliseconds, so minutes that are not exact in hours stay exact', () => {
    expect(toBusinessMs(toBusinessHours('1m', 8))).toBe(60_000);
    expect(toBusinessMs(toBusinessHours('1.5m', 8))).toBe(90_000);
    expect(toBusinessMs(toBusinessHours('7m', 8))).toBe(420_000);
    expect(toBusinessMs(toBusinessHours('1.001d', 7.5))).toBe(27_027_000);
  });
});
