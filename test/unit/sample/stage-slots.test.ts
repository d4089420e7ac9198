import { describe, expect, it } from 'vitest';
import { buildSampleCalendar } from '../../../src/core/sample/calendar.js';
import { WeeklySlots } from '../../../src/core/sample/stage-slots.js';

const cal = buildSampleCalendar('2026-01-05', 21); // three weeks from a Monday; 19 January is MLK Day
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('weekly capacity of a later stage', () => {
  it('keeps work in its week while there is room, then moves it to the next week with room, same time of day', () => {
    const slots = new WeeklySlots(cal, 2);
    expect(iso(slots.book(at('2026-01-06T15:00:00Z')))).toBe('2026-01-06T15:00:00.000Z');
    expect(iso(slots.book(at('2026-01-07T17:00:00Z')))).toBe('2026-01-07T17:00:00.000Z');
    // Week one is full: 12:00 on Thursday becomes 12:00 on Monday 12 January.
    expect(iso(slots.book(at('2026-01-08T17:00:00Z')))).toBe('2026-01-12T17:00:00.000Z');
    expect(iso(slots.book(at('2026-01-09T14:00:00Z')))).toBe('2026-01-12T14:00:00.000Z');
    // Week two is full as well; week three starts on the Tuesday after the holiday.
    expect(iso(slots.book(at('2026-01-13T15:00:00Z')))).toBe('2026-01-20T15:00:00.000Z');
  });

  it('gives a short week its share of the capacity, and nothing once every week is full', () => {
    const slots = new WeeklySlots(cal, 5);
    const monday19th = at('2026-01-20T14:00:00Z');
    const booked = Array.from({ length: 6 }, () => slots.book(monday19th));
    expect(booked.filter((t) => t === monday19th)).toHaveLength(4); // four business days: 4 of 5
    expect(booked[4]).toBe(Infinity);
    expect(slots.book(cal.asOfMs + 1)).toBe(cal.asOfMs + 1);
    expect(slots.book(Infinity)).toBe(Infinity);
  });
});
