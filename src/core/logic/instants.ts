import { DateTime } from 'luxon';

/** The ECMAScript date-time form with an offset, which `Date.parse` reads exactly. */
const commonForm = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Any ISO 8601 date-time that states its offset. */
const hasOffset = /T.*(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An instant as epoch ms: a finite number is one already; a string must be an ISO 8601
 * date-time with an offset (without one it would depend on where the code runs).
 * null, undefined and "" are empty (null); anything else is not an instant (undefined).
 */
export function toInstant(value: unknown): number | null | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const m = commonForm.exec(value);
  if (m !== null) {
    // Date.parse accepts 30 February and 24:00; this does not.
    if (
      !isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ||
      Number(m[4]) > 23 ||
      Number(m[5]) > 59 ||
      Number(m[6] ?? 0) > 59
    )
      return undefined;
    return Date.parse(value);
  }
  if (!hasOffset.test(value)) return undefined;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : undefined;
}
