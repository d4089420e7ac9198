import { describe, expect, it } from 'vitest';
import {
  buildValueAxis,
  coord,
  estimateTextWidth,
  figureNumber,
  scaleValue,
  tickDigits,
  truncateLabel,
} from '../../../../src/reporters/html/svg-scale.js';

describe('buildValueAxis', () => {
  // Each step is span ÷ 5 rounded up to 1, 2 or 5 × 10^k (never 2.5: its ticks need a digit more); the domain is whole steps around 0 and the values.
  it.each([
    // span 1.61 → 0.322 → step 0.5; top ⌈1.61 ÷ 0.5⌉ = 4 steps = 2
    { values: [0.52, 0.87, 1.61, 1, 0.85], fixedMax: undefined, ticks: [0, 0.5, 1, 1.5, 2] },
    // span 14,491.25 → 2,898.25 → step 5,000; bottom ⌊−1,991.25 ÷ 5,000⌋ = −1 step; top ⌈2.5⌉ = 3 steps
    { values: [-1991.25, 12500], fixedMax: undefined, ticks: [-5000, 0, 5000, 10000, 15000] },
    // a share under its fixed top of 1: span 1 → step 0.2, ticks without binary noise
    { values: [0.6, 0.95], fixedMax: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] },
    // a share above its fixed top: the data wins; span 1.2 → 0.24 → step 0.5; top ⌈2.4⌉ = 3 steps
    { values: [1.2], fixedMax: 1, ticks: [0, 0.5, 1, 1.5] },
    // counts 0…12.5 → 2.5 → step 5, not 2.5 (a count axis would print 2.5 as 3)
    { values: [12, 3], fixedMax: undefined, ticks: [0, 5, 10, 15] },
    // 0.1 + 0.2 is 0.30000000000000004: still 3 steps of 0.1
    { values: [0.1 + 0.2], fixedMax: undefined, ticks: [0, 0.1, 0.2, 0.3] },
    // nothing to show: a unit axis, not a collapsed one
    { values: [], fixedMax: undefined, ticks: [0, 1] },
    { values: [0, 0], fixedMax: undefined, ticks: [0, 1] },
    // all negative: 0 stays on the axis, at its top
    { values: [-3, -7], fixedMax: undefined, ticks: [-8, -6, -4, -2, 0] },
  ])('$values (top $fixedMax) → $ticks', ({ values, fixedMax, ticks }) => {
    const axis = buildValueAxis(values, fixedMax);
    expect(axis.ticks).toEqual(ticks);
    expect(axis.min).toBe(ticks[0]);
    expect(axis.max).toBe(ticks[ticks.length - 1]);
  });

  it('always holds 0, whatever the values', () => {
    for (const values of [
      [5, 9],
      [120, 480],
      [0.001, 0.002],
      [-0.5, -0.1],
    ]) {
      const axis = buildValueAxis(values);
      expect(axis.min).toBeLessThanOrEqual(0);
      expect(axis.max).toBeGreaterThanOrEqual(0);
      expect(axis.ticks).toContain(0);
    }
  });

  it('ignores values that are not finite', () => {
    expect(buildValueAxis([Number.NaN, Infinity, 4]).ticks).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('scaleValue', () => {
  it('maps the axis linearly onto a coordinate range, upside down too', () => {
    const axis = { min: -5000, max: 15000, ticks: [] };
    expect(scaleValue(axis, 0, 100, 300)).toBe(150);
    expect(scaleValue(axis, -5000, 100, 300)).toBe(100);
    expect(scaleValue(axis, 15000, 100, 300)).toBe(300);
    expect(scaleValue(axis, 0, 300, 100)).toBe(250);
  });
});

describe('figureNumber', () => {
  it('reads numbers and decimal strings, and gives null for unknown or non-numeric values', () => {
    expect(figureNumber({ path: 'a', value: 0.5, text: '0.50' })).toBe(0.5);
    expect(figureNumber({ path: 'a', value: '-1991.25', text: '−1,991.25' })).toBe(-1991.25);
    expect(figureNumber({ path: 'a', value: null, text: '—', reason: 'no data' })).toBeNull();
    expect(figureNumber({ path: 'a', value: 'n/a', text: 'n/a' })).toBeNull();
    expect(figureNumber(undefined)).toBeNull();
  });
});

describe('coord', () => {
  it('keeps two decimals and never writes -0', () => {
    expect(coord(12.3456)).toBe('12.35');
    expect(coord(-0.001)).toBe('0');
    expect(coord(100)).toBe('100');
  });
});

describe('truncateLabel and estimateTextWidth', () => {
  it('keeps a short label and cuts a long one with an ellipsis', () => {
    expect(truncateLabel('qualified', 18)).toBe('qualified');
    const cut = truncateLabel('a'.repeat(40), 10);
    expect(cut.endsWith('…')).toBe(true);
    expect(Array.from(cut).length).toBeLessThanOrEqual(10);
  });

  it('counts an invisible character as its wide stand-in (<U+202E>), so a label of them is cut', () => {
    const bidi = 'ab\u202E\u202E\u202E\u202E';
    expect(estimateTextWidth(bidi, 10)).toBeGreaterThan(estimateTextWidth('<U+202E><U+202E>', 10));
    expect(truncateLabel(bidi, 18)).not.toBe(bidi);
  });

  it('does not split a surrogate pair', () => {
    const cut = truncateLabel('😀'.repeat(30), 8);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.replace('…', '')).toMatch(/^(😀)+$/u);
  });
});

describe('many values', () => {
  it('builds the axis of 300,000 values (a spread into Math.max would overflow the stack)', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => (i % 1000) / 10);
    expect(buildValueAxis(values).ticks).toEqual([0, 20, 40, 60, 80, 100]);
  });
});

describe('tickDigits', () => {
  it('gives every tick the decimals it needs to be written exactly, at least the minimum', () => {
    expect(tickDigits(0.75, 1)).toBe(2);
    expect(tickDigits(0.8, 1)).toBe(1);
    expect(tickDigits(1, 1)).toBe(1);
    expect(tickDigits(2.5, 0)).toBe(1);
    expect(tickDigits(5000, 0)).toBe(0);
    expect(tickDigits(0.1 + 0.2, 0)).toBe(1);
    expect(tickDigits(0.05 * 100, 0)).toBe(0);
  });
});
