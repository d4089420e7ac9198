import { isFastPath } from '../fast-path.js';
import type { FieldType } from '../model/canonical.js';
import type { FieldSource } from '../policy/types.js';
import { CoercionFailure } from './coerce-failure.js';
import type { Cell, TextCoercer } from './coerce-failure.js';

/** Separators of a number column. Grouping, when declared, must be in threes (`1,234,567`). */
export interface NumberFormat {
  decimal: '.' | ',';
  group: string;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the pattern of one column's numbers: sign, integer digits, fraction, and (for `number`) exponent. */
function numberPattern(format: NumberFormat, hasExponent: boolean): RegExp {
  const group = format.group === ' ' ? '[ \\u00a0\\u202f]' : escapeRegExp(format.group);
  const integer = format.group === '' ? '\\d*' : `\\d{1,3}(?:${group}\\d{3})+|\\d*`;
  const exponent = hasExponent ? '([eE][+-]?\\d{1,3})?' : '()';
  return new RegExp(`^([+-]?)(${integer})(?:${escapeRegExp(format.decimal)}(\\d+))?${exponent}$`);
}

/** Reads `numberFormat` of a field source; throws a message when it is unusable. */
export function readNumberFormat(source: FieldSource | undefined): NumberFormat {
  const decimal = source?.numberFormat?.decimal ?? '.';
  const group = source?.numberFormat?.group ?? '';
  if (group === decimal) throw new Error(`numberFormat uses \`${decimal}\` both as decimal and as group separator`);
  return { decimal, group };
}

/**
 * The fast path of a plain whole number: only ASCII digits, at most 15 of them (so it is
 * exact), read in any number format. -1 for anything else (a sign, spaces, separators, an
 * exponent, more digits), which the general path then reads or explains.
 */
export function plainInteger(text: string, start = 0, end = text.length): number {
  const length = end - start;
  if (length <= 0 || length > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The fast path of a plain decimal with `.` as its separator: digits without leading zeros
 * (or a single `0`), optionally `.` and digits, shorter than 13 characters (so the result
 * is a copy, not a view into the chunk of the file). The normalised form is then the text
 * up to its last significant fraction digit. Undefined for anything else.
 */
export function plainDecimal(text: string): string | undefined {
  const length = text.length;
  if (length === 0 || length >= 13) return undefined;
  const first = text.charCodeAt(0);
  if (first < 48 || first > 57) return undefined;
  let dot = -1;
  let end = length;
  for (let i = 1; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && dot < 0) {
      if (i === length - 1) return undefined;
      dot = i;
    } else if (c < 48 || c > 57) {
      return undefined;
    }
  }
  if (first === 48 && (dot < 0 ? length > 1 : dot > 1)) return undefined;
  if (dot >= 0) {
    while (text.charCodeAt(end - 1) === 48) end--;
    if (end === dot + 1) end = dot;
  }
  if (end === 1 && first === 48) return '0';
  return end === length ? text : text.slice(0, end);
}

/**
 * Digits a `decimal` keeps. Money is summed in 40-digit decimals (`Dec`): amounts on a grid
 * of 10^-10 below 10^20 add up exactly over a billion rows (20 + 10 + 9 < 40 digits).
 */
const MAX_INTEGER_DIGITS = 20;
const MAX_FRACTION_DIGITS = 10;

/**
 * Integers, exact decimals and floating-point numbers. Decimals are normalised: no sign
 * for zero, no leading zeros, no trailing fraction zeros (`"0012.50"` → `"12.5"`). An
 * integer may be written with a zero fraction (`"3.0"` → 3), never with another one.
 */
export class NumberCoercer implements TextCoercer {
  private readonly pattern: RegExp;
  private readonly groupPattern: RegExp | undefined;
  /** `fromText` reads plain forms the fast way (see `fast-path.ts`); otherwise every text takes `fromTextGeneral`. */
  private readonly isFast = isFastPath();

  constructor(
    private readonly type: Extract<FieldType, 'integer' | 'decimal' | 'number'>,
    private readonly format: NumberFormat,
  ) {
    this.pattern = numberPattern(format, type === 'number');
    this.groupPattern =
      format.group === ''
        ? undefined
        : new RegExp(format.group === ' ' ? '[ \\u00a0\\u202f]' : escapeRegExp(format.group), 'g');
  }

  fromText(text: string): Cell | CoercionFailure {
    if (!this.isFast) return this.fromTextGeneral(text);
    if (this.type !== 'decimal') {
      const value = plainInteger(text);
      if (value >= 0) return value;
    } else if (this.format.decimal === '.') {
      const decimal = plainDecimal(text);
      if (decimal !== undefined) return decimal;
    }
    return this.fromTextGeneral(text);
  }

  fromSpan(text: string, start: number, end: number): Cell | undefined {
    if (this.type === 'decimal') return undefined;
    const value = plainInteger(text, start, end);
    return value >= 0 ? value : undefined;
  }

  /** Every form the column accepts; `fromText` takes the plain ones a faster way, with the same results. */
  fromTextGeneral(text: string): Cell | CoercionFailure {
    const match = this.pattern.exec(text);
    if (match === null || (match[2] === '' && match[3] === undefined)) return this.notANumber(text);
    const sign = match[1] === '-' ? '-' : '';
    let integer = match[2] ?? '';
    if (this.groupPattern !== undefined) integer = integer.replace(this.groupPattern, '');
    integer = integer.replace(/^0+(?=\d)/, '') || '0';
    const fraction = (match[3] ?? '').replace(/0+$/, '');
    if (this.type === 'number') {
      const value = Number(`${sign}${integer}.${fraction || '0'}${match[4] ?? ''}`);
      return Number.isFinite(value) ? value : new CoercionFailure('data.bad-number', `\`${text}\` is out of range.`);
    }
    const decimal =
      integer === '0' && fraction === '' ? '0' : `${sign}${integer}${fraction === '' ? '' : `.${fraction}`}`;
    if (this.type === 'decimal')
      return integer.length > MAX_INTEGER_DIGITS || fraction.length > MAX_FRACTION_DIGITS
        ? this.beyondExact(text)
        : decimal;
    if (fraction !== '') return new CoercionFailure('data.bad-number', `\`${text}\` is not a whole number.`);
    const value = Number(decimal);
    if (!Number.isSafeInteger(value)) {
      return new CoercionFailure(
        'data.bad-number',
        `\`${text}\` is too large to be held exactly (the limit is ${Number.MAX_SAFE_INTEGER}).`,
      );
    }
    return value;
  }

  private beyondExact(text: string): CoercionFailure {
    return new CoercionFailure(
      'data.bad-number',
      `\`${text}\` has more digits than an exact amount keeps (at most ${MAX_INTEGER_DIGITS} before the decimal point and ${MAX_FRACTION_DIGITS} after it), so sums of it could not stay exact.`,
      'Check the column: an amount this long is usually another value (an id, a timestamp) or a unit error.',
    );
  }

  private notANumber(text: string): CoercionFailure {
    const what = this.type === 'integer' ? 'a whole number' : 'a number';
    const trimmed = text;
    let hint = this.format.decimal === '.' ? 'Write numbers like `1250.50`.' : 'Write numbers like `1250,50`.';
    const other = this.format.decimal === '.' ? ',' : '.';
    if (trimmed.includes(other) && this.format.group !== other) {
      hint = `If \`${other}\` is a thousands separator, declare \`numberFormat: {group: "${other}"}\` on the field.`;
    } else if (/[eE]/.test(trimmed) && this.type !== 'number') {
      hint = 'Exponent notation is not exact; export the column as a plain number.';
    } else if (this.format.group !== '' && trimmed.includes(this.format.group)) {
      hint = `Thousands separators (\`${this.format.group}\`) must group digits in threes.`;
    }
    return new CoercionFailure('data.bad-number', `\`${text}\` is not ${what}.`, hint);
  }
}
