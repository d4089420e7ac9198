import { Decimal } from 'decimal.js';
import { isFastPath } from '../fast-path.js';

/** Fraction digits the fast path holds: amounts are summed in ten-thousandths. */
const SCALE_DIGITS = 4;
const SCALE = 10 ** SCALE_DIGITS;

/**
 * A plain decimal text (`-1250.5`, `4400.00`, `12`: digits, at most one point, at most
 * four fraction digits) as a whole number of ten-thousandths; NaN for anything else.
 */
export function toUnits(text: string): number {
  let i = 0;
  const negative = text.charCodeAt(0) === 45; // -
  if (negative) i = 1;
  let units = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && fraction < 0) {
      fraction = 0;
      continue;
    }
    if (c < 48 || c > 57) return NaN;
    if (fraction >= 0 && ++fraction > SCALE_DIGITS) return NaN;
    units = units * 10 + (c - 48);
    digits++;
  }
  if (digits === 0 || digits > 15) return NaN;
  units *= 10 ** (SCALE_DIGITS - Math.max(fraction, 0));
  if (!Number.isSafeInteger(units)) return NaN;
  return negative ? -units : units;
}

/**
 * Adds decimal amounts exactly, and fast: plain amounts are summed as whole ten-thousandths
 * in a double, exact while the total stays a safe integer; any other amount, or a total that
 * would outgrow that, is added in `Decimal` of the given kind. The sum is that of adding the
 * amounts one by one in that kind whenever no step of that needs more significant digits than
 * the kind keeps (40 for money's `Dec`); past them the fast part is the more exact. With the
 * fast path off (see `fast-path.ts`) every amount is added in `Decimal`.
 */
export class ExactSum {
  private units = 0;
  private decimal: Decimal | undefined;
  private readonly isFast = isFastPath();

  constructor(private readonly Kind: typeof Decimal = Decimal) {}

  /** Adds a decimal text (as data rows hold amounts) or a Decimal. */
  add(amount: string | Decimal): this {
    if (typeof amount === 'string' && this.isFast) {
      const units = toUnits(amount);
      const total = this.units + units;
      if (Number.isSafeInteger(total)) {
        this.units = total;
        return this;
      }
    }
    this.decimal = (this.decimal ?? new this.Kind(0)).plus(new this.Kind(amount));
    return this;
  }

  /** The sum. */
  value(): Decimal {
    const fast = new this.Kind(this.units).div(SCALE);
    return this.decimal === undefined ? fast : this.decimal.plus(fast);
  }
}
