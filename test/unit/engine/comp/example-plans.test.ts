import { phraseWarning } from '../../../../src/reporters/phrase-warning.js';
import { describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../../../src/cli/cli-io.js';
import { computeComp } from '../../../../src/core/engine/comp/index.js';
import { Dec } from '../../../../src/core/engine/comp/money.js';
import { loadPolicyDir } from '../../../../src/core/policy/load.js';
import { examplePolicies } from '../../../helpers/paths.js';
import { context, lineOf, ms, pipeline } from './helpers.js';

/*
 * The three example plans over Q1 2026 in New York, by hand.
 *
 * Shared goal stub: Q1 0.85; January 0.6, February 1.0, March 0.95. Constraint stub: met in
 * January, missed in February, unknown in March.
 *
 * ae-new-business (quarter: target variable 30,000, quota 150,000):
 *   ae1 won OA1 120,000 (10 Feb, cancelled 20 Mar) + OA2 60,000 (5 Mar, 24 months) = 180,000 → attainment 1.2
 *     new-business: marginal 0.5×0.6 + 0.5×1 + 0.2×1.6 = 1.12 → 30,000 × 0.8 × 1.12 = 26,880.00
 *     shared-goal: 0.85 ≥ 0.7 → 30,000 × 0.2 × 0.85 = 5,100.00
 *     SPIF multi-year-h1 on OA2: 1,500.00
 *     clawback of OA1 (38 days after close): 26,880 × 120,000 / 180,000 = −17,920.00
 *     total 26,880 + 5,100 + 1,500 − 17,920 = 15,560.00
 *   ae2 won OA3 30,000 (20 Jan, 36 months, no lead) → attainment 0.2 → factor 0.12
 *     30,000 × 0.8 × 0.12 = 2,880.00 + 5,100.00 + SPIF 1,500.00 = 9,480.00
 *   plan: 25,040.00
 *
 * sdr-pipeline (month: target variable 2,250, quota 8 opportunities, sourced target 33,333.33…):
 *   sdr1 Jan: 8 created → 1.0 → rate 1 → 1,350.00; constraint met 450.00          → 1,800.00
 *        Feb: 10 created → 1.25 → rate 1.3 → 1.625 → 2,193.75; sourced OA1 120,000 → 3.6
 *             → 2,250 × 0.2 × 3.6 = 1,620.00; sum 3,813.75 × 1.1 (goal 1.0 ≥ 1)     → 4,195.13
 *        Mar: 0 created; sourced OA2 60,000 → 1.8 → 810.00                          →   810.00
 *   sdr2 Jan: 4 created → 0.5 → rate 0.5 → 0.25 → 337.50; constraint 450.00         →   787.50
 *        Feb: 8 created → 1,350.00 × 1.1                                             → 1,485.00
 *        Mar: 20 created → 2.5 → ×1.3 = 3.25, capped at 2 → 2,700.00                → 2,700.00
 *   plan: 6,805.13 + 4,972.50 = 11,777.63
 *
 * marketing-revenue (quarter: target variable 7,500, sourced target 300,000); mkt1 owns no
 * leads, so the team is credited with inbound won deals: OA1 (organic) 120,000 → 0.4
 *   sourced-revenue 7,500 × 0.5 × 0.4 = 1,500.00; shared-goal 7,500 × 0.5 × 0.85 = 3,187.50 → 4,687.50
 *
 * Overall: 25,040.00 + 11,777.63 + 4,687.50 = 41,505.13 USD
 */

const noon = (date: string) => ms(`${date}T17:00:00Z`); // 12:00 in New York
const user = (id: string, role: string) => ({
  id,
  name: id.toUpperCase(),
  role,
  team: role === 'marketing' ? 'marketing' : role,
});
const lead = (id: string, owner: string, source: string) => ({
  id,
  owner_id: owner,
  source,
  created_at: noon('2026-01-02'),
});
const deal = (
  id: string,
  leadId: string | null,
  created: string,
  amount: string,
  extra: Record<string, string | number | boolean | null> = {},
) => ({
  id,
  lead_id: leadId,
  owner_id: 'ae2',
  amount,
  currency: 'USD',
  created_at: noon(created),
  closed_at: null,
  won: null,
  term_months: 12,
  cancelled_at: null,
  ...extra,
});

/** `count` open opportunities created in `month` from outbound leads owned by `sdr`. */
function pipelineOf(sdr: string, month: string, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const id = `${sdr}-${month}-${i}`;
    return { lead: lead(`L-${id}`, sdr, 'outbound'), deal: deal(`P-${id}`, `L-${id}`, `2026-${month}-10`, '1000') };
  });
}

const filler = [
  ...pipelineOf('sdr1', '01', 7),
  ...pipelineOf('sdr1', '02', 9),
  ...pipelineOf('sdr2', '01', 4),
  ...pipelineOf('sdr2', '02', 7),
  ...pipelineOf('sdr2', '03', 20),
];

const data = pipeline({
  users: [user('ae1', 'ae'), user('ae2', 'ae'), user('sdr1', 'sdr'), user('sdr2', 'sdr'), user('mkt1', 'marketing')],
  leads: [
    lead('L1', 'sdr1', 'organic'),
    lead('L2', 'sdr1', 'outbound'),
    lead('L3', 'sdr2', 'paid_search'),
    ...filler.map((f) => f.lead),
  ],
  opportunities: [
    deal('OA1', 'L1', '2026-01-15', '120000', {
      owner_id: 'ae1',
      won: true,
      closed_at: noon('2026-02-10'),
      cancelled_at: noon('2026-03-20'),
    }),
    deal('OA2', 'L2', '2026-02-01', '60000', {
      owner_id: 'ae1',
      won: true,
      closed_at: noon('2026-03-05'),
      term_months: 24,
    }),
    deal('OA3', null, '2026-01-05', '30000', { won: true, closed_at: noon('2026-01-20'), term_months: 36 }),
    deal('OA4', 'L3', '2026-02-01', '40000'),
    ...filler.map((f) => f.deal),
  ],
});

const ny = (date: string) => ms(`${date}T00:00:00-05:00`);
const goalBySpan = new Map([
  [`${ny('2026-01-01')}/${ms('2026-04-01T00:00:00-04:00')}`, 0.85],
  [`${ny('2026-01-01')}/${ny('2026-02-01')}`, 0.6],
  [`${ny('2026-02-01')}/${ny('2026-03-01')}`, 1],
  [`${ny('2026-03-01')}/${ms('2026-04-01T00:00:00-04:00')}`, 0.95],
]);
const constraintByStart = new Map<number, boolean | null>([
  [ny('2026-01-01'), true],
  [ny('2026-02-01'), false],
  [ny('2026-03-01'), null],
]);

describe('the example comp plans on a small hand-made pipeline', () => {
  it('pays what was computed by hand', async () => {
    const loaded = await loadPolicyDir(examplePolicies, nodeFileIo);
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const ctx = {
      ...context(data, { timeZone: 'America/New_York', start: '2026-01-01T05:00:00Z', asOf: '2026-04-01T04:00:00Z' }),
      goal: loaded.set.RevenueGoal[0],
      goalAttainment: (start: number, end: number) => {
        const value = goalBySpan.get(`${start}/${end}`);
        return value === undefined ? null : new Dec(value);
      },
      constraintMet: (start: number) => constraintByStart.get(start) ?? null,
    };
    const section = computeComp(loaded.set.CompPlan, ctx);
    const [ae, marketing, sdr] = section.plans;
    expect(section.plans.map((p) => p.name)).toEqual(['ae-new-business', 'marketing-revenue', 'sdr-pipeline']);

    const ae1 = lineOf(ae!, 'ae1', '2026-Q1');
    expect(ae1.components.map((c) => [c.id, c.value, c.target, c.attainment, c.factor, c.payout])).toEqual([
      ['new-business', '180000.00', '150000.00', 1.2, 1.12, '26880.00'],
      ['shared-goal', '0.85', null, 0.85, 0.85, '5100.00'],
    ]);
    expect(ae1.gates).toEqual([
      {
        id: 'shared-goal-floor',
        metric: 'goal_attainment',
        value: 0.85,
        valueExact: '0.85',
        min: 0.7,
        isPassed: true,
        components: ['shared-goal'],
      },
    ]);
    expect(ae1.spiffs).toEqual([{ id: 'multi-year-h1', opportunityId: 'OA2', amount: '1500.00' }]);
    expect(ae1.clawbacks).toEqual([
      { id: 'early-cancellation', opportunityId: 'OA1', closedIn: '2026-Q1', amount: '-17920.00' },
    ]);
    expect(ae1.total).toBe('15560.00');
    expect(lineOf(ae!, 'ae2', '2026-Q1').total).toBe('9480.00');
    expect(ae?.totals.total).toBe('25040.00');

    const totals = (person: string) =>
      sdr?.people.find((p) => p.id === person)?.periods.map((l) => [l.period, l.multiplier, l.total]);
    expect(totals('sdr1')).toEqual([
      ['2026-01', 1, '1800.00'],
      ['2026-02', 1.1, '4195.13'],
      ['2026-03', 1, '810.00'],
    ]);
    expect(totals('sdr2')).toEqual([
      ['2026-01', 1, '787.50'],
      ['2026-02', 1.1, '1485.00'],
      ['2026-03', 1, '2700.00'],
    ]);
    expect(lineOf(sdr!, 'sdr2', '2026-03').components[0]).toMatchObject({
      value: '20',
      target: '8',
      attainment: 2.5,
      factor: 2,
      isCapped: true,
      payout: '2700.00',
    });
    expect(lineOf(sdr!, 'sdr1', '2026-02').components[1]).toMatchObject({
      value: '120000.00',
      target: '33333.33',
      attainment: 3.6,
      payout: '1620.00',
    });
    expect(sdr?.totals.total).toBe('11777.63');

    // Per part over the window, adding up to the plan totals:
    // ae new-business 26,880 + 2,880; shared-goal 5,100 × 2; SPIFs 1,500 × 2; clawback −17,920 → 25,040.00.
    const parts = (plan: typeof ae) => plan?.totals.parts.map((p) => [p.part, p.id, p.total]);
    expect(parts(ae)).toEqual([
      ['component', 'new-business', '29760.00'],
      ['component', 'shared-goal', '10200.00'],
      ['spiffs', null, '3000.00'],
      ['clawbacks', null, '-17920.00'],
    ]);
    // sdr qualified-pipeline 1,350 + 2,193.75 + 337.50 + 1,350 + 2,700; sourced 1,620 + 810; constraint 450 × 2;
    // multipliers (4,195.13 − 3,813.75) + (1,485 − 1,350) = 516.38 → 11,777.63.
    expect(parts(sdr)).toEqual([
      ['component', 'qualified-pipeline', '7931.25'],
      ['component', 'sourced-revenue', '2430.00'],
      ['component', 'constraint', '900.00'],
      ['multipliers', null, '516.38'],
    ]);

    expect(marketing?.isTeamCredit).toBe(true);
    expect(lineOf(marketing!, 'mkt1', '2026-Q1').components.map((c) => [c.value, c.payout])).toEqual([
      ['120000.00', '1500.00'],
      ['0.85', '3187.50'],
    ]);
    expect(marketing?.totals.total).toBe('4687.50');

    expect(section.totals.byTeam).toEqual([
      { team: 'ae', currency: 'USD', total: '25040.00' },
      { team: 'marketing', currency: 'USD', total: '4687.50' },
      { team: 'sdr', currency: 'USD', total: '11777.63' },
    ]);
    expect(section.totals.overall).toEqual([{ currency: 'USD', total: '41505.13' }]);
    expect(section.warnings.map(phraseWarning)).toEqual([
      'sdr-pipeline: constraint_target_met is unknown for 2026-03; it counts as 0.',
    ]);
  });
});
