import { describe, expect, it } from 'vitest';
import { costHeadcount } from '../../../../src/core/impact/projection/cost.js';
import type { PolicySet } from '../../../../src/core/policy/types.js';

/** A policy set with only what the cost reads: teams, stage capacities, cost per head and comp plans' OTE. */
function setOf(
  headcount: Record<string, number>,
  options: { costPerHead?: Record<string, string>; ote?: Record<string, string> } = {},
): PolicySet {
  const teams = ['sdr', 'ae', 'ops'];
  return {
    Funnel: [
      {
        spec: {
          teams: teams.map((id) => ({ id, function: 'sales' })),
          events: [],
          stages: [
            { id: 'mql', owner: 'sdr', entry: 'e', capacity: { headcount: headcount.sdr ?? 1, perPersonPerWeek: 25 } },
            {
              id: 'sal',
              owner: 'sdr',
              entry: 'e',
              capacity: { headcount: (headcount.sdr ?? 1) - 1, perPersonPerWeek: 12 },
            },
            { id: 'sql', owner: 'ae', entry: 'e', capacity: { headcount: headcount.ae ?? 1, perPersonPerWeek: 5 } },
            { id: 'opp', owner: 'ops', entry: 'e', capacity: { headcount: headcount.ops ?? 1, perPersonPerWeek: 5 } },
          ],
          ...(options.costPerHead === undefined ? {} : { projection: { costPerHead: options.costPerHead } }),
        },
      },
    ],
    CompPlan: Object.entries(options.ote ?? {}).map(([team, ote]) => ({ spec: { team, onTargetEarnings: ote } })),
  } as unknown as PolicySet;
}

describe('costHeadcount', () => {
  it('prices each team whose headcount changes at the base’s cost, per year and over the horizon, declared cost first, else OTE', () => {
    const base = setOf(
      { sdr: 3, ae: 3, ops: 2 },
      { costPerHead: { sdr: '80000' }, ote: { ae: '150000', sdr: '90000' } },
    );
    // The head's own prices are not read: a pull request must not price its own change.
    const head = setOf({ sdr: 6, ae: 2, ops: 4 }, { costPerHead: { sdr: '1', ops: '1' }, ote: { ae: '1' } });
    // sdr: 3 → 6 (its largest stage headcount), 3 × 80,000 declared = 240,000 a year; 26 of 52 weeks → 120,000.
    // ae: 3 → 2, −1 × the plan's OTE 150,000 = −150,000 a year, −75,000 over 26 weeks.
    // ops: no cost anywhere: unknown, never 0.
    const costs = costHeadcount(base, head, 26);
    expect(costs).toEqual([
      {
        team: 'ae',
        headcount: { base: 3, head: 2, delta: -1 },
        costPerHead: '150000',
        costBasis: 'ote',
        perYear: '-150000.00',
        overHorizon: '-75000.00',
        unknown: null,
      },
      {
        team: 'ops',
        headcount: { base: 2, head: 4, delta: 2 },
        costPerHead: null,
        costBasis: null,
        perYear: null,
        overHorizon: null,
        unknown: 'no-cost-per-head',
      },
      {
        team: 'sdr',
        headcount: { base: 3, head: 6, delta: 3 },
        costPerHead: '80000',
        costBasis: 'declared',
        perYear: '240000.00',
        overHorizon: '120000.00',
        unknown: null,
      },
    ]);
  });

  it('costs nothing when no headcount changes, and the horizon prorates exactly', () => {
    expect(costHeadcount(setOf({ sdr: 3 }), setOf({ sdr: 3 }), 26)).toEqual([]);
    // 1 × 100,000 × 39.2914 ÷ 52 = 75,560.38 (75,560.3846…).
    const [one] = costHeadcount(setOf({ sdr: 3 }, { costPerHead: { sdr: '100000' } }), setOf({ sdr: 4 }), 39.2914);
    expect(one?.overHorizon).toBe('75560.38');
  });
});
