import { describe, expect, it } from 'vitest';
import { amount, hours, MINUS, NONE, signed, signedMoney, withUnit } from '../../../src/reporters/impact-phrases.js';

describe('impact phrasing', () => {
  it('says a missing value as a dash with no unit', () => {
    expect(hours(null)).toBe('—');
    expect(hours(6)).toBe('6.0 h');
    expect(withUnit(NONE, 'h')).toBe('—');
    expect(withUnit('3', '%')).toBe('3 %');
  });

  it('uses one minus sign (U+2212) for counts, ratios and money', () => {
    expect(MINUS).toBe('\u2212');
    expect(signed(-3)).toBe('\u22123');
    expect(signed(-0.25, (x) => x.toFixed(2))).toBe('\u22120.25');
    expect(signed(12)).toBe('+12');
    expect(signed(0)).toBe('±0');
    expect(signedMoney('-1350.00')).toBe('\u22121,350.00');
    expect(signedMoney('1234567.5', 'USD')).toBe('+1,234,567.5 USD');
    expect(amount('-0.50')).toBe('\u22120.50');
    expect(amount('19127.07')).toBe('19,127.07');
  });

  it('says a zero money change as ±0 however it is written', () => {
    for (const zero of ['0', '0.00', '-0.00', '0.0000']) expect(signedMoney(zero)).toBe('±0');
    expect(signedMoney('0.01')).toBe('+0.01');
  });
});
