import { describe, expect, it } from 'vitest';
import { computeComp } from '../../../../src/core/engine/comp/index.js';
import type { CompMetric } from '../../../../src/core/report/comp.js';
import { context, ms, pipeline, plan } from './helpers.js';

const at = (iso: string) => ms(`${iso}T12:00:00Z`);
const opportunity = (id: string, lead: string | null, created: string, amount: string, closedWon?: string) => ({
  id,
  lead_id: lead,
  owner_id: 'A',
  amount,
  currency: 'USD',
  created_at: at(created),
  closed_at: closedWon === undefined ? null : at(closedWon),
  won: closedWon === undefined ? null : true,
});

const data = pipeline({
  users: [
    { id: 'S1', name: 'SDR 1', role: 'sdr', team: null },
    { id: 'S2', name: 'SDR 2', role: 'sdr', team: null },
    { id: 'A', name: 'AE', role: 'ae', team: null },
    { id: 'M', name: 'Marketer', role: 'marketing', team: 'marketing' },
  ],
  leads: [
    {
      id: 'L1',
      owner_id: 'S1',
      source: 'organic',
      created_at: at('2026-01-02'),
      sal_at: at('2026-01-05'),
      sql_at: at('2026-01-10'),
    },
    {
      id: 'L2',
      owner_id: 'S2',
      source: 'outbound',
      created_at: at('2026-01-02'),
      sal_at: at('2026-02-01'),
      sql_at: null,
    },
    { id: 'L3', owner_id: null, source: 'paid_search', created_at: at('2026-01-02'), sal_at: null, sql_at: null },
    { id: 'L4', owner_id: 'S1', source: null, created_at: at('2026-01-02'), sal_at: null, sql_at: null },
  ],
  opportunities: [
    opportunity('O1', 'L1', '2026-01-20', '1000', '2026-02-10'), // lead owned by S1, inbound
    opportunity('O2', 'L2', '2026-02-05', '2000'), // lead owned by S2, outbound, open
    opportunity('O3', null, '2026-02-06', '3000', '2026-03-01'), // no lead: the AE sourced it
    opportunity('O4', 'L3', '2026-03-02', '4000', '2026-03-20'), // lead without owner, inbound
    opportunity('O5', 'missing', '2026-03-03', '500'), // lead not in the data
    opportunity('O6', 'L4', '2026-03-04', '600', '2026-03-05'), // lead owned by S1, source unknown
  ],
  activities: [
    { id: 'a1', type: 'meeting', outcome: 'held', actor_id: 'S1', at: at('2026-01-07') },
    { id: 'a2', type: 'meeting', outcome: 'no_show', actor_id: 'S1', at: at('2026-01-08') },
    { id: 'a3', type: 'call', outcome: 'held', actor_id: 'S1', at: at('2026-01-09') },
    { id: 'a4', type: 'meeting', outcome: 'held', actor_id: 'A', at: at('2026-02-02') },
  ],
});

const metrics: CompMetric[] = [
  'won_amount',
  'opportunities_created',
  'sourced_pipeline_amount',
  'sourced_won_amount',
  'sal_count',
  'sql_count',
  'meetings_held',
];
const everyMetric = plan(
  {
    roles: ['sdr', 'ae'],
    team: 'sales',
    period: 'month',
    components: metrics.map((metric) => ({ id: metric, metric, weight: 1 / metrics.length })),
  },
  'every-metric',
);

/** Person → period → the metrics' values, in the order of `metrics`. */
function valuesOf(metricsPlan = everyMetric): Record<string, Record<string, string[]>> {
  const section = computeComp([metricsPlan], context(data));
  return Object.fromEntries(
    section.plans[0]?.people.map((p) => [
      p.id,
      Object.fromEntries(p.periods.map((l) => [l.period, l.components.map((c) => c.value)])),
    ]) ?? [],
  );
}

describe('credit rules', () => {
  it('credits each metric as documented', () => {
    // won_amount, opportunities_created, sourced_pipeline_amount, sourced_won_amount, sal_count, sql_count, meetings_held
    expect(valuesOf()).toEqual({
      A: {
        '2026-01': ['0.00', '0', '0.00', '0.00', '0', '0', '0'],
        // O1 won (owner A); O3 created with no lead → A
        '2026-02': ['1000.00', '1', '3000.00', '0.00', '0', '0', '1'],
        // won O3 + O4 + O6; created O4 (lead unowned) and O5 (lead missing) → A; sourced won O3 + O4
        '2026-03': ['7600.00', '2', '4500.00', '7000.00', '0', '0', '0'],
      },
      S1: {
        '2026-01': ['0.00', '1', '1000.00', '0.00', '1', '1', '1'],
        '2026-02': ['0.00', '0', '0.00', '1000.00', '0', '0', '0'],
        '2026-03': ['0.00', '1', '600.00', '600.00', '0', '0', '0'],
      },
      S2: {
        '2026-01': ['0.00', '0', '0.00', '0.00', '0', '0', '0'],
        '2026-02': ['0.00', '1', '2000.00', '0.00', '1', '0', '0'],
        '2026-03': ['0.00', '0', '0.00', '0.00', '0', '0', '0'],
      },
    });
  });

  it('credits a plan whose people own no leads with every inbound deal, each of them in full', () => {
    const marketing = plan(
      {
        roles: ['marketing'],
        team: 'marketing',
        period: 'month',
        quota: undefined,
        components: [
          { id: 'won', metric: 'sourced_won_amount', weight: 0.5, target: '12000' },
          { id: 'pipe', metric: 'sourced_pipeline_amount', weight: 0.5, target: '12000' },
        ],
      },
      'marketing',
    );
    const section = computeComp([marketing], context(data));
    expect(section.plans[0]?.isTeamCredit).toBe(true);
    // inbound: O1 (organic) and O4 (paid_search); O6's lead has no source, O3 has no lead, O2 is outbound
    expect(valuesOf(marketing)).toEqual({
      M: { '2026-01': ['0.00', '1000.00'], '2026-02': ['1000.00', '0.00'], '2026-03': ['4000.00', '4000.00'] },
    });
    // March: sourced won 4,000 of a 1,000 monthly target → 4 × (40,000 / 12) × 0.5 = 6,666.666… → 6,666.67
    expect(section.plans[0]?.people[0]?.periods[2]?.components[0]).toMatchObject({
      target: '1000.00',
      attainment: 4,
      payout: '6666.67',
    });
  });
});
