import { describe, expect, it } from 'vitest';
import { computeComp } from '../../../../src/core/engine/comp/index.js';
import { Dec } from '../../../../src/core/engine/comp/money.js';
import { payPlanOnValues, sectionOf } from '../../../../src/core/engine/comp/pay-on-values.js';
import type { PeriodValues } from '../../../../src/core/engine/comp/metric-types.js';
import { comparePayouts } from '../../../../src/core/impact/payout-changes.js';
import type { CompMetric } from '../../../../src/core/report/comp.js';
import { ae, context, pipeline, plan, won } from './helpers.js';

const q1 = { label: '2026-Q1', start: '2026-01-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z', covered: 1 };
const spec = plan({
  components: [
    {
      id: 'nb',
      metric: 'won_amount',
      weight: 0.8,
      tiers: {
        mode: 'retroactive',
        bands: [
          { from: 0, to: 1, rate: 1 },
          { from: 1, rate: 1.5 },
        ],
      },
    },
    { id: 'goal', metric: 'goal_attainment', weight: 0.2 },
  ],
  gates: [{ id: 'floor', metric: 'goal_attainment', min: 0.7, components: ['goal'] }],
});

function values(won: Record<string, string>, goal: string): Map<CompMetric, PeriodValues> {
  return new Map<CompMetric, PeriodValues>([
    [
      'won_amount',
      { byPerson: new Map(Object.entries(won).map(([k, v]) => [k, new Dec(v)])), shared: null, isUnknown: false },
    ],
    ['goal_attainment', { byPerson: new Map(), shared: new Dec(goal), isUnknown: false }],
  ]);
}

describe('payouts on given metric values', () => {
  it('pays exactly what the evaluation pays for the same values', () => {
    const data = pipeline({ users: [ae('A')], opportunities: [won('A', '90000', '2026-02-01T00:00:00Z')] });
    const evaluated = computeComp([spec], context(data, { goalAttainment: 0.75 }));
    const given = payPlanOnValues(spec, q1, ['A'], values({ A: '90000' }, '0.75'));
    // 10,000 × 0.8 × 0.9 = 7,200 and 10,000 × 0.2 × 0.75 = 1,500.
    expect(given.totals.total).toBe('8700.00');
    expect(given.people[0]?.periods[0]?.components).toEqual(evaluated.plans[0]?.people[0]?.periods[0]?.components);
  });

  it('compares with another set of values: projected won crosses a tier, the goal falls under the gate', () => {
    const base = sectionOf([payPlanOnValues(spec, q1, ['A'], values({ A: '90000' }, '0.75'))]);
    const head = sectionOf([payPlanOnValues(spec, q1, ['A'], values({ A: '110000' }, '0.6'))]);
    const [p] = comparePayouts(base, head);
    // Head: 1.1 × 1.5 = 1.65 → 10,000 × 0.8 × 1.65 = 13,200; the goal component is held.
    expect(p?.total).toEqual({ base: '8700.00', head: '13200.00', delta: '4500.00' });
    expect(p?.parts.map((x) => [x.id, x.reasons.map((r) => r.code)])).toEqual([
      ['nb', ['tier-crossed', 'metric-moved']],
      ['goal', ['gate-failed', 'metric-moved']],
    ]);
  });

  it('counts a metric it is not given as unknown, never as a silent 0', () => {
    const given = values({ A: '90000' }, '0.75');
    given.delete('goal_attainment');
    const paid = payPlanOnValues(spec, q1, ['A'], given);
    expect(paid.people[0]?.periods[0]?.components.find((c) => c.id === 'goal')?.isUnknown).toBe(true);
  });
});
