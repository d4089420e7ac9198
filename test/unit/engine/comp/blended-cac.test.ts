import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../../src/core/policy/types.js';
import { phraseWarning } from '../../../../src/reporters/phrase-warning.js';
import { funnel, pipeline, policySet, row } from '../helpers.js';
import { evaluate, ms } from '../helpers.js';
import { evaluatePipeline, prepareData } from '../../../../src/core/engine/evaluate.js';
import { lineOf, plan } from './helpers.js';

/*
 * Hand-computed, UTC, monthly payout periods January and February 2026 (as-of 1 March).
 * Marketing spend: January 6,000, February 4,000. New customers: three in January, none in February.
 * January blended CAC = 6,000 ÷ 3 = 2,000.00; target 2,500 (a level: not prorated) → attainment
 * 2,500 ÷ 2,000 = 1.25; target variable 24,000 a year = 2,000 a month → payout 2,000 × 1.25 = 2,500.00.
 * February: no new customer → CAC unknown → the component pays nothing, flagged, with a warning.
 */
const marketingPlan = (target: string): Policy<'CompPlan'> =>
  plan(
    {
      roles: ['marketer'],
      team: 'marketing',
      period: 'month',
      targetVariable: '24000',
      quota: undefined,
      components: [{ id: 'efficiency', metric: 'blended_cac', weight: 1, target }],
    },
    'marketing-plan',
  );

const spendRow = (date: string, amount: string, fn = 'marketing') =>
  row({ date, period: 'month', function: fn, source: 'paid_search', campaign: null, amount, currency: 'USD' });
const wonDeal = (id: string, closed: string) => ({
  id,
  account_id: `acct-${id}`,
  owner_id: 'ae1',
  amount: '1000',
  currency: 'USD',
  won: true,
  created_at: '2025-12-01T00:00:00Z',
  closed_at: closed,
});

function data() {
  const d = pipeline({
    users: [{ id: 'm1', name: 'Marketer', role: 'marketer', team: 'marketing' }],
    opportunities: [
      wonDeal('o1', '2026-01-05T10:00:00Z'),
      wonDeal('o2', '2026-01-12T10:00:00Z'),
      wonDeal('o3', '2026-01-20T10:00:00Z'),
    ],
  });
  d.spend.push(spendRow('2026-01-01', '6000'), spendRow('2026-02-01', '4000'));
  return d;
}

const run = (p: Policy<'CompPlan'>, f = funnel()) =>
  evaluate(policySet(f, p), data(), {
    from: '2026-01-01T00:00:00Z',
    asOf: '2026-03-01T00:00:00Z',
    periodUnit: 'month',
  });

describe('blended_cac comp metric', () => {
  it('pays target ÷ CAC per period, from the CAC engine, and a period without customers is unknown, not 0', () => {
    const report = run(marketingPlan('2500'));
    const comp = report.comp!;
    expect(lineOf(comp, 'm1', '2026-01').components[0]).toMatchObject({
      metric: 'blended_cac',
      value: '2000.00',
      target: '2500.00',
      attainment: 1.25,
      isUnknown: false,
      payout: '2500.00',
    });
    expect(lineOf(comp, 'm1', '2026-02').components[0]).toMatchObject({
      attainment: null,
      isUnknown: true,
      payout: '0.00',
    });
    expect(comp.countedAsZero).toEqual(['blended_cac']);
    const warning = comp.warnings.find((w) => w.code === 'comp.cac-unknown');
    expect(warning).toEqual({
      code: 'comp.cac-unknown',
      period: '2026-02',
      reason: 'no-customers',
      plan: 'marketing-plan',
    });
    expect(phraseWarning(warning!)).toContain('blended_cac is unknown for 2026-02 (no new customers won)');
    // The same figure as the report's own CAC section: one computation.
    expect(report.cac?.periods.find((p) => p.label === '2026-01')?.blended.value).toBe('2000.00');
  });

  it('pays more the lower CAC is: a higher CAC against the same target pays less', () => {
    // CAC 2,000 against a target of 1,000 → attainment 0.5 → 1,000.00.
    expect(lineOf(run(marketingPlan('1000')).comp!, 'm1', '2026-01').components[0]).toMatchObject({
      attainment: 0.5,
      payout: '1000.00',
    });
  });

  it('a spend in another currency than the plan is unknown, never compared with the target', () => {
    const report = evaluate(
      policySet(funnel(), marketingPlan('2500')),
      (() => {
        const d = data();
        d.spend.length = 0;
        d.spend.push(
          row({ date: '2026-01-01', period: 'month', function: 'marketing', amount: '6000', currency: 'EUR' }),
        );
        return d;
      })(),
      { from: '2026-01-01T00:00:00Z', asOf: '2026-03-01T00:00:00Z', periodUnit: 'month' },
    );
    expect(lineOf(report.comp!, 'm1', '2026-01').components[0]).toMatchObject({ isUnknown: true, payout: '0.00' });
    expect(report.comp!.warnings).toContainEqual(
      expect.objectContaining({ code: 'comp.cac-unknown', period: '2026-01', reason: 'other-currency' }),
    );
  });

  it('a sales capacity change moves sales cost, CAC and the payout', () => {
    // Sales cost without sales spend rows: headcount × 73,000 ÷ 365 = 200 a head a day; January 31 days.
    // 1 head: (6,000 + 6,200) ÷ 3 = 4,066.67 → 2,000 × 5,000 ÷ 4,066.67 = 2,459.01.
    // 2 heads: (6,000 + 12,400) ÷ 3 = 6,133.33 → 2,000 × 5,000 ÷ 6,133.33 = 1,630.44.
    const payout = (headcount: number) => {
      const f = funnel({ opportunity: { headcount, perPersonPerWeek: 5 } });
      f.spec.projection = { costPerHead: { ae: '73000' } };
      return lineOf(run(marketingPlan('5000'), f).comp!, 'm1', '2026-01').components[0];
    };
    expect(payout(1)).toMatchObject({ value: '4066.67', payout: '2459.01' });
    expect(payout(2)).toMatchObject({ value: '6133.33', payout: '1630.44' });
  });

  it('prices heads with the cost set given (an impact passes the base’s): a head cannot reprice its own heads', () => {
    const priced = (cost: string) => {
      const f = funnel({ opportunity: { headcount: 1, perPersonPerWeek: 5 } });
      f.spec.projection = { costPerHead: { ae: cost } };
      return f;
    };
    const base = policySet(priced('73000'), marketingPlan('5000'));
    const head = policySet(priced('146000'), marketingPlan('5000'));
    const options = {
      from: ms('2026-01-01T00:00:00Z'),
      asOf: ms('2026-03-01T00:00:00Z'),
      periodUnit: 'month' as const,
    };
    const stamp = { engineVersion: '0.0.0', policyHash: 'p', dataHash: 'd' };
    const pay = (set: typeof base, costSet?: typeof base) =>
      lineOf(
        evaluatePipeline(set, prepareData(data()), {
          ...options,
          timeZone: 'UTC',
          calendars: new Map(),
          stamp,
          ...(costSet === undefined ? {} : { costSet }),
        }).comp!,
        'm1',
        '2026-01',
      ).components[0]?.payout;
    expect(pay(head)).not.toBe('2459.01'); // its own doubled cost per head: a higher CAC
    expect(pay(head, base)).toBe('2459.01'); // priced by the base: as under the base
  });
});
