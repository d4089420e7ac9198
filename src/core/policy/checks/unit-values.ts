import { Decimal } from 'decimal.js';
import { parseDuration } from '../../engine/duration.js';
import { unitNames } from '../../schemas/units.js';
import type { Finding } from './context.js';
import type { UnitRange } from './unit-fields.js';

const MINUTE_MS = 60_000;

/** A field's value as a number in the unit's measure (durations in minutes), or undefined when it is not one. */
export function readUnitValue(range: UnitRange, raw: unknown): Decimal | undefined {
  try {
    if (range.unit === 'duration')
      return typeof raw === 'string' ? new Decimal(parseDuration(raw) / MINUTE_MS) : undefined;
    if (typeof raw === 'number' || (typeof raw === 'string' && raw.trim() !== '')) return new Decimal(raw);
  } catch {
    // Not a number of this unit: the schema layer reports the shape.
  }
  return undefined;
}

/** `1440` minutes → `1d`: the largest whole unit, for messages about durations. */
function formatMinutes(total: number): string {
  for (const [unit, size] of [
    ['w', 7 * 24 * 60],
    ['d', 24 * 60],
    ['h', 60],
  ] as const) {
    if (total >= size && total % size === 0) return `${total / size}${unit}`;
  }
  return `${total}m`;
}

function formatBound(range: UnitRange, bound: number): string {
  return range.unit === 'duration' ? formatMinutes(bound) : String(bound);
}

function isWithin(range: UnitRange, value: Decimal): boolean {
  if (range.isPositive === true && value.lte(0)) return false;
  return value.gte(range.min) && value.lte(range.max);
}

/** How a suggested value is written in YAML: money quoted, as the schema asks. */
function writeValue(range: UnitRange, value: Decimal): string {
  return range.unit === 'money' ? `"${value.toString()}"` : value.toString();
}

/**
 * Judges one value against its field's sane range: the likely unit mistake with the value the
 * author meant (85 in a ratio field → `0.85`; 0.05 in a percent field → `5`), a negative amount,
 * a zero where only more than zero works, or a value no policy means.
 */
export function judgeUnitValue(key: string, raw: unknown, range: UnitRange): Finding | undefined {
  const value = readUnitValue(range, raw);
  if (value === undefined) return undefined;
  const shown = typeof raw === 'string' ? raw : value.toString();
  const field = `\`${key}\` is ${shown}`;
  const unitName = unitNames[range.unit];
  const isScaled = range.unit === 'ratio' || range.unit === 'multiplier';
  // Only a value that reads as a percent (10 or more): a multiplier of 5 did not mean 0.05.
  if (isScaled && value.gt(range.max) && value.gte(10) && isWithin(range, value.div(100))) {
    const meant = value.div(100);
    return {
      code: 'unit.ratio-as-percent',
      message: `${field}, but ${range.what} is ${unitName}: ${shown} means ${value.times(100).toString()} %.`,
      hint: `Did you mean \`${writeValue(range, meant)}\` (${value.toString()} %)?`,
    };
  }
  const isPercent = range.unit === 'percent' || range.unit === 'points';
  if (isPercent && !value.isZero() && value.abs().lt(1)) {
    const meant = value.times(100);
    const unit = range.unit === 'percent' ? '%' : 'points';
    return {
      code: 'unit.percent-as-ratio',
      message: `${field}, but ${range.what} is in ${unitName}: ${shown} means ${shown} ${unit}, a change too small to matter.`,
      hint: `Did you mean \`${meant.toString()}\` (${meant.toString()} ${unit})?`,
    };
  }
  if (value.isNegative() && !value.isZero() && range.min >= 0) {
    const meant = value.abs();
    return {
      code: 'unit.negative',
      message: `${field}, but ${range.what} is ${unitName} and cannot be negative.`,
      ...(isWithin(range, meant) ? { hint: `Did you mean \`${writeValue(range, meant)}\`?` } : {}),
    };
  }
  if (value.isZero() && range.isPositive === true) {
    return {
      code: 'unit.zero',
      message: `${field}: ${range.what} of zero ${range.unit === 'duration' ? 'can never be met' : 'means nothing'}.`,
      hint: `Give ${unitName} above 0.`,
    };
  }
  if (!isWithin(range, value)) {
    return {
      code: 'unit.out-of-range',
      message: `${field}, outside the sane range of ${range.what}: ${formatBound(range, range.min)} to ${formatBound(range, range.max)}.`,
      hint: `Check the unit: ${range.what} is ${unitName}.`,
    };
  }
  return undefined;
}
