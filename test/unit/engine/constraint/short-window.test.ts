import { describe, expect, it } from 'vitest';
import { summariseReport } from '../../../../src/reporters/report-summary.js';
import { evaluate, funnel, loadOf, pipeline, policySet, revenueGoal } from '../helpers.js';

// Every record at one instant: the default window is a single millisecond, over which one
// arrival used to read as 604,800,000 a week.
const data = pipeline({
  leads: [
    { id: 'A', created_at: '2026-01-05T09:00Z', mql_at: '2026-01-05T09:00Z' },
    { id: 'B', created_at: '2026-01-05T09:00Z', mql_at: '2026-01-05T09:00Z' },
  ],
});
const set = policySet(
  funnel({ mql: { headcount: 2, perPersonPerWeek: 10 } }),
  revenueGoal({}, { stage: 'mql', metric: 'utilisation', target: { max: 0.85 } }),
);

describe('a window too short for a rate per week', () => {
  it.each([
    ['one instant', '2026-01-05T09:00Z'],
    ['six days and 23 hours', '2025-12-29T10:00Z'],
  ])('%s: demand, throughput, queue growth and utilisation are unknown, with the reason', (_name, from) => {
    const report = evaluate(set, data, { from, asOf: '2026-01-05T09:00Z' });
    const c = report.constraint;
    expect(c?.ratesUnknown?.reason).toBe('window_too_short');
    expect(c?.ratesUnknown?.minimumWeeks).toBe(1);
    const mql = loadOf(c, 'mql');
    expect([mql.demandPerWeek, mql.throughputPerWeek, mql.queueGrowthPerWeek, mql.utilisation]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(c?.stage).toBeNull();
    expect(c?.declared?.value).toBeNull();
    expect(c?.declared?.isMet).toBeNull();
    const line = summariseReport(report).find((l) => l.label === 'Constraint');
    expect(line?.text).toMatch(
      /^None can be named: the window is [0-9.]+ days long, and a rate per week needs at least 1 week/,
    );
  });

  it('gives rates from one week on: 2 arrivals over exactly one week is 2 a week, utilisation 2 ÷ 20 = 0.1', () => {
    const report = evaluate(set, data, { from: '2025-12-29T09:00Z', asOf: '2026-01-05T09:00Z' });
    expect(report.constraint?.ratesUnknown).toBeNull();
    const mql = loadOf(report.constraint, 'mql');
    // The window ends 1 ms after as-of, so it is a hair over a week: 2 ÷ 1.0000000017 rounds to 2.
    expect(mql.demandPerWeek).toBe(2);
    expect(mql.utilisation).toBe(0.1);
  });
});
