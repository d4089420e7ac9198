import { Decimal } from 'decimal.js';

/**
 * Reads a figure as the page displays it (`1,299,753.14 USD`, `−3.5 %`, `3.4 d`, `+149`) and
 * says whether it is a JSON value rounded to the digits shown. Independent of the reporters'
 * formatting code on purpose: a wrong formatter (a lost sign, a percentage not × 100, a value
 * rounded to the wrong place) shows as a mismatch instead of agreeing with itself.
 */

/** A number as displayed: thousands grouped by commas (or not), optional decimals. */
const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g;
const MINUS = '\u2212';

/** What one displayed figure reads as. */
export interface DisplayedNumber {
  /** The number shown, sign included. */
  number: Decimal;
  /** Decimals shown (`0.87` → 2). */
  decimals: number;
  /** The text after the number, trimmed (`%`, `USD`, `d`, `h`, `pp`). */
  unit: string;
}

/** Collapses white space (no-break spaces included) and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
}

/** Reads the one number of a figure's text, or says why it cannot (none, several, an ASCII minus, other digits). */
export function readDisplayedNumber(text: string): DisplayedNumber | string {
  const shown = normaliseSpace(text);
  if (/[^\P{Nd}0-9]/u.test(shown)) return 'it has digits other than 0-9';
  const matches = [...shown.matchAll(NUMBER)];
  if (matches.length === 0) return 'it holds no number';
  if (matches.length > 1) return `it holds ${matches.length} numbers (a figure shows one)`;
  const match = matches[0]!;
  const before = shown.slice(0, match.index);
  if (before.endsWith('-')) return `its minus sign is an ASCII "-" (figures use U+2212 "${MINUS}")`;
  const negative = before.endsWith(MINUS);
  const magnitude = new Decimal(match[0].replaceAll(',', ''));
  return {
    number: negative ? magnitude.negated() : magnitude,
    decimals: match[2]?.length ?? 0,
    unit: shown.slice(match.index + match[0].length).trim(),
  };
}

/**
 * How the JSON value is scaled for display, from the unit shown and the path's keys: a
 * percentage × 100 (the JSON holds fractions), unless a key says it holds a percentage already
 * (`deltaPct`, `changePct`); percentage points (`pp`, `pts`) × 100 too, unless
 * a key says the JSON already holds points (`modelledChangePts`); hours shown in days (a `d`
 * unit, a key that names hours: `timeInStageHours.median`) ÷ 24; anything else as is.
 */
export function displayScale(unit: string, keys: readonly string[]): { factor: Decimal; why: string } {
  const percent = { factor: new Decimal(100), why: ' × 100 (a percentage)' };
  if (unit.startsWith('%'))
    return keys.some((k) => /pct|percent/i.test(k)) ? { factor: new Decimal(1), why: '' } : percent;
  if (/^(pp|pts|points)\b/.test(unit))
    return keys.some((k) => /pts|points/i.test(k)) ? { factor: new Decimal(1), why: '' } : percent;
  if (/^d\b/.test(unit) && keys.some((k) => /hours/i.test(k)))
    return { factor: new Decimal(1).div(24), why: ' ÷ 24 (hours shown in days)' };
  return { factor: new Decimal(1), why: '' };
}

/** A JSON number or decimal string as a Decimal, or undefined when it is not a number. */
export function decimalOf(value: unknown): Decimal | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(value) : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return new Decimal(value.trim());
  return undefined;
}

/**
 * Why the displayed text is not the JSON value rounded to the decimals it shows, or undefined
 * when it is. Either rounding of an exact half is accepted (the JSON holds binary doubles).
 * `keys` are the path's keys (they tell hours from days, points from fractions).
 */
export function explainNumberMismatch(text: string, value: Decimal, keys: readonly string[]): string | undefined {
  const read = readDisplayedNumber(text);
  if (typeof read === 'string') return `the displayed text cannot be read as a figure: ${read}`;
  const { factor, why } = displayScale(read.unit, keys);
  const expected = value.times(factor);
  const tolerance = new Decimal(10).pow(-read.decimals).div(2);
  if (read.number.minus(expected).abs().lte(tolerance)) return undefined;
  const rounded = expected.toDecimalPlaces(read.decimals, Decimal.ROUND_HALF_UP).toFixed(read.decimals);
  return `the displayed number ${read.number.toFixed()} is not the JSON value ${value.toFixed()}${why} rounded to ${read.decimals} decimals (${rounded})`;
}
