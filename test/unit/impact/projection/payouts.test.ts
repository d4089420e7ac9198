import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../src/core/engine/comp/money.js';
import type { StageTrack } from '../../../../src/core/engine/stages.js';
import type { FlowStage } from '../../../../src/core/impact/projection/flow.js';
import { projectPayouts } from '../../../../src/core/impact/projection/payouts.js';
import type { PayoutInput, PaySide } from '../../../../src/core/impact/projection/payouts.js';
import type { CompPlanSpec, PolicySet } from '../../../../src/core/policy/types.js';
import type { CompPlanResult } from '../../../../src/core/report/comp.js';
import type { Report } from '../../../../src/core/report/index.js';
import { plan } from '../../engine/comp/helpers.js';

const ms = (iso: string) => Date.parse(iso);
const start = ms('2026-01-01T00:00:00Z');
const asOf = ms('2026-04-01T00:00:00Z');

/**
 * SDRs paid per SAL: 10,000 a quarter (40,000 a year), target 100 SALs a quarter; retroactive
 * tiers (×1 below target, ×1.5 from it), capped at 2× target pay; nothing below 80 % of target.
 */
const sdrSpec: Partial<CompPlanSpec> = {
  roles: ['sdr'],
  team: 'sdr',
  quota: undefined,
  components: [
    {
      id: 'sals',
      metric: 'sal_count',
      weight: 1,
      target: '400',
      tiers: {
        mode: 'retroactive',
        bands: [
          { from: 0, to: 1, rate: 1 },
          { from: 1, rate: 1.5 },
        ],
      },
      cap: 2,
    },
  ],
  gates: [{ id: 'volume-floor', metric: 'sal_count', min: 0.8 }],
};

/** A, C and D worked 15, 18 and 24 of the 80 SALs of Q1 (the other 23 belong to someone off the plan). */
function planResult(observed: Record<string, number>): CompPlanResult {
  return {
    name: 'sdr-sals',
    file: 'policies/sdr-sals.yaml',
    team: 'sdr',
    roles: ['sdr'],
    currency: 'USD',
    periodUnit: 'quarter',
    isTeamCredit: false,
    periods: [{ label: '2026-Q1', start: '2026-01-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z', covered: 1 }],
    people: Object.entries(observed).map(([id, n]) => ({
      id,
      name: null,
      team: 'sdr',
      total: '0.00',
      periods: [
        {
          period: '2026-Q1',
          isActive: true,
          components: [
            {
              id: 'sals',
              metric: 'sal_count',
              value: String(n),
              target: '100',
              attainment: n / 100,
              factor: n / 100,
              tier: 0,
              isUnknown: false,
              isGated: false,
              isCapped: false,
              payout: '0.00',
            },
          ],
          gates: [],
          multipliers: [],
          multiplier: 1,
          componentPay: '0.00',
          variablePay: '0.00',
          spiffs: [],
          clawbacks: [],
          total: '0.00',
        },
      ],
    })),
    totals: { periods: [], parts: [], total: '0.00' },
  };
}

function policySet(spec: Partial<CompPlanSpec>): PolicySet {
  const funnel = {
    teams: [],
    events: [
      { id: 'mql_reached', entity: 'lead', field: 'mql_at' },
      { id: 'sal_accepted', entity: 'lead', field: 'sal_at' },
      { id: 'deal_won', entity: 'opportunity', field: 'closed_at' },
    ],
    stages: [
      { id: 'mql', name: 'MQL', owner: 'sdr', entry: 'mql_reached' },
      { id: 'sal', name: 'SAL', owner: 'sdr', entry: 'sal_accepted' },
      { id: 'won', name: 'Won', owner: 'ae', entry: 'deal_won', terminal: 'won' },
    ],
  };
  const goal = {
    goal: {
      metric: 'won_amount',
      target: '1000000',
      currency: 'USD',
      period: { start: '2026-01-01', end: '2026-09-30' },
    },
    constraint: { stage: 'mql', metric: 'utilisation', target: { max: 0.85 } },
  };
  return {
    Funnel: [{ spec: funnel }],
    RevenueGoal: [{ metadata: { name: 'goal' }, spec: goal }],
    CompPlan: [plan(spec, 'sdr-sals')],
  } as unknown as PolicySet;
}

/** 80 SALs entered in the window. */
const salTrack = {
  stage: { id: 'sal' },
  entry: Float64Array.from({ length: 80 }, (_, i) => start + (i + 1) * 86_400_000),
} as unknown as StageTrack;

function side(spec: Partial<CompPlanSpec> = sdrSpec, observed = { A: 15, C: 18, D: 24 }): PaySide {
  const report = {
    window: { timeZone: 'UTC' },
    comp: { plans: [planResult(observed)] },
  } as unknown as Report;
  return { report, set: policySet(spec), tracks: [salTrack], goalAttainment: () => new Dec(0) };
}

/** A flow along mql → sal → won with `sal` SALs a week. */
function flow(sal: number): FlowStage[] {
  const stage = (demand: number, capacity: number | null = null): FlowStage => ({
    demand: new Dec(demand),
    capacity: capacity === null ? null : new Dec(capacity),
    throughput: new Dec(demand),
    queue: new Dec(0),
    advanced: new Dec(0),
  });
  return [stage(100, 200), stage(sal), stage(1)];
}

function input(base: number, head: number, low: number, high: number, h: PaySide = side()): PayoutInput {
  return {
    base: side(),
    head: h,
    path: ['mql', 'sal', 'won'],
    flow: { base: flow(base), head: flow(head), headLow: flow(low), headHigh: flow(high) },
    dealSize: new Dec(10000),
    window: { start, asOf, weeks: new Dec(asOf - start).div(604_800_000) },
  };
}

describe('payouts on the projected volumes', () => {
  it('pays each person their observed share of the projected SALs: a gate passes, a tier is crossed, a cap is hit', () => {
    // Q2 is 91 days = 13 weeks, all projected. Base 30 SALs a week → 390; head (a looser MQL rule) 40 → 520.
    const out = projectPayouts(input(30, 40, 35, 45));
    expect(out.unknown).toBeNull();
    const [p] = out.plans;
    expect(p?.periods).toEqual([
      { label: '2026-Q2', weeksProjected: 13 },
      { label: '2026-Q3', weeksProjected: 13.1429 },
    ]);
    expect(p?.metrics).toEqual([{ metric: 'sal_count', basis: 'stage', stage: 'sal', unknown: null }]);
    const q2 = p?.payout?.parts[0]?.lines.filter((l) => l.period === '2026-Q2') ?? [];
    // A: 15/80 × 390 = 73.125 (0.73 < 0.8: gated, 0) → 15/80 × 520 = 97.5 → 0.975 × 10,000 = 9,750.00.
    // C: 18/80 × 390 = 87.75 → 8,775.00; 18/80 × 520 = 117 → 1.17 × 1.5 = 1.755 → 17,550.00 (tier 1 → 2).
    // D: 24/80 × 390 = 117 → 17,550.00; 24/80 × 520 = 156 → 1.56 × 1.5 = 2.34, capped at 2 → 20,000.00.
    expect(q2.map((l) => [l.personId, l.payout.base, l.payout.head, l.reasons.map((r) => r.code)])).toEqual([
      ['A', '0.00', '9750.00', ['gate-passed', 'metric-moved']],
      ['C', '8775.00', '17550.00', ['tier-crossed', 'metric-moved']],
      ['D', '17550.00', '20000.00', ['cap-hit', 'metric-moved']],
    ]);
    const moved = q2[0]?.reasons[1];
    expect(moved).toMatchObject({ code: 'metric-moved', value: { base: '73.125', head: '97.5' } });
  });

  it('gives the head at the low and high bounds of its conversions, and a total per currency', () => {
    const out = projectPayouts(input(30, 40, 35, 45));
    const [p] = out.plans;
    // Q3 is 92 days = 13 1/7 weeks: base 30 × 92/7 = 394.2857… SALs; head 40 × 92/7 = 525.714…
    // Base Q3: A 73.93 (gated) 0; C 88.714… → 8,871.43; D 118.2857… → 1.774286 → 17,742.86. Base = 26,325 + 26,614.29.
    // Head Q3: A 98.5714… → 9,857.14; C 118.2857… → 17,742.86; D capped 20,000. Head = 47,300 + 47,600.00.
    expect(p?.payout?.total).toEqual({ base: '52939.29', head: '94900.00', delta: '41960.71' });
    // Low (35 a week): Q2 A 85.3125 → 8,531.25; C 102.375 → 15,356.25; D 136.5 → capped 20,000 = 43,887.50;
    // Q3 A 86.25 → 8,625.00; C 103.5 → 15,525.00; D 138 → 20,000 = 44,150.00.
    // High (45): Q2 A 109.6875 → 16,453.13; C 131.625 → 19,743.75; D 20,000 = 56,196.88;
    // Q3 A 110.89… → 1.663393 → 16,633.93; C 133.07… → 1.996071 → 19,960.71; D 20,000 = 56,594.64.
    expect(p?.range).toEqual({
      headLow: '88037.50',
      headHigh: '112791.52',
      deltaLow: '35098.21',
      deltaHigh: '59852.23',
    });
    expect(out.totals).toEqual([
      {
        currency: 'USD',
        base: '52939.29',
        head: '94900.00',
        delta: '41960.71',
        headLow: '88037.50',
        headHigh: '112791.52',
        deltaLow: '35098.21',
        deltaHigh: '59852.23',
      },
    ]);
  });

  it('pays the head exactly as the base when nothing changes', () => {
    const out = projectPayouts(input(30, 30, 30, 30));
    const [p] = out.plans;
    expect(p?.payout?.total.delta).toBe('0.00');
    expect(p?.payout?.parts.every((x) => x.lines.length === 0 && x.payout.delta === '0.00')).toBe(true);
    expect(out.totals[0]).toMatchObject({ delta: '0.00', deltaLow: '0.00', deltaHigh: '0.00' });
  });

  it('says a plan cannot be projected rather than paying 0 when its constraint metric is not carried by the flow', () => {
    const spec: Partial<CompPlanSpec> = {
      ...sdrSpec,
      components: [...(sdrSpec.components ?? []), { id: 'c', metric: 'constraint_target_met', weight: 0 }],
    };
    const set = policySet(spec);
    const goal = set.RevenueGoal[0] as unknown as { spec: { constraint: { metric: string } } };
    goal.spec.constraint.metric = 'wip';
    const h: PaySide = { ...side(spec), set };
    const out = projectPayouts({ ...input(30, 40, 35, 45, h), base: h });
    const [p] = out.plans;
    expect(p?.payout).toBeNull();
    expect(p?.unknown).toBe('constraint-not-projected');
    expect(p?.range.headLow).toBeNull();
    expect(out.totals[0]).toMatchObject({ base: null, head: null, delta: null });
  });

  it('says why nothing is paid when the goal period is over', () => {
    const set = policySet(sdrSpec);
    const goal = set.RevenueGoal[0] as unknown as { spec: { goal: { period: { end: string } } } };
    goal.spec.goal.period.end = '2026-03-01';
    const s: PaySide = { ...side(), set };
    expect(projectPayouts({ ...input(30, 40, 35, 45, s), base: s })).toEqual({
      plans: [],
      totals: [],
      unknown: 'no-goal',
    });
  });

  it('says the metric moved, not the terms, when a period with seconds left moves it by less than the 4 places shown', () => {
    // 2 seconds of Q1 left: D's SALs 24 + 0.3 × 30 × 2/604,800 = 24.0000298 → 24 + 0.3 × 40 × 2/604,800 = 24.0000397,
    // both shown as 24; on 1,000,000 a quarter per 100 SALs that is 0.298 → 0.397, a 0.10 change.
    const spec: Partial<CompPlanSpec> = {
      ...sdrSpec,
      targetVariable: '4000000',
      gates: [],
      components: [{ id: 'sals', metric: 'sal_count', weight: 1, target: '400' }],
    };
    const early = asOf - 2000;
    const s = side(spec);
    const out = projectPayouts({
      ...input(30, 40, 35, 45, s),
      base: s,
      window: { start, asOf: early, weeks: new Dec(13) },
    });
    const line = out.plans[0]?.payout?.parts[0]?.lines.find((l) => l.personId === 'D' && l.period === '2026-Q1');
    expect(line?.payout).toEqual({ base: '240000.30', head: '240000.40', delta: '0.10' });
    expect(line?.reasons).toEqual([
      {
        code: 'metric-moved',
        metric: 'sal_count',
        value: { base: '24', head: '24', delta: '0' },
        attainment: { base: 0.24, head: 0.24, delta: 0 },
      },
    ]);
  });

  it('pays an unchanged head exactly the base, whatever the volumes, shares and time left', () => {
    const person = fc.integer({ min: 0, max: 40 });
    fc.assert(
      fc.property(
        fc.record({ A: person, C: person, D: person }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.integer({ min: 0, max: 80 * 86_400_000 }),
        (observed, sal, before) => {
          const s = side(sdrSpec, observed);
          const d = side(sdrSpec, observed);
          const out = projectPayouts({
            ...input(sal, sal, sal, sal, d),
            base: s,
            window: { start, asOf: asOf - before, weeks: new Dec(13) },
          });
          const x = out.plans[0]?.payout;
          expect(x?.total.head).toBe(x?.total.base);
          expect(x?.parts.flatMap((part) => part.lines)).toEqual([]);
          expect(out.totals[0]).toMatchObject({ delta: '0.00', deltaLow: '0.00', deltaHigh: '0.00' });
        },
      ),
      { numRuns: 100 },
    );
  });
});
