import { DateTime, IANAZone } from 'luxon';
import type { CalendarSpec } from '../policy/types.js';
import type { BusinessCalendar } from './types.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Spans beyond a century are data errors (a year 9999 placeholder), not SLAs: refuse them rather than walk them. */
const MAX_SPAN_DAYS = 36_525;
const weekdayNumbers: Readonly<Record<string, number>> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** Working time of one local day, as instants. */
interface Window {
  open: number;
  close: number;
}

/** Minutes after midnight of `HH:MM`; `24:00` is the end of the day. */
function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A civil date as a day count since 1970-01-01, and back: calendar arithmetic, no time zone. */
function civilDate(day: number): { year: number; month: number; day: number; iso: string } {
  const date = new Date(day * DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    iso: date.toISOString().slice(0, 10),
  };
}

/** ISO weekday (1 = Monday) of a day count; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function spanError(): RangeError {
  return new RangeError(`business time is counted over at most ${MAX_SPAN_DAYS} days`);
}

/**
 * Business time of a Calendar policy: the working hours of each weekday in the calendar's
 * IANA time zone, minus its holidays. Local times become instants through luxon, so DST
 * changes are exact (a 00:00–24:00 day lasts 23 or 25 hours when the clocks change; a
 * local time that does not exist moves forward, as luxon resolves it). Each day's window
 * is computed once and cached; a computation walks the days it spans, never minutes.
 *
 * `hoursBetween(from, to)` is antisymmetric: negative when `to` is earlier, 0 when equal.
 * `addBusinessHours(from, h)` is the earliest instant `t` with `hoursBetween(from, t) === h`
 * (so a deadline that ends a working day is that day's closing time), walking backwards for
 * negative `h`. Non-finite inputs give NaN; spans over a century throw a RangeError.
 */
export function createBusinessCalendar(spec: CalendarSpec, name?: string): BusinessCalendar {
  if (!IANAZone.isValidZone(spec.timeZone)) throw new RangeError(`\`${spec.timeZone}\` is not an IANA time zone`);
  const zone = IANAZone.create(spec.timeZone);
  const hours = new Map<number, { start: number; end: number }>();
  for (const block of spec.workingHours) {
    for (const day of block.days) {
      const weekday = weekdayNumbers[day];
      // The first block of a day wins; the Calendar check reports the others.
      if (weekday !== undefined && !hours.has(weekday))
        hours.set(weekday, { start: minutesOf(block.start), end: minutesOf(block.end) });
    }
  }
  if (![...hours.values()].some((h) => h.end > h.start)) throw new RangeError('the calendar has no working hours');
  const holidays = new Set((spec.holidays ?? []).map((h) => h.date));
  const windows = new Map<number, Window | null>();

  const localDay = (ms: number): number => Math.floor((ms + zone.offset(ms) * 60_000) / DAY_MS);

  const instantAt = (day: number, minutes: number): number => {
    const { year, month, day: dayOfMonth } = civilDate(day);
    const midnight = DateTime.fromObject({ year, month, day: dayOfMonth }, { zone });
    if (minutes === 1440) return midnight.plus({ days: 1 }).toMillis();
    return DateTime.fromObject(
      { year, month, day: dayOfMonth, hour: Math.floor(minutes / 60), minute: minutes % 60 },
      { zone },
    ).toMillis();
  };

  const windowOf = (day: number): Window | null => {
    const cached = windows.get(day);
    if (cached !== undefined) return cached;
    const h = hours.get(weekdayOf(day));
    let window: Window | null = null;
    if (h !== undefined && h.end > h.start && !holidays.has(civilDate(day).iso)) {
      const open = instantAt(day, h.start);
      const close = instantAt(day, h.end);
      window = close > open ? { open, close } : null;
    }
    windows.set(day, window);
    return window;
  };

  const hoursBetween = (fromMs: number, toMs: number): number => {
    if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return NaN;
    if (toMs < fromMs) {
      const back = hoursBetween(toMs, fromMs);
      return back === 0 ? 0 : -back;
    }
    const first = localDay(fromMs);
    const last = localDay(toMs);
    if (last - first > MAX_SPAN_DAYS) throw spanError();
    let total = 0;
    for (let day = first; day <= last; day++) {
      const window = windowOf(day);
      if (window === null) continue;
      const start = Math.max(window.open, fromMs);
      const end = Math.min(window.close, toMs);
      if (end > start) total += end - start;
    }
    return total / HOUR_MS;
  };

  const addBusinessHours = (fromMs: number, hoursToAdd: number): number => {
    if (!Number.isFinite(fromMs) || !Number.isFinite(hoursToAdd)) return NaN;
    if (hoursToAdd === 0) return fromMs;
    const step = hoursToAdd > 0 ? 1 : -1;
    let remaining = Math.abs(hoursToAdd) * HOUR_MS;
    const first = localDay(fromMs);
    for (let day = first; Math.abs(day - first) <= MAX_SPAN_DAYS; day += step) {
      const window = windowOf(day);
      if (window === null) continue;
      const start = step > 0 ? Math.max(window.open, fromMs) : window.open;
      const end = step > 0 ? window.close : Math.min(window.close, fromMs);
      if (end <= start) continue;
      if (remaining <= end - start) return step > 0 ? start + remaining : end - remaining;
      remaining -= end - start;
    }
    throw spanError();
  };

  return { ...(name !== undefined ? { name } : {}), hoursBetween, addBusinessHours };
}
