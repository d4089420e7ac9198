import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatMoney, formatPercent, formatRatio } from '../../../src/reporters/figures.js';
import { targetText } from '../../../src/reporters/report-summary.js';

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

  it('show no "Infinity %" for a fraction a report read back could hold (1e308 passes the schema)', () => {
    expect(formatPercent(1e308)).toBe('—');
    expect(formatPercent(-1e308)).toBe('—');
  });

  it('a constraint target with neither bound reads "— (no target)", not "≥ undefined"', () => {
    expect(targetText({})).toBe('— (no target)');
    expect(targetText({ max: 0.85 })).toBe('≤ 0.85');
    expect(targetText({ min: 0.9 })).toBe('≥ 0.9');
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
