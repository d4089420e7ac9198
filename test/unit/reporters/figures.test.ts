import { describe, expect, it } from 'vitest';
import { formatPercent, formatRatio } from '../../../src/reporters/figures.js';

describe('percentages and ratios', () => {
  it('group thousands like every other figure, and keep their decimals', () => {
    expect(formatPercent(0.2993)).toBe('29.9 %');
    expect(formatPercent(1416.886)).toBe('141,688.6 %');
    expect(formatPercent(-12.5, 0)).toBe('-1,250 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatRatio(0.9462)).toBe('0.95');
    expect(formatRatio(1234.5)).toBe('1,234.50');
    expect(formatRatio(null)).toBe('—');
  });
});
