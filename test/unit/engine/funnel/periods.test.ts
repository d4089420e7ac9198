import { describe, expect, it } from 'vitest';
import { listPeriods } from '../../../../src/core/engine/periods.js';
import type { PeriodUnit } from '../../../../src/core/engine/periods.js';
import { describe as describeDurations } from '../../../../src/core/engine/stats.js';
import { HOUR, ms } from '../helpers.js';

interface PeriodCase {
  name: string;
  unit: PeriodUnit;
  from: string;
  to: string;
  timeZone: string;
  expect: { label: string; start: string; end: string; covered: number; hours: number }[];
}

const periodCases: PeriodCase[] = [
  {
    // Clocks go forward Sun 8 Mar 02:00 EST: W10 runs Mon 2 Mar 00:00 EST (05:00Z) to Mon 9 Mar
    // 00:00 EDT (04:00Z), 7 × 24 − 1 = 167 hours.
    name: 'spring forward in New York: a 167-hour week, each starting Monday 00:00 local',
    unit: 'week',
    from: '2026-03-02T05:00Z',
    to: '2026-03-16T04:00Z',
    timeZone: 'America/New_York',
    expect: [
      { label: '2026-W10', start: '2026-03-02T05:00Z', end: '2026-03-09T04:00Z', covered: 1, hours: 167 },
      { label: '2026-W11', start: '2026-03-09T04:00Z', end: '2026-03-16T04:00Z', covered: 1, hours: 168 },
    ],
  },
  {
    // Clocks go back Sun 1 Nov 02:00 EDT: W44 runs Mon 26 Oct 00:00 EDT (04:00Z) to Mon 2 Nov
    // 00:00 EST (05:00Z), 169 hours.
    name: 'fall back in New York: a 169-hour week',
    unit: 'week',
    from: '2026-10-26T04:00Z',
    to: '2026-11-09T05:00Z',
    timeZone: 'America/New_York',
    expect: [
      { label: '2026-W44', start: '2026-10-26T04:00Z', end: '2026-11-02T05:00Z', covered: 1, hours: 169 },
      { label: '2026-W45', start: '2026-11-02T05:00Z', end: '2026-11-09T05:00Z', covered: 1, hours: 168 },
    ],
  },
  {
    // From Wed 7 Jan: W02 (Mon 5 Jan) is covered 5 of 7 days; W04 ends on the window's end.
    name: 'a window starting mid-week: the first week partly covered',
    unit: 'week',
    from: '2026-01-07T00:00Z',
    to: '2026-01-26T00:00Z',
    timeZone: 'UTC',
    expect: [
      { label: '2026-W02', start: '2026-01-05T00:00Z', end: '2026-01-12T00:00Z', covered: 5 / 7, hours: 168 },
      { label: '2026-W03', start: '2026-01-12T00:00Z', end: '2026-01-19T00:00Z', covered: 1, hours: 168 },
      { label: '2026-W04', start: '2026-01-19T00:00Z', end: '2026-01-26T00:00Z', covered: 1, hours: 168 },
    ],
  },
  {
    // ISO week-numbering year: Thu 1 Jan 2026 falls in 2026-W01, which starts Mon 29 Dec 2025.
    name: 'the ISO week that holds New Year',
    unit: 'week',
    from: '2026-01-01T00:00Z',
    to: '2026-01-05T00:00Z',
    timeZone: 'UTC',
    expect: [{ label: '2026-W01', start: '2025-12-29T00:00Z', end: '2026-01-05T00:00Z', covered: 4 / 7, hours: 168 }],
  },
  {
    // March in New York is 31 × 24 − 1 = 743 hours; half of February (14 of 28 days) is covered.
    name: 'months in New York',
    unit: 'month',
    from: '2026-02-15T05:00Z',
    to: '2026-04-01T04:00Z',
    timeZone: 'America/New_York',
    expect: [
      { label: '2026-02', start: '2026-02-01T05:00Z', end: '2026-03-01T05:00Z', covered: 0.5, hours: 672 },
      { label: '2026-03', start: '2026-03-01T05:00Z', end: '2026-04-01T04:00Z', covered: 1, hours: 743 },
    ],
  },
];

describe('listPeriods', () => {
  it.each(periodCases)('$name', ({ unit, from, to, timeZone, expect: expected }) => {
    const periods = listPeriods(unit, { start: ms(from), end: ms(to) }, timeZone);
    expect(
      periods.map((p) => ({ label: p.label, start: p.start, end: p.end, hours: (p.end - p.start) / HOUR })),
    ).toEqual(expected.map((p) => ({ label: p.label, start: ms(p.start), end: ms(p.end), hours: p.hours })));
    periods.forEach((p, k) => expect(p.covered).toBeCloseTo(expected[k]?.covered ?? NaN, 12));
  });

  it('lists nothing for an empty window', () => {
    expect(listPeriods('week', { start: ms('2026-01-05T00:00Z'), end: ms('2026-01-05T00:00Z') }, 'UTC')).toEqual([]);
  });
});

describe('describe (time in stage, deal cycles)', () => {
  it.each([
    { name: 'none', values: [], expect: { count: 0, median: null, p90: null } },
    { name: 'one value', values: [5], expect: { count: 1, median: 5, p90: 5 } },
    // Odd count: the middle of 1 2 9 = 2. p90: rank ⌈2.7⌉ = 3 → 9.
    { name: 'odd count, unsorted', values: [9, 1, 2], expect: { count: 3, median: 2, p90: 9 } },
    // Even count: (2 + 4) ÷ 2 = 3. p90: rank ⌈3.6⌉ = 4 → 100.
    {
      name: 'even count: the mean of the two middle',
      values: [100, 4, 2, 1],
      expect: { count: 4, median: 3, p90: 100 },
    },
    // Ten values 1…10: median (5 + 6) ÷ 2 = 5.5; p90 rank ⌈9⌉ = 9 → 9 (nearest rank, not 9.1).
    {
      name: 'ten values: p90 is the 9th',
      values: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
      expect: { count: 10, median: 5.5, p90: 9 },
    },
    // Eleven values 1…11: p90 rank ⌈9.9⌉ = 10 → 10.
    {
      name: 'eleven values: p90 is the 10th',
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      expect: { count: 11, median: 6, p90: 10 },
    },
    // 1/3 h and 2/3 h: median 0.5; p90 rank 2 → 0.666… → 0.67.
    { name: 'rounded to 2 places', values: [1 / 3, 2 / 3], expect: { count: 2, median: 0.5, p90: 0.67 } },
  ])('$name', ({ values, expect: expected }) => {
    expect(describeDurations(Float64Array.from(values))).toEqual(expected);
  });
});
