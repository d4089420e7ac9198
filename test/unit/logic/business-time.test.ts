import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/core/logic/business-time.js';
import type { CalendarSpec } from '../../../src/core/policy/types.js';

/** The example policy's calendar: New York, Mon–Fri 08:30–17:30, US holidays of 2026. */
const usSpec: CalendarSpec = {
  timeZone: 'America/New_York',
  workingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '17:30' }],
  holidays: [{ date: '2026-05-25' }, { date: '2026-07-03' }, { date: '2026-11-26' }, { date: '2026-11-27' }],
};
const us = createBusinessCalendar(usSpec, 'us-business-hours');
/** Every hour of every day, to see DST days as they are. */
const allDay = createBusinessCalendar({
  timeZone: 'America/New_York',
  workingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }],
});

const at = (iso: string): number => Date.parse(iso);

describe('hoursBetween, hand-computed', () => {
  it.each([
    // 2026-03-08 and 2026-11-01 are the Sundays on which New York changes clocks.
    ['across a weekend (Fri 16:30 → Mon 09:30)', '2026-03-13T16:30:00-04:00', '2026-03-16T09:30:00-04:00', 2],
    ['across Memorial Day (Fri 17:00 → Tue 09:00)', '2026-05-22T17:00:00-04:00', '2026-05-26T09:00:00-04:00', 1],
    [
      'across the spring DST switch (Fri 17:00 EST → Mon 09:30 EDT)',
      '2026-03-06T17:00:00-05:00',
      '2026-03-09T09:30:00-04:00',
      1.5,
    ],
    [
      'across the autumn DST switch (Fri 17:00 EDT → Mon 09:00 EST)',
      '2026-10-30T17:00:00-04:00',
      '2026-11-02T09:00:00-05:00',
      1,
    ],
    ['from before opening (07:00 → 10:00)', '2026-03-10T07:00:00-04:00', '2026-03-10T10:00:00-04:00', 1.5],
    ['to after closing (16:00 → 20:00)', '2026-03-10T16:00:00-04:00', '2026-03-10T20:00:00-04:00', 1.5],
    ['inside one working day', '2026-03-10T09:15:00-04:00', '2026-03-10T11:45:00-04:00', 2.5],
    ['a whole working week', '2026-03-09T00:00:00-04:00', '2026-03-16T00:00:00-04:00', 45],
    ['Thanksgiving week (Thu and Fri are holidays)', '2026-11-23T00:00:00-05:00', '2026-11-30T00:00:00-05:00', 27],
    ['within a weekend', '2026-03-14T09:00:00-04:00', '2026-03-15T18:00:00-04:00', 0],
    ['instants given in another offset', '2026-03-10T12:30:00Z', '2026-03-10T14:30:00Z', 2],
  ])('%s', (_name, from, to, hours) => {
    expect(us.hoursBetween(at(from), at(to))).toBe(hours);
  });

  it('is negative when `to` is earlier, and 0 (not -0) for no working time', () => {
    expect(us.hoursBetween(at('2026-03-16T09:30:00-04:00'), at('2026-03-13T16:30:00-04:00'))).toBe(-2);
    expect(us.hoursBetween(at('2026-03-15T18:00:00-04:00'), at('2026-03-14T09:00:00-04:00'))).toBe(0);
    expect(us.hoursBetween(at('2026-03-10T10:00:00-04:00'), at('2026-03-10T10:00:00-04:00'))).toBe(0);
  });

  it('counts the real length of DST days: 23 hours in spring, 25 in autumn', () => {
    expect(allDay.hoursBetween(at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'))).toBe(23);
    expect(allDay.hoursBetween(at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00'))).toBe(25);
    expect(allDay.hoursBetween(at('2026-03-07T00:00:00-05:00'), at('2026-03-10T00:00:00-04:00'))).toBe(71);
  });

  it('gives NaN for non-finite instants and refuses spans over a century', () => {
    expect(us.hoursBetween(NaN, 0)).toBeNaN();
    expect(() => us.hoursBetween(0, at('2200-01-01T00:00:00Z'))).toThrow(RangeError);
  });

  it('walks days, not minutes: ten years take a moment', () => {
    const started = performance.now();
    const hours = us.hoursBetween(at('2026-01-01T00:00:00Z'), at('2036-01-01T00:00:00Z'));
    expect(hours).toBeGreaterThan(9 * 250 * 9);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('addBusinessHours', () => {
  it.each([
    ['over a weekend', '2026-03-13T16:30:00-04:00', 2, '2026-03-16T09:30:00-04:00'],
    ['from a Saturday', '2026-03-14T12:00:00-04:00', 1, '2026-03-16T09:30:00-04:00'],
    ['from before opening', '2026-03-10T06:00:00-04:00', 0.5, '2026-03-10T09:00:00-04:00'],
    ['over Memorial Day', '2026-05-22T17:00:00-04:00', 1, '2026-05-26T09:00:00-04:00'],
    ['to the end of a day, not the next opening', '2026-03-09T08:30:00-04:00', 9, '2026-03-09T17:30:00-04:00'],
    ['over the autumn DST switch', '2026-10-30T17:00:00-04:00', 1, '2026-11-02T09:00:00-05:00'],
    ['zero hours: the same instant, even at night', '2026-03-14T23:00:00-04:00', 0, '2026-03-14T23:00:00-04:00'],
    ['backwards for negative hours', '2026-03-16T09:30:00-04:00', -2, '2026-03-13T16:30:00-04:00'],
  ])('%s', (_name, from, hours, expected) => {
    expect(us.addBusinessHours(at(from), hours)).toBe(at(expected));
  });

  it('is the inverse of hoursBetween', () => {
    const instants = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z') });
    const hours = fc.integer({ min: -2000, max: 2000 }).map((quarters) => quarters / 4);
    fc.assert(
      fc.property(instants, hours, (from, h) => {
        const to = us.addBusinessHours(from, h);
        expect(us.hoursBetween(from, to)).toBeCloseTo(h, 9);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('createBusinessCalendar', () => {
  it('keeps the calendar name', () => {
    expect(us.name).toBe('us-business-hours');
  });

  it('refuses an unknown time zone and a calendar without working hours', () => {
    expect(() => createBusinessCalendar({ ...usSpec, timeZone: 'America/New_Yrok' })).toThrow(RangeError);
    expect(() =>
      createBusinessCalendar({ ...usSpec, workingHours: [{ days: ['mon'], start: '10:00', end: '09:00' }] }),
    ).toThrow(RangeError);
  });

  it('gives each weekday its own hours and reads 24:00 as the end of the day', () => {
    const split = createBusinessCalendar({
      timeZone: 'Europe/Berlin',
      workingHours: [
        { days: ['mon', 'tue', 'wed', 'thu'], start: '09:00', end: '17:00' },
        { days: ['fri'], start: '09:00', end: '13:00' },
        { days: ['sat'], start: '20:00', end: '24:00' },
      ],
    });
    // Thu 2026-06-04 09:00 → Sun 2026-06-07 09:00 (CEST, +02:00): 8 + 4 + 4 hours.
    expect(split.hoursBetween(at('2026-06-04T09:00:00+02:00'), at('2026-06-07T09:00:00+02:00'))).toBe(16);
  });
});
