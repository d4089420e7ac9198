import { describe, expect, it } from 'vitest';
import { compareImpactPeriods } from '../../../src/core/impact/period-series.js';
import type { Report } from '../../../src/core/report/index.js';

/** The few parts of a report the per-period series read. */
function reportOf(options: {
  constraint: string | null;
  capacity: number | null;
  arrivals: [string, number][];
  slaWeeks: [string, number | null][];
}): Report {
  return {
    funnel: {
      periodUnit: 'week',
      stages: [{ id: 'mql', periods: options.arrivals.map(([period, arrivals]) => ({ period, arrivals })) }],
    },
    constraint:
      options.constraint === null
        ? null
        : { stage: options.constraint, stages: [{ stage: 'mql', capacityPerWeek: options.capacity }] },
    slas: [{ name: 'speed', byWeek: options.slaWeeks.map(([label, compliance]) => ({ label, compliance })) }],
  } as unknown as Report;
}

describe('compareImpactPeriods', () => {
  it('pairs arrivals at the constraint per week and its capacity on each side, null where a side has no week', () => {
    const base = reportOf({
      constraint: 'mql',
      capacity: 75,
      arrivals: [
        ['2026-W01', 10],
        ['2026-W02', 40],
      ],
      slaWeeks: [],
    });
    const head = reportOf({
      constraint: 'mql',
      capacity: 80,
      arrivals: [
        ['2026-W02', 47],
        ['2026-W03', 5],
      ],
      slaWeeks: [],
    });
    const p = compareImpactPeriods(base, head);
    expect(p.constraint.stage).toBe('mql');
    expect(p.constraint.periodUnit).toBe('week');
    expect(p.constraint.capacityPerWeek).toEqual({ base: 75, head: 80, delta: 5 });
    expect(p.constraint.arrivals).toEqual([
      { period: '2026-W01', base: 10, head: null, delta: null },
      { period: '2026-W02', base: 40, head: 47, delta: 7 },
      { period: '2026-W03', base: null, head: 5, delta: null },
    ]);
  });

  it("charts the head's constraint, else the base's, and nothing without one", () => {
    const withOne = reportOf({ constraint: 'mql', capacity: null, arrivals: [['2026-W01', 3]], slaWeeks: [] });
    const without = reportOf({ constraint: null, capacity: null, arrivals: [['2026-W01', 4]], slaWeeks: [] });
    expect(compareImpactPeriods(withOne, without).constraint.arrivals).toEqual([
      { period: '2026-W01', base: 3, head: 4, delta: 1 },
    ]);
    expect(compareImpactPeriods(withOne, without).constraint.capacityPerWeek).toEqual({
      base: null,
      head: null,
      delta: null,
    });
    const none = compareImpactPeriods(without, without).constraint;
    expect(none.stage).toBeNull();
    expect(none.arrivals).toEqual([]);
  });

  it('pairs SLA compliance by week, an undecided week staying null (never 0)', () => {
    const base = reportOf({
      constraint: null,
      capacity: null,
      arrivals: [],
      slaWeeks: [
        ['2026-W01', 0.5],
        ['2026-W02', null],
      ],
    });
    const head = reportOf({
      constraint: null,
      capacity: null,
      arrivals: [],
      slaWeeks: [
        ['2026-W01', 0.25],
        ['2026-W02', 0.8],
      ],
    });
    expect(compareImpactPeriods(base, head).slas).toEqual([
      {
        name: 'speed',
        compliance: [
          { period: '2026-W01', base: 0.5, head: 0.25, delta: -0.25 },
          { period: '2026-W02', base: null, head: 0.8, delta: null },
        ],
      },
    ]);
  });
});
