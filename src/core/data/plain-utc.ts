/**
 * The integer-only reading of the timestamps exports use most, kept apart from the luxon-based
 * coercers in coerce-date.ts: a fast path that accepts only what luxon would accept the same way.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of the two digits at `at`, or -1 when either is not a digit. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The fast path of the form exports use most, `YYYY-MM-DDTHH:MM:SSZ` or `…:SS.sssZ`, in UTC:
 * epoch ms, or -1 for anything else (another form, an offset, an impossible date or time,
 * a year before 1970), which the general path then reads, accepts or explains. Only values
 * that are plainly valid are taken here, so it agrees with luxon on everything it accepts:
 * in UTC there is no zone to place the time in, only the proleptic Gregorian calendar.
 */
export function plainUtcMillis(text: string, start = 0, end = text.length): number {
  const length = end - start;
  if (length !== 20 && length !== 24) return -1;
  const s = start;
  const z = text.charCodeAt(end - 1);
  if (
    (z !== 90 && z !== 122) ||
    text.charCodeAt(s + 4) !== 45 ||
    text.charCodeAt(s + 7) !== 45 ||
    text.charCodeAt(s + 10) !== 84 ||
    text.charCodeAt(s + 13) !== 58 ||
    text.charCodeAt(s + 16) !== 58
  )
    return -1;
  const century = twoDigits(text, s);
  const yearOfCentury = twoDigits(text, s + 2);
  const year = century < 0 || yearOfCentury < 0 ? -1 : century * 100 + yearOfCentury;
  const month = twoDigits(text, s + 5);
  const day = twoDigits(text, s + 8);
  const hour = twoDigits(text, s + 11);
  const minute = twoDigits(text, s + 14);
  const second = twoDigits(text, s + 17);
  let millisecond = 0;
  if (length === 24) {
    if (text.charCodeAt(s + 19) !== 46) return -1;
    const tens = twoDigits(text, s + 20);
    const units = text.charCodeAt(s + 22) - 48;
    if (tens < 0 || units < 0 || units > 9) return -1;
    millisecond = tens * 10 + units;
  }
  if (
    year < 1970 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return -1;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && isLeap ? 29 : DAYS_IN_MONTH[month - 1]!)) return -1;
  return (
    daysSinceEpoch(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond
  );
}

/**
 * Days from 1970-01-01 to a day of the proleptic Gregorian calendar (year 1970 or later),
 * as `Date.UTC` counts them, in integer arithmetic: the year is counted from March, so
 * the leap day ends it, and whole 400-year eras of 146,097 days are taken first.
 */
export function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
