import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  buildSampleCalendar,
  businessClose,
  businessOpen,
  findDayIndex,
  salesTimeZone,
} from '../../../src/core/sample/calendar.js';
import { listUsHolidays } from '../../../src/core/sample/holidays.js';
import { patienceHours } from '../../../src/core/sample/sdr-queue.js';
import { collectSample, exampleStaffing, readExamplePolicy } from './collect.js';

interface CalendarPolicy {
  spec: {
    timeZone: string;
    workingHours: { days: string[]; start: string; end: string }[];
    holidays: { date: string }[];
  };
}
interface FunnelPolicy {
  spec: { stages: { id: string; capacity?: { headcount: number; perPersonPerWeek: number } }[] };
}

const utc = (iso: string) => Date.parse(iso);
const hhmm = ({ hour, minute }: { hour: number; minute: number }) =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

describe('the generator agrees with the example policies', () => {
  it('uses the calendar policy: zone, working hours and the 2026 holidays', () => {
    const calendar = readExamplePolicy<CalendarPolicy>('calendar-us.yaml').spec;
    expect(salesTimeZone).toBe(calendar.timeZone);
    expect(calendar.workingHours).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: hhmm(businessOpen), end: hhmm(businessClose) },
    ]);
    expect(listUsHolidays(2026)).toEqual(calendar.holidays.map((h) => String(h.date)).sort());
  });

  it('staffs the team and sizes the stages as the funnel does', () => {
    const stages = readExamplePolicy<FunnelPolicy>('funnel.yaml').spec.stages;
    const capacityOf = (id: string) =>
      stages.find((s) => s.id === id)?.capacity ?? { headcount: Number.NaN, perPersonPerWeek: Number.NaN };
    const perWeek = (id: string) => capacityOf(id).headcount * capacityOf(id).perPersonPerWeek;
    expect(exampleStaffing().capacity).toEqual({
      firstTouch: perWeek('mql'),
      discovery: perWeek('sal'),
      qualification: perWeek('sql'),
      deals: perWeek('opportunity'),
    });
    const { users } = collectSample({ leads: 50, seed: 1, days: 7 });
    expect(users.filter((u) => u.role === 'sdr')).toHaveLength(capacityOf('mql').headcount);
    expect(users.filter((u) => u.role === 'ae')).toHaveLength(capacityOf('opportunity').headcount);
    expect(patienceHours).toBe(90);
  });
});

describe('observed holidays', () => {
  it('moves a Saturday holiday to Friday and a Sunday one to Monday', () => {
    expect(listUsHolidays(2026)).toContain('2026-07-03'); // 4 July 2026 is a Saturday
    expect(listUsHolidays(2027)).toContain('2027-12-24'); // Christmas 2027 is a Saturday
    expect(listUsHolidays(2028)).toContain('2028-12-25');
    expect(listUsHolidays(2023)).toContain('2023-01-02'); // New Year's Day 2023 is a Sunday
  });
});

describe('business time in America/New_York', () => {
  const cal = buildSampleCalendar('2026-01-01', 365);

  it('starts and ends the period at New York midnights', () => {
    expect(new Date(cal.startMs).toISOString()).toBe('2026-01-01T05:00:00.000Z');
    expect(new Date(cal.asOfMs).toISOString()).toBe('2027-01-01T05:00:00.000Z');
    expect(findDayIndex(cal, utc('2026-03-08T04:59:59Z'))).toBe(65); // still 7 March in New York
    expect(findDayIndex(cal, utc('2026-03-08T05:00:00Z'))).toBe(66);
    expect(findDayIndex(cal, cal.asOfMs)).toBe(365);
  });

  it('moves the business window with daylight saving time', () => {
    expect(new Date(cal.openMs[65] as number).toISOString()).toBe('2026-03-07T13:30:00.000Z');
    expect(new Date(cal.openMs[67] as number).toISOString()).toBe('2026-03-09T12:30:00.000Z');
    expect(new Date(cal.hourStartMs[66 * 24 + 3] as number).toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('adds business minutes across nights, weekends, holidays and the clock change', () => {
    // Friday 6 March 16:30 EST + 2 h → Monday 9 March 09:30 EDT.
    expect(new Date(addBusinessMinutes(cal, utc('2026-03-06T21:30:00Z'), 120)).toISOString()).toBe(
      '2026-03-09T13:30:00.000Z',
    );
    // Friday 16 January 17:00 + 45 min → Tuesday 20 January 08:45 (Monday is MLK Day).
    expect(new Date(addBusinessMinutes(cal, utc('2026-01-16T22:00:00Z'), 45)).toISOString()).toBe(
      '2026-01-20T13:45:00.000Z',
    );
    // Saturday night + 0 → the next opening.
    expect(new Date(addBusinessMinutes(cal, utc('2026-05-02T23:00:00Z'), 0)).toISOString()).toBe(
      '2026-05-04T12:30:00.000Z',
    );
    // Past the end of the period → Infinity, never a made-up date.
    expect(addBusinessMinutes(cal, utc('2026-12-31T21:00:00Z'), 120)).toBe(Infinity);
  });
});
