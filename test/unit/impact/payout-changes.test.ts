import { describe, expect, it } from 'vitest';
import { computeComp } from '../../../src/core/engine/comp/index.js';
import { comparePayouts } from '../../../src/core/impact/payout-changes.js';
import type { CompPlanSpec } from '../../../src/core/policy/types.js';
import { ae, context, pipeline, plan, won } from '../engine/comp/helpers.js';

// Quarterly plan: 40,000 target variable a year = 10,000 a quarter. Q1 only (as-of 1 April).
// A won 90,000 and B 60,000 in Q1; the shared goal is at 0.75 unless a test says otherwise.
const opportunities = [won('A', '90000', '2026-02-01T00:00:00Z'), won('B', '60000', '2026-03-01T00:00:00Z')];
const data = pipeline({ users: [ae('A'), ae('B')], opportunities });

function spec(quota: string, gateMin: number): Partial<CompPlanSpec> {
  return {
    quota: { metric: 'won_amount', amount: quota },
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
        cap: 1.5,
      },
      { id: 'goal', metric: 'goal_attainment', weight: 0.2 },
    ],
    gates: [{ id: 'floor', metric: 'goal_attainment', min: gateMin, components: ['goal'] }],
  };
}

describe('payout changes by plan and component', () => {
  it('breaks a plan change down by component, with a gate failing, a tier crossed and a cap hit (hand-computed)', () => {
    // Base: quota 400,000 (100,000 a quarter), gate min 0.7. Head: quota 300,000 (75,000), gate min 0.8.
    const base = computeComp([plan(spec('400000', 0.7))], context(data, { goalAttainment: 0.75 }));
    const head = computeComp([plan(spec('300000', 0.8))], context(data, { goalAttainment: 0.75 }));
    const [p] = comparePayouts(base, head);
    // A: base 0.9 → factor 0.9 → 10,000 × 0.8 × 0.9 = 7,200; head 1.2 → tier 2, 1.2 × 1.5 = 1.8, capped 1.5 → 12,000.
    // B: base 0.6 → 4,800; head 0.8 → 6,400. goal: 10,000 × 0.2 × 0.75 = 1,500 each, held under the head.
    expect(p?.total).toEqual({ base: '15000.00', head: '18400.00', delta: '3400.00' });
    const [nb, goal, ...rest] = p?.parts ?? [];
    expect(rest).toEqual([]);
    expect(nb?.payout).toEqual({ base: '12000.00', head: '18400.00', delta: '6400.00' });
    expect(nb?.lines.map((l) => [l.personId, l.payout.delta, l.reasons.map((r) => r.code)])).toEqual([
      ['A', '4800.00', ['cap-hit', 'tier-crossed', 'target-changed']],
      ['B', '1600.00', ['target-changed']],
    ]);
    expect(nb?.lines[0]?.reasons[1]).toEqual({
      code: 'tier-crossed',
      metric: 'won_amount',
      tier: { base: 0, head: 1, delta: 1 },
      attainment: { base: 0.9, head: 1.2, delta: 0.3 },
    });
    expect(nb?.reasons.find((r) => r.code === 'target-changed')).toMatchObject({
      lines: 2,
      people: 2,
      delta: '6400.00',
      isUniform: true,
      example: { target: { base: '100000.00', head: '75000.00', delta: '-25000' } },
    });
    expect(goal?.payout).toEqual({ base: '3000.00', head: '0.00', delta: '-3000.00' });
    expect(goal?.reasons).toEqual([
      {
        code: 'gate-failed',
        subject: 'floor',
        periods: ['2026-Q1'],
        people: 2,
        lines: 2,
        delta: '-3000.00',
        isUniform: true,
        example: {
          code: 'gate-failed',
          gate: 'floor',
          metric: 'goal_attainment',
          min: { base: 0.7, head: 0.8, delta: 0.1 },
          value: { base: 0.75, head: 0.75, delta: 0 },
        },
      },
    ]);
    expect(p?.heldByGates.base).toEqual([]);
    expect(p?.heldByGates.head).toMatchObject([{ gate: 'floor', components: ['goal'], people: 2, lowest: 0.75 }]);
    expect(p?.isZeroByGate).toEqual({ base: false, head: false });
  });

  it('says a plan pays 0 because a gate failed when the goal falls under the floor, and why (the metric moved)', () => {
    const allHeld: Partial<CompPlanSpec> = {
      components: [{ id: 'goal', metric: 'goal_attainment', weight: 1 }],
      gates: [{ id: 'floor', metric: 'goal_attainment', min: 0.7 }],
    };
    const base = computeComp([plan(allHeld)], context(data, { goalAttainment: 0.75 }));
    const head = computeComp([plan(allHeld)], context(data, { goalAttainment: 0.65 }));
    const [p] = comparePayouts(base, head);
    // 10,000 × 1 × 0.75 = 7,500 each under the base; nothing under the head.
    expect(p?.total).toEqual({ base: '15000.00', head: '0.00', delta: '-15000.00' });
    expect(p?.parts[0]?.reasons.map((r) => r.code)).toEqual(['gate-failed', 'metric-moved']);
    expect(p?.isZeroByGate).toEqual({ base: false, head: true });
    expect(p?.heldByGates.head).toEqual([
      {
        gate: 'floor',
        metric: 'goal_attainment',
        min: 0.7,
        components: ['goal'],
        periods: ['2026-Q1'],
        people: 2,
        lines: 2,
        lowest: 0.65,
        highest: 0.65,
      },
    ]);
  });

  it('adds up: the parts of every plan sum exactly to its total, with a multiplier and a person joining', () => {
    const multiplied: Partial<CompPlanSpec> = {
      teamMultipliers: [{ id: 'team', metric: 'goal_attainment', min: 0.7, multiplier: 1.1 }],
    };
    const base = computeComp([plan(multiplied)], context(pipeline({ users: [ae('A')], opportunities })));
    const head = computeComp([plan(multiplied)], context(data, { goalAttainment: 0.5 }));
    const [p] = comparePayouts(base, head);
    const sum = (side: 'base' | 'head') => (p?.parts ?? []).reduce((s, x) => s + Number(x.payout[side]), 0);
    expect(sum('base').toFixed(2)).toBe(p?.total.base);
    expect(sum('head').toFixed(2)).toBe(p?.total.head);
    const multipliers = p?.parts.find((x) => x.part === 'multipliers');
    // A: 9,000 × 1.1 = 9,900 under the base (the multiplier adds 900); not applied under the head (goal 0.5 < 0.7).
    expect(multipliers?.payout).toEqual({ base: '900.00', head: '0.00', delta: '-900.00' });
    expect(multipliers?.lines[0]?.reasons[0]).toMatchObject({ code: 'multiplier-lost', multiplier: 'team' });
    expect(p?.parts[0]?.lines.find((l) => l.personId === 'B')?.reasons).toEqual([{ code: 'person-joined' }]);
  });
});
