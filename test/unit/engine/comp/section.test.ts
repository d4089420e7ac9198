import { phraseWarning } from '../../../../src/reporters/phrase-warning.js';
import { describe, expect, it } from 'vitest';
import { computeComp } from '../../../../src/core/engine/comp/index.js';
import { ae, context, lineOf, pipeline, plan, won } from './helpers.js';

describe('periods', () => {
  it('computes a period still running at as-of, says how much of it is covered, and keeps its full target', () => {
    const data = pipeline({
      users: [ae('A')],
      opportunities: [
        won('A', '50000', '2026-02-01T00:00:00Z'),
        won('A', '70000', '2026-02-20T00:00:00Z'), // after as-of: does not exist for the run
        won('A', '90000', '2025-12-31T00:00:00Z'), // before the window
      ],
    });
    const section = computeComp([plan()], context(data, { asOf: '2026-02-15T00:00:00Z' }));
    // 1 January to 15 February is 45 of the quarter's 90 days
    expect(section.plans[0]?.periods).toEqual([
      { label: '2026-Q1', start: '2026-01-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z', covered: 0.5 },
    ]);
    expect(lineOf(section, 'A', '2026-Q1').components[0]).toMatchObject({
      value: '50000.00',
      target: '100000.00',
      attainment: 0.5,
      payout: '5000.00',
    });
    expect(section.plans[0]?.people[0]?.total).toBe('5000.00'); // the one period
    expect(section.countedAsZero).toEqual([]);
  });

  it('lists every period that has started, in order, and a person only in the periods they were active', () => {
    const data = pipeline({
      users: [
        ae('A', { active_to: '2026-01-31' }),
        ae('B', { active_from: '2026-02-10' }),
        ae('C', { active_to: '2025-12-31' }), // left before the window
        ae('D', { team: 'emea' }), // another team
        ae('E', { team: null }), // no team: on the plan by role
        { id: 'X', name: 'SDR', role: 'sdr', team: 'ae' }, // another role
      ],
    });
    const section = computeComp(
      [plan({ period: 'month', quota: { metric: 'won_amount', amount: '1200000' } })],
      context(data, { asOf: '2026-03-10T00:00:00Z' }),
    );
    const result = section.plans[0];
    expect(result?.periods.map((p) => [p.label, p.covered])).toEqual([
      ['2026-01', 1],
      ['2026-02', 1],
      ['2026-03', 0.2903], // 9 of 31 days
    ]);
    expect(result?.people.map((p) => [p.id, p.periods.map((l) => l.period)])).toEqual([
      ['A', ['2026-01']],
      ['B', ['2026-02', '2026-03']],
      ['E', ['2026-01', '2026-02', '2026-03']],
    ]);
    expect(lineOf(section, 'E', '2026-01').components[0]?.target).toBe('100000.00');
    // Each person's total is the sum of their period totals; the people add up to the plan.
    for (const person of result?.people ?? [])
      expect(person.total).toBe(person.periods.reduce((sum, p) => sum + Number(p.total), 0).toFixed(2));
    expect((result?.people ?? []).reduce((sum, p) => sum + Number(p.total), 0).toFixed(2)).toBe(result?.totals.total);
  });

  it('warns when no one is on a plan', () => {
    const section = computeComp([plan()], context(pipeline({})));
    expect(section.plans[0]?.people).toEqual([]);
    expect(section.warnings.map(phraseWarning)).toEqual([
      'ae-plan: no user with role ae in team ae is active in the window.',
    ]);
  });
});

describe('currencies and totals', () => {
  const data = pipeline({
    users: [ae('A'), ae('E', { team: 'ae-emea' })],
    opportunities: [
      won('A', '100000', '2026-02-01T00:00:00Z'),
      won('E', '50000', '2026-02-01T00:00:00Z', { currency: 'EUR' }),
      won('E', '10000', '2026-02-02T00:00:00Z'),
    ],
  });
  const usd = plan({}, 'ae-usd');
  const eur = plan({ team: 'ae-emea', currency: 'EUR', quota: { metric: 'won_amount', amount: '200000' } }, 'ae-eur');

  it('keeps two currencies apart, never adding them', () => {
    const section = computeComp([usd, eur], context(data));
    expect(section.plans.map((p) => p.name)).toEqual(['ae-eur', 'ae-usd']);
    // E: 50,000 EUR of 50,000 → 10,000 EUR (the USD deal is left out); A: 100,000 of 100,000 → 10,000 USD
    expect(lineOf(section.plans[0]!, 'E', '2026-Q1').components[0]).toMatchObject({
      value: '50000.00',
      payout: '10000.00',
    });
    expect(lineOf(section.plans[1]!, 'A', '2026-Q1').total).toBe('10000.00');
    expect(section.totals).toEqual({
      byPlan: [
        { plan: 'ae-eur', team: 'ae-emea', currency: 'EUR', total: '10000.00' },
        { plan: 'ae-usd', team: 'ae', currency: 'USD', total: '10000.00' },
      ],
      byTeam: [
        { team: 'ae', currency: 'USD', total: '10000.00' },
        { team: 'ae-emea', currency: 'EUR', total: '10000.00' },
      ],
      overall: [
        { currency: 'EUR', total: '10000.00' },
        { currency: 'USD', total: '10000.00' },
      ],
    });
    expect(section.warnings.map(phraseWarning)).toEqual([
      'ae-eur: 1 opportunities in a currency other than EUR are left out of its money metrics (amounts are never converted).',
    ]);
  });

  it('adds plans of one team and currency together', () => {
    const second = plan({ quota: { metric: 'won_amount', amount: '800000' } }, 'ae-second');
    const section = computeComp([usd, second], context(data));
    // ae-second: 100,000 of 200,000 → 5,000
    expect(section.totals.byTeam).toEqual([{ team: 'ae', currency: 'USD', total: '15000.00' }]);
    expect(section.totals.overall).toEqual([{ currency: 'USD', total: '15000.00' }]);
  });

  it('is plain JSON and the same on every run, whatever the order of the plans', () => {
    const section = computeComp([usd, eur], context(data));
    expect(JSON.parse(JSON.stringify(section))).toEqual(section);
    expect(computeComp([eur, usd], context(data))).toEqual(section);
    expect(section.moneyRounding).toBe('cents-half-up');
  });
});

describe('the shared goal', () => {
  it('warns when the plan names another goal than the one evaluated, and when there is none', () => {
    const spec = plan({ goal: 'fy2026', components: [{ id: 'goal', metric: 'goal_attainment', weight: 1 }] });
    const ctx = context(pipeline({ users: [ae('A')] }), { goalAttainment: null });
    const none = computeComp([spec], ctx);
    expect(lineOf(none, 'A', '2026-Q1').components[0]).toMatchObject({ value: '0', isUnknown: true, payout: '0.00' });
    expect(none.countedAsZero).toEqual(['goal_attainment']);
    expect(none.warnings.map(phraseWarning)).toEqual([
      'ae-plan: goal_attainment is unknown (no shared RevenueGoal was evaluated); it counts as 0.',
    ]);
    const other = computeComp([spec], {
      ...ctx,
      goal: {
        kind: 'RevenueGoal',
        file: 'g.yaml',
        metadata: { name: 'fy2027', owner: 'cro', description: '' },
        spec: {} as never,
      },
    });
    expect(phraseWarning(other.warnings[0]!)).toBe(
      'ae-plan: it pays on goal fy2026, but the goal evaluated is fy2027; goal metrics use fy2027.',
    );
  });
});
