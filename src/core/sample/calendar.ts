import { DateTime } from 'luxon';
import { collectHolidays } from './holidays.js';

/** The sales team's clock, as in `policies/calendar-us.yaml`. */
export const salesTimeZone = 'America/New_York';
export const businessOpen = { hour: 8, minute: 30 };
export const businessClose = { hour: 17, minute: 30 };

export const minuteMs = 60_000;
export const hourMs = 3_600_000;
export const dayMs = 86_400_000;

/**
 * The generated period day by day in America/New_York: local midnights, business windows and
 * the start of every local hour, all as UTC epoch milliseconds. Precomputed once with luxon,
 * so the per-row arithmetic is plain numbers and still zone-correct across DST changes.
 */
export interface SampleCalendar {
  days: number;
  /** Local midnight of day 0; the period starts here. */
  startMs: number;
  /** Local midnight after the last day: the export's "as of" instant; nothing happens at or after it. */
  asOfMs: number;
  /** Local midnights, `days + 1` entries (the last is `asOfMs`). */
  dayStartMs: Float64Array;
  openMs: Float64Array;
  closeMs: Float64Array;
  isBusinessDay: Uint8Array;
  isHoliday: Uint8Array;
  /** ISO weekday, 1 = Monday. */
  weekday: Uint8Array;
  month: Uint8Array;
  dayOfMonth: Uint8Array;
  year: Uint16Array;
  /** Start of each local hour: `days × 24` entries. */
  hourStartMs: Float64Array;
}

export function buildSampleCalendar(start: string, days: number): SampleCalendar {
  const first = DateTime.fromISO(start, { zone: salesTimeZone }).startOf('day');
  const last = first.plus({ days: days - 1 });
  const holidays = collectHolidays(first.year, last.year);
  const cal: SampleCalendar = {
    days,
    startMs: first.toMillis(),
    asOfMs: first.plus({ days }).toMillis(),
    dayStartMs: new Float64Array(days + 1),
    openMs: new Float64Array(days),
    closeMs: new Float64Array(days),
    isBusinessDay: new Uint8Array(days),
    isHoliday: new Uint8Array(days),
    weekday: new Uint8Array(days),
    month: new Uint8Array(days),
    dayOfMonth: new Uint8Array(days),
    year: new Uint16Array(days),
    hourStartMs: new Float64Array(days * 24),
  };
  for (let d = 0; d <= days; d++) cal.dayStartMs[d] = first.plus({ days: d }).toMillis();
  for (let d = 0; d < days; d++) {
    const day = first.plus({ days: d });
    const midnight = cal.dayStartMs[d] as number;
    // Only the days the clocks change on are not 24 hours long; ask luxon about those.
    const isPlainDay = (cal.dayStartMs[d + 1] as number) - midnight === dayMs;
    const at = (hour: number, minute = 0) =>
      isPlainDay ? midnight + hour * hourMs + minute * minuteMs : day.set({ hour, minute }).toMillis();
    cal.weekday[d] = day.weekday;
    cal.month[d] = day.month;
    cal.dayOfMonth[d] = day.day;
    cal.year[d] = day.year;
    cal.isHoliday[d] = holidays.has(day.toISODate() as string) ? 1 : 0;
    cal.isBusinessDay[d] = day.weekday <= 5 && cal.isHoliday[d] === 0 ? 1 : 0;
    cal.openMs[d] = at(businessOpen.hour, businessOpen.minute);
    cal.closeMs[d] = at(businessClose.hour, businessClose.minute);
    for (let h = 0; h < 24; h++) cal.hourStartMs[d * 24 + h] = at(h);
  }
  return cal;
}

/** The day a time falls on (-1 before the period, `days` at or after its end). */
export function findDayIndex(cal: SampleCalendar, t: number): number {
  if (t < cal.startMs) return -1;
  if (t >= cal.asOfMs) return cal.days;
  let d = Math.min(cal.days - 1, Math.floor((t - cal.startMs) / dayMs));
  while (d + 1 < cal.days && (cal.dayStartMs[d + 1] as number) <= t) d++;
  while (d > 0 && (cal.dayStartMs[d] as number) > t) d--;
  return d;
}

/**
 * The instant `minutes` of business time after `t` (from the next opening when `t` is outside
 * business hours); `Infinity` when that lies beyond the period.
 */
export function addBusinessMinutes(cal: SampleCalendar, t: number, minutes: number): number {
  let remaining = Math.max(0, minutes) * minuteMs;
  let d = findDayIndex(cal, t);
  if (d < 0) d = 0;
  let from = t;
  for (; d < cal.days; d++) {
    if (cal.isBusinessDay[d] === 1) {
      const open = cal.openMs[d] as number;
      const close = cal.closeMs[d] as number;
      const begin = Math.max(from, open);
      if (begin < close) {
        if (remaining <= close - begin) return begin + remaining;
        remaining -= close - begin;
      }
    }
    from = -Infinity;
  }
  return Infinity;
}

/** Business minutes within [from, to) on a single day `d`. */
export function businessMinutesWithin(cal: SampleCalendar, d: number, from: number, to: number): number {
  if (d < 0 || d >= cal.days || cal.isBusinessDay[d] !== 1) return 0;
  const overlap = Math.min(to, cal.closeMs[d] as number) - Math.max(from, cal.openMs[d] as number);
  return overlap > 0 ? overlap / minuteMs : 0;
}

/** A time on business day `d` or the next one: `fraction` of the way through its business hours. */
export function atBusinessTime(cal: SampleCalendar, d: number, fraction: number): number {
  for (let day = Math.max(0, d); day < cal.days; day++) {
    if (cal.isBusinessDay[day] !== 1) continue;
    const open = cal.openMs[day] as number;
    return open + Math.floor(((cal.closeMs[day] as number) - open) * fraction);
  }
  return Infinity;
}
