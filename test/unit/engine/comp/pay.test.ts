import { phraseWarning } from '../../../../src/reporters/phrase-warning.js';
import { describe, expect, it } from 'vitest';
import { computeComp } from '../../../../src/core/engine/comp/index.js';
import { ae, context, lineOf, pipeline, plan, won } from './helpers.js';

// Every plan here is quarterly: 10,000 target variable and a 100,000 won quota per quarter.

describe('tiers through a whole plan', () => {
  const data = pipeline({
    users: [ae('A')],
    opportunities: [won('A', '60000', '2026-02-01T00:00:00Z'), won('A', '40000', '2026-03-01T00:00:00Z')],
  });
  const bands = [
    { from: 0, to: 1, rate: 0.8 },
    { from: 1, rate: 1.2 },
  ];

  it.each([
    // attainment 100,000 / 100,000 = exactly 1.0
    { mode: 'marginal', factor: 0.8, payout: '8000.00' }, // 1.0 × 0.8, nothing above 1
    { mode: 'retroactive', factor: 1.2, payout: '12000.00' }, // 1.0 falls in [1, ∞): 1.0 × 1.2
  ] as const)('pays $mode tiers at attainment exactly 1.0', ({ mode, factor, payout }) => {
    const section = computeComp(
      [plan({ components: [{ id: 'nb', metric: 'won_amount', weight: 1, tiers: { mode, bands } }] })],
      context(data),
    );
    const component = lineOf(section, 'A', '2026-Q1').components[0];
    expect(component).toMatchObject({
      value: '100000.00',
      target: '100000.00',
      attainment: 1,
      factor,
      payout,
      isCapped: false,
      isGated: false,
    });
  });

  it('binds the cap: attainment 2.0 with a cap of 1.5 pays 15,000', () => {
    const big = pipeline({ users: [ae('A')], opportunities: [won('A', '200000', '2026-02-01T00:00:00Z')] });
    const section = computeComp(
      [plan({ components: [{ id: 'nb', metric: 'won_amount', weight: 1, cap: 1.5 }] })],
      context(big),
    );
    expect(lineOf(section, 'A', '2026-Q1').components[0]).toMatchObject({
      attainment: 2,
      factor: 1.5,
      isCapped: true,
      payout: '15000.00',
    });
  });

  it('weights components: 0.8 of 10,000 at attainment 0.5 is 4,000', () => {
    const half = pipeline({ users: [ae('A')], opportunities: [won('A', '50000', '2026-02-01T00:00:00Z')] });
    const spec = plan({
      components: [
        { id: 'nb', metric: 'won_amount', weight: 0.8 },
        { id: 'goal', metric: 'goal_attainment', weight: 0.2 },
      ],
    });
    const line = lineOf(computeComp([spec], context(half, { goalAttainment: 0.82 })), 'A', '2026-Q1');
    expect(line.components.map((c) => [c.id, c.value, c.target, c.attainment, c.payout])).toEqual([
      ['nb', '50000.00', '100000.00', 0.5, '4000.00'],
      ['goal', '0.82', null, 0.82, '1640.00'], // 10,000 × 0.2 × 0.82
    ]);
    expect(line.total).toBe('5640.00');
  });
});

describe('gates', () => {
  const data = pipeline({ users: [ae('A')], opportunities: [won('A', '100000', '2026-02-01T00:00:00Z')] });
  const spec = plan({
    components: [
      { id: 'nb', metric: 'won_amount', weight: 0.8 },
      { id: 'goal', metric: 'goal_attainment', weight: 0.2 },
    ],
    gates: [{ id: 'floor', metric: 'goal_attainment', min: 0.7, components: ['goal'] }],
  });

  it.each([
    // nb: 10,000 × 0.8 × 1 = 8,000 always; goal: 10,000 × 0.2 × g unless gated
    { goal: 0.69, isPassed: false, goalPay: '0.00', total: '8000.00' },
    { goal: 0.7, isPassed: true, goalPay: '1400.00', total: '9400.00' },
  ])('goal attainment $goal against min 0.7 passes: $isPassed', ({ goal, isPassed, goalPay, total }) => {
    const line = lineOf(computeComp([spec], context(data, { goalAttainment: goal })), 'A', '2026-Q1');
    expect(line.gates).toEqual([
      {
        id: 'floor',
        metric: 'goal_attainment',
        value: goal,
        valueExact: String(goal),
        min: 0.7,
        isPassed,
        components: ['goal'],
      },
    ]);
    expect(line.components.map((c) => [c.id, c.isGated, c.payout])).toEqual([
      ['nb', false, '8000.00'],
      ['goal', !isPassed, goalPay],
    ]);
    expect(line.total).toBe(total);
  });

  it('holds back every component when the gate names none', () => {
    const all = plan({ ...spec.spec, gates: [{ id: 'floor', metric: 'goal_attainment', min: 0.7 }] });
    const line = lineOf(computeComp([all], context(data, { goalAttainment: 0.5 })), 'A', '2026-Q1');
    expect(line.components.every((c) => c.isGated && c.payout === '0.00')).toBe(true);
    expect(line.total).toBe('0.00');
  });

  it('measures a gate on a money metric against that metric’s target', () => {
    const own = plan({ gates: [{ id: 'min-won', metric: 'won_amount', min: 1.01 }] });
    expect(lineOf(computeComp([own], context(data)), 'A', '2026-Q1').gates[0]).toMatchObject({
      value: 1,
      isPassed: false,
    });
  });
});

describe('team multipliers', () => {
  const spec = plan({ teamMultipliers: [{ id: 'team', metric: 'won_amount', min: 1, multiplier: 1.1 }] });

  it('multiplies everyone when the team reaches the minimum', () => {
    // team: (150,000 + 60,000) / (2 × 100,000) = 1.05 ≥ 1 → × 1.1
    const data = pipeline({
      users: [ae('A'), ae('B')],
      opportunities: [won('A', '150000', '2026-02-01T00:00:00Z'), won('B', '60000', '2026-02-01T00:00:00Z')],
    });
    const section = computeComp([spec], context(data));
    const a = lineOf(section, 'A', '2026-Q1');
    expect(a.multipliers).toEqual([
      { id: 'team', metric: 'won_amount', value: 1.05, valueExact: '1.05', min: 1, multiplier: 1.1, isApplied: true },
    ]);
    expect([a.componentPay, a.multiplier, a.variablePay, a.total]).toEqual(['15000.00', 1.1, '16500.00', '16500.00']);
    expect(lineOf(section, 'B', '2026-Q1').total).toBe('6600.00'); // 6,000 × 1.1
    expect(section.plans[0]?.totals.total).toBe('23100.00');
  });

  it('leaves pay alone below the minimum', () => {
    // (150,000 + 40,000) / 200,000 = 0.95
    const data = pipeline({
      users: [ae('A'), ae('B')],
      opportunities: [won('A', '150000', '2026-02-01T00:00:00Z'), won('B', '40000', '2026-02-01T00:00:00Z')],
    });
    const a = lineOf(computeComp([spec], context(data)), 'A', '2026-Q1');
    expect(a.multipliers[0]).toMatchObject({ value: 0.95, isApplied: false });
    expect([a.multiplier, a.total]).toEqual([1, '15000.00']);
  });
});

describe('targets and values', () => {
  it('pays a person with no deals 0, not nothing', () => {
    const data = pipeline({ users: [ae('A'), ae('B')], opportunities: [won('A', '100000', '2026-02-01T00:00:00Z')] });
    const b = lineOf(computeComp([plan()], context(data)), 'B', '2026-Q1');
    expect(b.components[0]).toMatchObject({
      value: '0.00',
      target: '100000.00',
      attainment: 0,
      factor: 0,
      payout: '0.00',
    });
    expect(b.total).toBe('0.00');
  });

  it('warns about a zero target and a metric without a target, and pays those components 0', () => {
    const data = pipeline({ users: [ae('A')], opportunities: [won('A', '100000', '2026-02-01T00:00:00Z')] });
    const spec = plan({
      components: [
        { id: 'nb', metric: 'won_amount', weight: 0.5, target: '0' },
        { id: 'sals', metric: 'sal_count', weight: 0.5 },
      ],
    });
    const section = computeComp([spec], context(data));
    const line = lineOf(section, 'A', '2026-Q1');
    expect(line.components.map((c) => [c.id, c.target, c.attainment, c.payout])).toEqual([
      ['nb', '0.00', null, '0.00'],
      ['sals', null, null, '0.00'],
    ]);
    expect(section.warnings.map(phraseWarning)).toEqual([
      'ae-plan: component nb: the target of won_amount is 0, so attainment is undefined; it pays 0.',
      'ae-plan: component sals: sal_count has no target (neither its own nor a quota of the same metric); it pays 0.',
    ]);
  });

  it('adds money exactly: 0.1 + 0.2 is 0.30, and against a target of 0.3 that is attainment 1', () => {
    // quota 1.2 a year → 0.3 a quarter; a float sum would be 0.30000000000000004
    const data = pipeline({
      users: [ae('A')],
      opportunities: [won('A', '0.1', '2026-02-01T00:00:00Z'), won('A', '0.2', '2026-02-02T00:00:00Z')],
    });
    const spec = plan({
      quota: { metric: 'won_amount', amount: '1.2' },
      components: [
        {
          id: 'nb',
          metric: 'won_amount',
          weight: 1,
          tiers: {
            mode: 'retroactive',
            bands: [
              { from: 0, to: 1, rate: 0.5 },
              { from: 1, rate: 2 },
            ],
          },
        },
      ],
    });
    const component = lineOf(computeComp([spec], context(data)), 'A', '2026-Q1').components[0];
    expect(component).toMatchObject({ value: '0.30', target: '0.30', attainment: 1, factor: 2, payout: '20000.00' });
  });

  it('rounds a payout to cents half up', () => {
    // 10,000 × 1/3 = 3,333.333… → 3,333.33; 10,000 × 0.0000005 = 0.005 → 0.01
    const third = pipeline({ users: [ae('A')], opportunities: [won('A', '100000', '2026-02-01T00:00:00Z')] });
    expect(
      lineOf(
        computeComp([plan({ quota: { metric: 'won_amount', amount: '1200000' } })], context(third)),
        'A',
        '2026-Q1',
      ).total,
    ).toBe('3333.33');
    const tiny = pipeline({ users: [ae('A')], opportunities: [won('A', '0.05', '2026-02-01T00:00:00Z')] });
    expect(lineOf(computeComp([plan()], context(tiny)), 'A', '2026-Q1').total).toBe('0.01');
  });

  it('marks an unknown constraint and counts it as 0', () => {
    const spec = plan({ components: [{ id: 'constraint', metric: 'constraint_target_met', weight: 1 }] });
    const section = computeComp([spec], context(pipeline({ users: [ae('A')] }), { constraintMet: null }));
    expect(lineOf(section, 'A', '2026-Q1').components[0]).toMatchObject({
      value: '0',
      isUnknown: true,
      payout: '0.00',
    });
    expect(section.warnings.map(phraseWarning)).toEqual([
      'ae-plan: constraint_target_met is unknown for 2026-Q1; it counts as 0.',
    ]);
    const met = computeComp([spec], context(pipeline({ users: [ae('A')] }), { constraintMet: true }));
    expect(lineOf(met, 'A', '2026-Q1').components[0]).toMatchObject({
      value: '1',
      attainment: 1,
      isUnknown: false,
      payout: '10000.00',
    });
  });
});
