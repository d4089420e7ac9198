import { describe, expect, it } from 'vitest';
import type { ConstraintHistorySection } from '../../../../src/core/report/index.js';
import { evaluate, pipeline, policy, policySet, revenueGoal } from '../helpers.js';

/**
 * mql (capacity 2 a week) and sql (capacity 1 a week). January (31 days): 6 MQLs and 2 SQLs
 * arrive; February (28 days): 2 MQLs and 6 SQLs. Utilisation = arrivals × 7 ÷ (days × capacity):
 *   Jan mql 6·7 ÷ (31·2) = 0.6774, sql 2·7 ÷ 31 = 0.4516 → mql;
 *   Feb mql 2·7 ÷ (28·2) = 0.25,   sql 6·7 ÷ 28 = 1.5    → sql.
 */
const threeStages = policy('Funnel', 'history-funnel', {
  teams: [
    { id: 'sdr', function: 'sales' },
    { id: 'ae', function: 'sales' },
  ],
  events: [
    { id: 'lead_created', entity: 'lead', field: 'created_at' },
    { id: 'mql_reached', entity: 'lead', field: 'mql_at' },
    { id: 'sql_qualified', entity: 'lead', field: 'sql_at' },
  ],
  stages: [
    { id: 'lead', owner: 'sdr', entry: 'lead_created' },
    { id: 'mql', owner: 'sdr', entry: 'mql_reached', capacity: { headcount: 1, perPersonPerWeek: 2 } },
    { id: 'sql', owner: 'ae', entry: 'sql_qualified', capacity: { headcount: 1, perPersonPerWeek: 1 } },
  ],
});

const lead = (id: string, mql: string, sql: string) => ({
  id,
  created_at: '2025-12-15T00:00Z',
  mql_at: `2026-${mql}T09:00Z`,
  sql_at: `2026-${sql}T09:00Z`,
});
const data = pipeline({
  leads: [
    lead('M1', '01-05', '01-20'),
    lead('M2', '01-06', '01-21'),
    lead('M3', '01-07', '02-05'),
    lead('M4', '01-08', '02-06'),
    lead('M5', '01-09', '02-07'),
    lead('M6', '01-10', '02-08'),
    lead('M7', '02-03', '02-10'),
    lead('M8', '02-04', '02-11'),
  ],
});

function historyOf(goal = revenueGoal()): ConstraintHistorySection {
  const h = evaluate(policySet(threeStages, goal), data, {
    from: '2026-01-01T00:00Z',
    asOf: '2026-03-01T00:00Z',
  }).constraintHistory;
  if (h === null) throw new Error('no history');
  return h;
}

describe('the constraint history when the constraint moves from mql to sql', () => {
  const h = historyOf();

  it('measures each stage with a capacity per month and names the constraint', () => {
    expect(h.periods.map((p) => [p.period, p.stages, p.constraint])).toEqual([
      [
        '2026-01',
        [
          { stage: 'mql', utilisation: 0.6774 },
          { stage: 'sql', utilisation: 0.4516 },
        ],
        'mql',
      ],
      [
        '2026-02',
        [
          { stage: 'mql', utilisation: 0.25 },
          { stage: 'sql', utilisation: 1.5 },
        ],
        'sql',
      ],
    ]);
  });

  it('records the move with both stages before and after', () => {
    expect(h.moves).toEqual([
      {
        from: 'mql',
        to: 'sql',
        before: { period: '2026-01', from: 0.6774, to: 0.4516 },
        after: { period: '2026-02', from: 0.25, to: 1.5 },
      },
    ]);
    expect(h.current).toEqual({ stage: 'sql', periods: 1, since: '2026-02' });
  });

  it('checks the declared constraint (mql utilisation ≤ 0.85) in each month', () => {
    expect(h.periods.map((p) => p.declared)).toEqual([
      { value: 0.6774, isMet: true, agrees: true },
      { value: 0.25, isMet: true, agrees: false },
    ]);
    expect(h.agreement).toEqual({ agreed: 1, disagreed: 1, unknown: 0 });
    expect(h.declared).toMatchObject({ goal: 'test-goal', stage: 'mql', metric: 'utilisation' });
  });

  it('names no constraint in a month with under a week in the window', () => {
    const short = evaluate(policySet(threeStages), data, {
      from: '2026-01-01T00:00Z',
      asOf: '2026-02-04T00:00Z',
    }).constraintHistory;
    // 2026-02 has three days in the window: no weekly rate, so no constraint, and the run is January's.
    expect(short?.periods[1]).toMatchObject({ period: '2026-02', constraint: null, unknown: 'period-too-short' });
    expect(short?.periods[1]?.stages.map((s) => s.utilisation)).toEqual([null, null]);
    expect(short?.current).toEqual({ stage: 'mql', periods: 1, since: '2026-01' });
    expect(short?.declared).toBeNull();
  });
});
