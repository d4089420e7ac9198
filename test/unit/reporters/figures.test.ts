import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatMoney, formatPercent, formatRatio } from '../../../src/reporters/figures.js';

describe('percentages and ratios', () => {
  it('group thousands like every other figure, and keep their decimals', () => {
    expect(formatPercent(0.2993)).toBe('29.9 %');
    expect(formatPercent(1416.886)).toBe('141,688.6 %');
    expect(formatPercent(-12.5, 0)).toBe('−1,250 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatRatio(0.9462)).toBe('0.95');
    expect(formatRatio(1234.5)).toBe('1,234.50');
    expect(formatRatio(null)).toBe('—');
  });
});

describe('negative figures', () => {
  it('carry the one minus sign (U+2212) every reporter uses, never an ASCII hyphen', () => {
    expect(formatDecimal('-1991.25')).toBe('−1,991.25');
    expect(formatMoney('-1991.25', 'USD')).toBe('−1,991.25 USD');
    expect(formatDecimal(-0.5, 2)).toBe('−0.50');
    expect(formatCount(-1234)).toBe('−1,234');
    expect(formatRatio(-0.15)).toBe('−0.15');
  });

  it('put no sign on a zero that rounds from a negative', () => {
    expect(formatCount(-0.4)).toBe('0');
    expect(formatCount(0)).toBe('0');
  });
});
