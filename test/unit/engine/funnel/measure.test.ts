import { describe, expect, it } from 'vitest';
import type { StagePeriod, StageReport } from '../../../../src/core/report/index.js';
import { funnel, funnelOf, loadScenario, pipeline, stageOf } from '../helpers.js';

// Weeks 2026-W02, W03, W04: [Mon 5 Jan, Mon 26 Jan) UTC.
const threeWeeks = { from: '2026-01-05T00:00Z', asOf: '2026-01-26T00:00Z' };
const weekLabels = ['2026-W02', '2026-W03', '2026-W04'];

type Row = Omit<StagePeriod, 'period'>;
const periodsOf = (rows: Row[]): StagePeriod[] => rows.map((r, k) => ({ period: weekLabels[k] as string, ...r }));

function hasNaN(value: unknown): boolean {
  if (typeof value === 'number') return Number.isNaN(value);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasNaN);
  return false;
}

describe('funnel: mql-queue-three-weeks', () => {
  const section = funnelOf(funnel(), loadScenario('mql-queue-three-weeks'), threeWeeks);
  const mql = stageOf(section, 'mql');

  it('reports by ISO week', () => {
    expect(section.periods).toEqual(weekLabels);
  });

  it('counts mql arrivals, exits, advances and WIP per week, and both conversions', () => {
    // WIP at the start: G, I, E (entered before 5 Jan, not left by then) = 3.
    expect(mql.periods).toEqual(
      periodsOf([
        // W02: in A, B, C; out A (sal), C (disqualified); WIP 3 + 3 − 2 = 4.
        // Cohort: A and B advanced by as-of → 2/3. Period: sal arrivals A → 1/3.
        { arrivals: 3, exits: 2, advanced: 1, wipAtEnd: 4, conversionCohort: 0.6667, conversionPeriod: 0.3333 },
        // W03: in D; out B, E (both to sal); WIP 4 + 1 − 2 = 3. Cohort D → 0/1. Period: B, E → 2/1.
        { arrivals: 1, exits: 2, advanced: 2, wipAtEnd: 3, conversionCohort: 0, conversionPeriod: 2 },
        // W04: in H, F; out H; WIP 3 + 2 − 1 = 4 (G, I, D, F). Cohort H → 1/2. Period: H → 1/2.
        { arrivals: 2, exits: 1, advanced: 1, wipAtEnd: 4, conversionCohort: 0.5, conversionPeriod: 0.5 },
      ]),
    );
  });

  it('sums the window: cohort and period conversion differ when a stage carries WIP in', () => {
    expect(mql).toMatchObject({
      next: 'sal',
      arrivals: 6, // A B C D H F
      exits: 5, // A C B E H
      advanced: 4, // A B E H
      dropped: 1, // C
      openAtAsOf: 4, // G I D F
      conversionCohort: 0.5, // A B H of the 6 arrivals
      conversionPeriod: 0.6667, // sal arrivals A B E H ÷ 6 (E arrived in mql before the window) = 0.66666…
    });
  });

  it('gives time in stage of the items that left, and with the open ones at their age', () => {
    // Left in the window: A 24, H 24, C 48, B 168, E 288 (2 → 14 Jan) hours.
    // Median the 3rd of 5 = 48; p90 rank ⌈4.5⌉ = 5 → 288.
    expect(mql.timeInStageHours).toEqual({ count: 5, median: 48, p90: 288 });
    // Open at as-of: F 96 (4 d), D 288 (12 d), I 1344 (56 d), G 2352 (98 d).
    // Sorted: 24 24 48 96 168 288 288 1344 2352; median the 5th = 168; p90 rank ⌈8.1⌉ = 9 → 2352.
    expect(mql.timeInStageWithOpenHours).toEqual({ count: 9, median: 168, p90: 2352 });
  });

  it('ages the open items in days', () => {
    expect(mql.ageing.map((b) => [b.label, b.count])).toEqual([
      ['under 7 days', 1], // F 4
      ['7–30 days', 1], // D 12
      ['30–90 days', 1], // I 56
      ['90 days or more', 1], // G 98
    ]);
  });

  it('has no time in stage for a stage nobody left, only ages', () => {
    const sal = stageOf(section, 'sal');
    expect(sal.timeInStageHours).toEqual({ count: 0, median: null, p90: null });
    // Ages in sal: H 120 (5 d), E 288 (12 d), B 312 (13 d), A 468 (19.5 d).
    // Even count: median (288 + 312) ÷ 2 = 300; p90 rank ⌈3.6⌉ = 4 → 468.
    expect(sal.timeInStageWithOpenHours).toEqual({ count: 4, median: 300, p90: 468 });
    expect(sal.periods.map((p) => [p.arrivals, p.wipAtEnd])).toEqual([
      [1, 1], // A
      [2, 3], // B, E
      [1, 4], // H
    ]);
    // No opportunity was created from any lead: nothing converted on either basis.
    expect([sal.conversionCohort, sal.conversionPeriod]).toEqual([0, 0]);
  });
});

describe('funnel: zero arrivals', () => {
  // One lead: mql in W02 (6 Jan), sal in W03 (13 Jan). No opportunity at all.
  const data = pipeline({
    leads: [{ id: 'Q', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-06T00:00Z', sal_at: '2026-01-13T00:00Z' }],
  });
  const section = funnelOf(funnel(), data, threeWeeks);

  it('gives null conversions for a week with no arrivals, even when the next stage had some', () => {
    expect(stageOf(section, 'mql').periods.map((p) => [p.arrivals, p.conversionCohort, p.conversionPeriod])).toEqual([
      [1, 1, 0], // W02: Q arrived and advanced; its sal arrival is in W03
      [0, null, null], // W03: 1 sal arrival ÷ 0 mql arrivals → null, not Infinity
      [0, null, null],
    ]);
  });

  it('gives null conversions and stats for a stage with no arrivals in the window', () => {
    const opportunity = stageOf(section, 'opportunity');
    expect(opportunity).toMatchObject({
      arrivals: 0,
      exits: 0,
      conversionCohort: null,
      conversionPeriod: null,
      timeInStageHours: { count: 0, median: null, p90: null },
    });
    expect(hasNaN(section)).toBe(false);
  });
});

describe('funnel: ageing-bucket-boundaries', () => {
  // Open in mql at as-of (26 Jan 00:00); a bucket holds [from, to) days.
  const data = pipeline({
    leads: [
      { id: 'K1', created_at: '2026-01-18T00:00Z', mql_at: '2026-01-19T01:00Z' }, // 6 d 23 h → under 7
      { id: 'K2', created_at: '2026-01-18T00:00Z', mql_at: '2026-01-19T00:00Z' }, // 7 d → 7–30
      { id: 'K3', created_at: '2025-12-26T00:00Z', mql_at: '2025-12-27T00:00Z' }, // 5 + 26 = 30 d → 30–90
      { id: 'K4', created_at: '2025-10-27T00:00Z', mql_at: '2025-10-28T00:00Z' }, // 4 + 30 + 31 + 26 = 90 d → 90+
      { id: 'K5', created_at: '2026-01-25T00:00Z', mql_at: '2026-01-26T00:00Z' }, // 0 d, at as-of → under 7
    ],
  });

  it('puts an age equal to a bound in the later bucket', () => {
    const mql = stageOf(funnelOf(funnel(), data, threeWeeks), 'mql');
    expect(mql.ageing.map((b) => b.count)).toEqual([2, 1, 1, 1]);
    expect(mql.openAtAsOf).toBe(5);
  });
});

describe('funnel: opportunities-won-lost-open', () => {
  // Three deals created in W02; O1 won and O2 lost in W03; O3 still open.
  const data = pipeline({
    opportunities: [
      { id: 'O1', created_at: '2026-01-06T00:00Z', closed_at: '2026-01-13T00:00Z', won: true },
      { id: 'O2', created_at: '2026-01-07T00:00Z', closed_at: '2026-01-14T00:00Z', won: false },
      { id: 'O3', created_at: '2026-01-08T00:00Z', closed_at: null, won: null },
    ],
  });
  const section = funnelOf(funnel(), data, threeWeeks);

  it('counts a loss as a drop and a win as an advance', () => {
    expect(stageOf(section, 'opportunity')).toMatchObject({
      next: 'won',
      arrivals: 3,
      exits: 2,
      advanced: 1,
      dropped: 1,
      openAtAsOf: 1,
      conversionCohort: 0.3333, // O1 of 3
      conversionPeriod: 0.3333, // won arrivals 1 ÷ 3
      // O1 and O2 each 7 days = 168 h; O3 open 18 days = 432 h.
      timeInStageHours: { count: 2, median: 168, p90: 168 },
      timeInStageWithOpenHours: { count: 3, median: 168, p90: 432 },
    });
  });

  it.each(['won', 'lost'])('holds nothing in the terminal stage %s', (id) => {
    const stage: StageReport = stageOf(section, id);
    expect(stage).toMatchObject({
      terminal: id,
      next: null,
      arrivals: 1,
      exits: 0,
      openAtAsOf: 0,
      conversionCohort: null,
      conversionPeriod: null,
      ageing: [],
    });
    expect(stage.periods.map((p) => [p.arrivals, p.wipAtEnd])).toEqual([
      [0, 0],
      [1, 0],
      [0, 0],
    ]);
  });
});

describe('funnel: weeks across the DST change in New York', () => {
  // Clocks go forward on Sun 8 Mar 2026. W10 starts Mon 2 Mar 00:00 EST = 05:00Z, W11 Mon 9 Mar
  // 00:00 EDT = 04:00Z. X reaches mql Sun 8 Mar 23:30 EDT (03:30Z on the 9th), Y Mon 00:30 EDT.
  const data = pipeline({
    leads: [
      { id: 'X', created_at: '2026-03-01T12:00Z', mql_at: '2026-03-09T03:30Z' },
      { id: 'Y', created_at: '2026-03-01T12:00Z', mql_at: '2026-03-09T04:30Z' },
    ],
  });

  it('starts each week at Monday 00:00 local time', () => {
    const section = funnelOf(funnel(), data, {
      from: '2026-03-02T05:00Z',
      asOf: '2026-03-16T04:00Z',
      timeZone: 'America/New_York',
    });
    expect(section.periods).toEqual(['2026-W10', '2026-W11']);
    expect(stageOf(section, 'mql').periods.map((p) => p.arrivals)).toEqual([1, 1]);
  });

  it('puts both in W11 in UTC, where the week starts at 00:00Z', () => {
    const section = funnelOf(funnel(), data, { from: '2026-03-02T00:00Z', asOf: '2026-03-16T00:00Z' });
    expect(section.periods).toEqual(['2026-W10', '2026-W11']);
    expect(stageOf(section, 'mql').periods.map((p) => p.arrivals)).toEqual([0, 2]);
  });
});
