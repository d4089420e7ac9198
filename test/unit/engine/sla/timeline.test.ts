import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { businessMsBetween, createBusinessTimeline } from '../../../../src/core/engine/sla/timeline.js';
import { measureWorkingDayHours } from '../../../../src/core/engine/sla/working-day.js';
import { createBusinessCalendar } from '../../../../src/core/logic/business-time.js';
import type { BusinessCalendar } from '../../../../src/core/logic/compile.js';
import type { CalendarSpec } from '../../../../src/core/policy/types.js';
import { examplePolicies } from '../../../helpers/paths.js';

const at = (iso: string): number => Date.parse(iso);
const usSpec = (parse(readFileSync(join(examplePolicies, 'calendar-us.yaml'), 'utf8')) as { spec: CalendarSpec }).spec;
const zone = 'America/New_York';
const calendarOf = (
  workingHours: CalendarSpec['workingHours'],
  holidays: CalendarSpec['holidays'] = [],
): BusinessCalendar => createBusinessCalendar({ timeZone: zone, workingHours, holidays });
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];

const calendars: Record<string, BusinessCalendar> = {
  'calendar-us.yaml (08:30–17:30, 2026 holidays)': createBusinessCalendar(usSpec, 'us-business-hours'),
  'around the clock': calendarOf([{ days: [...weekdays, 'sat', 'sun'], start: '00:00', end: '24:00' }]),
  'weekdays around the clock': calendarOf([{ days: weekdays, start: '00:00', end: '24:00' }]),
  // Tuesday opens an hour earlier than Monday closes plus 16 h: the next window starts within 24 h.
  'staggered days': calendarOf([
    { days: ['mon', 'wed', 'fri'], start: '09:00', end: '17:00' },
    { days: ['tue', 'thu'], start: '08:00', end: '16:00' },
  ]),
  // Spans the 02:00 hour the clocks skip on Sunday 8 March and repeat on Sunday 1 November.
  'night shift over the DST hour': calendarOf([{ days: [...weekdays, 'sat', 'sun'], start: '01:00', end: '05:00' }]),
};

describe('business timeline', () => {
  const start = at('2026-01-01T00:00:00-05:00');
  const end = at('2027-01-01T00:00:00-05:00');

  it.each(Object.entries(calendars))(
    'gives exactly the calendar’s business time between any two instants: %s',
    (_name, calendar) => {
      const timeline = createBusinessTimeline(calendar, start, end);
      const instant = fc.integer({ min: start, max: end });
      fc.assert(
        fc.property(instant, instant, (a, b) => {
          expect(timeline.elapsedMs(b) - timeline.elapsedMs(a)).toBe(businessMsBetween(calendar, a, b));
        }),
        { numRuns: 300, seed: 20260308 },
      );
    },
  );

  it('is exact at the DST changes, holidays and window edges of calendar-us.yaml', () => {
    const calendar = calendars['calendar-us.yaml (08:30–17:30, 2026 holidays)'] as BusinessCalendar;
    const timeline = createBusinessTimeline(calendar, start, end);
    const between = (a: string, b: string) => (timeline.elapsedMs(at(b)) - timeline.elapsedMs(at(a))) / 3_600_000;
    expect(between('2026-03-06T17:00:00-05:00', '2026-03-09T09:30:00-04:00')).toBe(1.5);
    expect(between('2026-10-30T17:00:00-04:00', '2026-11-02T09:00:00-05:00')).toBe(1);
    expect(between('2026-11-23T00:00:00-05:00', '2026-11-30T00:00:00-05:00')).toBe(27);
    expect(between('2026-03-10T08:30:00-04:00', '2026-03-10T17:30:00-04:00')).toBe(9);
    expect(between('2026-03-10T17:30:00-04:00', '2026-03-11T08:30:00-04:00')).toBe(0);
  });

  it('follows the calendar through the DST Sundays of a night shift over the changing hour', () => {
    const calendar = calendars['night shift over the DST hour'] as BusinessCalendar;
    const timeline = createBusinessTimeline(calendar, start, end);
    const day = (a: string, b: string) => (timeline.elapsedMs(at(b)) - timeline.elapsedMs(at(a))) / 3_600_000;
    expect(day('2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00')).toBe(3);
    // The calendar reads the repeated 01:00 as its second occurrence; the timeline agrees with it.
    expect(day('2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00')).toBe(
      calendar.hoursBetween(at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00')),
    );
    expect(day('2026-03-09T00:00:00-04:00', '2026-03-10T00:00:00-04:00')).toBe(4);
  });

  it('falls back to the calendar outside its span, and gives NaN for no instant', () => {
    const calendar = calendars['calendar-us.yaml (08:30–17:30, 2026 holidays)'] as BusinessCalendar;
    const timeline = createBusinessTimeline(calendar, at('2026-03-10T00:00:00-04:00'), at('2026-03-11T00:00:00-04:00'));
    expect(timeline.elapsedMs(at('2026-03-09T17:00:00-04:00'))).toBe(-0.5 * 3_600_000);
    expect(timeline.elapsedMs(at('2026-03-12T09:30:00-04:00'))).toBe(19 * 3_600_000);
    expect(timeline.elapsedMs(NaN)).toBeNaN();
    expect(() => createBusinessTimeline(calendar, 0, Infinity)).toThrow(RangeError);
  });
});

describe('measureWorkingDayHours', () => {
  const until = at('2026-03-01T00:00:00-05:00');

  it.each([
    ['calendar-us.yaml (08:30–17:30, 2026 holidays)', 9],
    ['around the clock', 24],
    ['weekdays around the clock', 24],
    ['staggered days', 8],
    ['night shift over the DST hour', 4],
  ])('%s: %s hours', (name, hours) => {
    expect(measureWorkingDayHours(calendars[name] as BusinessCalendar, until)).toBe(hours);
  });

  it('takes the most common window, and the longer of two equally common ones', () => {
    const shortFriday = calendarOf([
      { days: ['mon', 'tue', 'wed', 'thu'], start: '09:00', end: '17:00' },
      { days: ['fri'], start: '09:00', end: '13:00' },
    ]);
    expect(measureWorkingDayHours(shortFriday, until)).toBe(8);
    const twoAndTwo = calendarOf([
      { days: ['mon', 'tue'], start: '09:00', end: '15:00' },
      { days: ['wed', 'thu'], start: '09:00', end: '16:30' },
    ]);
    expect(measureWorkingDayHours(twoAndTwo, until)).toBe(7.5);
  });

  it('is not moved by holidays or a DST change inside the weeks it measures', () => {
    const us = calendars['calendar-us.yaml (08:30–17:30, 2026 holidays)'] as BusinessCalendar;
    for (const iso of [
      '2026-01-02T00:00:00-05:00',
      '2026-03-20T00:00:00-04:00',
      '2026-11-10T00:00:00-05:00',
      '2026-12-31T12:00:00-05:00',
    ]) {
      expect(measureWorkingDayHours(us, at(iso))).toBe(9);
    }
  });

  it('refuses a calendar with no working time in the weeks it measures', () => {
    const holidays = Array.from({ length: 70 }, (_, d) => ({
      date: new Date(at('2025-12-25T12:00:00Z') + d * 86_400_000).toISOString().slice(0, 10),
    }));
    expect(() =>
      measureWorkingDayHours(calendarOf([{ days: weekdays, start: '09:00', end: '17:00' }], holidays), until),
    ).toThrow(RangeError);
  });
});
