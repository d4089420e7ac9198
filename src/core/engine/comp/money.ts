import { Decimal } from 'decimal.js';

/**
 * Decimal arithmetic for money and attainment: 40 significant digits (exact for any sum of
 * CRM amounts), rounding half up. Floats never touch money.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type { Decimal };

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** Money to cents, half up: `"1250.50"`. */
export function roundCents(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Money as report text, to cents, half up; never `-0.00`. */
export function formatMoney(amount: Decimal): string {
  const text = roundCents(amount).toFixed(2, Decimal.ROUND_HALF_UP);
  return text === '-0.00' ? '0.00' : text;
}

/** A ratio for the report: a number rounded to 4 decimal places, half up. */
export function toRatio(value: Decimal): number {
  return value.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber();
}

/** A count or fraction as report text, at most 4 decimal places, no trailing zeros. */
export function formatQuantity(value: Decimal): string {
  return value.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString();
}

/** A policy number (weight, rate, multiplier) as an exact decimal of its shortest form. */
export function fromPolicyNumber(value: number): Decimal {
  return new Dec(String(value));
}

/** A decimal cell or policy amount; null when empty or not a decimal. */
export function parseAmount(value: unknown): Decimal | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  try {
    const amount = new Dec(value);
    return amount.isFinite() ? amount : null;
  } catch {
    return null;
  }
}
