import { describe, expect, it } from 'vitest';
import { splitAmount } from '../../../../src/core/engine/attribution.js';
import { Dec } from '../../../../src/core/engine/comp/money.js';
import type { AttributionSection, AttributionTable } from '../../../../src/core/report/attribution.js';
import { evaluate, funnel, pipeline, policy, policySet } from '../helpers.js';

/**
 * L1 (paid_search, campaign c1, created 01-05) is touched by c2 (paid_social, 01-10) and c3
 * (events, 01-15) before its opportunity O1 (01-20, 100.00 USD, won 02-01); c4 (01-25) comes
 * after the opportunity and counts for nothing. L2 (outbound, no campaign) has O2 (50.00 USD,
 * open) and O3 (30.00 EUR, open). O4 has no lead. O5 was created before the window.
 */
const data = pipeline({
  leads: [
    { id: 'L1', created_at: '2026-01-05T00:00Z', source: 'paid_search', campaign: 'c1' },
    { id: 'L2', created_at: '2026-01-06T00:00Z', source: 'outbound' },
  ],
  activities: [
    { id: 'A4', lead_id: 'L1', type: 'ad_click', at: '2026-01-25T00:00Z', campaign: 'c4', source: 'paid_social' },
    { id: 'A2', lead_id: 'L1', type: 'webinar', at: '2026-01-15T00:00Z', campaign: 'c3', source: 'events' },
    { id: 'A1', lead_id: 'L1', type: 'ad_click', at: '2026-01-10T00:00Z', campaign: 'c2', source: 'paid_social' },
    { id: 'A0', lead_id: 'L1', type: 'call', at: '2026-01-11T00:00Z' },
  ],
  opportunities: [
    {
      id: 'O1',
      lead_id: 'L1',
      amount: '100.00',
      currency: 'USD',
      created_at: '2026-01-20T00:00Z',
      closed_at: '2026-02-01T00:00Z',
      won: true,
    },
    { id: 'O2', lead_id: 'L2', amount: '50.00', currency: 'USD', created_at: '2026-01-22T00:00Z' },
    { id: 'O3', lead_id: 'L2', amount: '30.00', currency: 'EUR', created_at: '2026-01-23T00:00Z' },
    { id: 'O4', amount: '20.00', currency: 'USD', created_at: '2026-01-24T00:00Z' },
    { id: 'O5', lead_id: 'L1', amount: '999.00', currency: 'USD', created_at: '2025-12-01T00:00Z' },
  ],
});
const window = { from: '2026-01-01T00:00Z', asOf: '2026-03-01T00:00Z' };

function attributionOf(set = policySet(funnel())): AttributionSection {
  const a = evaluate(set, data, window).attribution;
  if (a === null) throw new Error('no attribution');
  return a;
}

function tableOf(a: AttributionSection, model: AttributionTable['model'], dimension: AttributionTable['dimension']) {
  const table = a.tables.find((t) => t.model === model && t.dimension === dimension);
  if (table === undefined) throw new Error(`no ${model} ${dimension}`);
  return table.rows;
}

describe('attribution of a lead with three campaign touches', () => {
  const a = attributionOf();

  it('counts the deals of the window and the touches before the opportunity only', () => {
    // Pipeline O1–O4 (O5 is older); won O1; O4 has no lead; A1 and A2 touch before O1 (A4 after, A0 no campaign).
    expect(a.deals).toEqual({ pipeline: 4, won: 1, withoutLead: 1, withoutAmount: 0 });
    expect(a.activityTouches).toBe(2);
    expect(a.multiTouchUnknown).toBeNull();
  });

  it('first-touch credits the lead’s own campaign, in each currency apart', () => {
    // Rows by currency, then by won and pipeline amount. O2 (50.00) and O4 (20.00, no lead) have no campaign.
    expect(tableOf(a, 'first-touch', 'campaign')).toEqual([
      { key: null, currency: 'EUR', pipelineDeals: 1, pipelineAmount: '30.00', wonDeals: 0, wonAmount: '0.00' },
      { key: 'c1', currency: 'USD', pipelineDeals: 1, pipelineAmount: '100.00', wonDeals: 1, wonAmount: '100.00' },
      { key: null, currency: 'USD', pipelineDeals: 2, pipelineAmount: '70.00', wonDeals: 0, wonAmount: '0.00' },
    ]);
  });

  it('last-touch credits the latest campaign touch before the opportunity (c3, not c4)', () => {
    const rows = tableOf(a, 'last-touch', 'campaign');
    expect(rows.find((r) => r.key === 'c3')).toEqual({
      key: 'c3',
      currency: 'USD',
      pipelineDeals: 1,
      pipelineAmount: '100.00',
      wonDeals: 1,
      wonAmount: '100.00',
    });
    expect(rows.some((r) => r.key === 'c1' || r.key === 'c4')).toBe(false);
  });

  it('linear gives each of the three touches a third, the odd cent to the first', () => {
    // 100.00 ÷ 3 = 33.33 r 0.01: c1 33.34, c2 33.33, c3 33.33; a third of a deal each.
    const rows = tableOf(a, 'linear', 'campaign').filter((r) => r.key !== null);
    expect(rows).toEqual([
      {
        key: 'c1',
        currency: 'USD',
        pipelineDeals: 0.3333,
        pipelineAmount: '33.34',
        wonDeals: 0.3333,
        wonAmount: '33.34',
      },
      {
        key: 'c2',
        currency: 'USD',
        pipelineDeals: 0.3333,
        pipelineAmount: '33.33',
        wonDeals: 0.3333,
        wonAmount: '33.33',
      },
      {
        key: 'c3',
        currency: 'USD',
        pipelineDeals: 0.3333,
        pipelineAmount: '33.33',
        wonDeals: 0.3333,
        wonAmount: '33.33',
      },
    ]);
    const bySource = tableOf(a, 'linear', 'source');
    expect(bySource.find((r) => r.key === 'paid_search')?.wonAmount).toBe('33.34');
    expect(bySource.find((r) => r.key === 'events')?.wonAmount).toBe('33.33');
    // L2's only touch is its own source: all of O2 goes to outbound.
    expect(bySource.find((r) => r.key === 'outbound' && r.currency === 'USD')?.pipelineAmount).toBe('50.00');
  });

  it('splits marketing- and sales-sourced by the lead’s own source, per currency', () => {
    const usd = a.sourced.find((s) => s.basis === 'pipeline' && s.currency === 'USD');
    // Marketing O1 100.00; sales (outbound) O2 50.00; unattributed O4 20.00 (no lead): of 170.00 and 3 deals.
    expect(usd?.marketing).toEqual({ deals: 1, amount: '100.00', dealShare: 0.3333, amountShare: 0.5882 });
    expect(usd?.sales).toEqual({ deals: 1, amount: '50.00', dealShare: 0.3333, amountShare: 0.2941 });
    expect(usd?.unattributed).toEqual({ deals: 1, amount: '20.00', dealShare: 0.3333, amountShare: 0.1176 });
    const eur = a.sourced.find((s) => s.basis === 'pipeline' && s.currency === 'EUR');
    expect(eur?.sales).toEqual({ deals: 1, amount: '30.00', dealShare: 1, amountShare: 1 });
    const won = a.sourced.find((s) => s.basis === 'won' && s.currency === 'USD');
    expect(won?.marketing.amountShare).toBe(1);
    expect(a.sourcing).toEqual({ sales: ['outbound'], unattributed: [], basis: 'default' });
  });

  it('follows the sources the Funnel declares as sales-sourced', () => {
    const f = funnel();
    const declared = policy('Funnel', f.metadata.name, {
      ...f.spec,
      sourcing: { sales: ['paid_search'], unattributed: ['outbound'] },
    });
    const b = attributionOf(policySet(declared));
    expect(b.sourcing).toEqual({ sales: ['paid_search'], unattributed: ['outbound'], basis: 'declared' });
    const usd = b.sourced.find((s) => s.basis === 'pipeline' && s.currency === 'USD');
    // O1 (paid_search) is sales-sourced now; O2 (outbound, declared to name no source) joins O4 unattributed.
    expect(usd?.sales.amount).toBe('100.00');
    expect(usd?.marketing).toMatchObject({ deals: 0, amount: '0.00' });
    expect(usd?.unattributed).toMatchObject({ deals: 2, amount: '70.00' });
  });
});

describe('attribution without campaign touches', () => {
  it('gives first-touch only and says why', () => {
    const plain = pipeline({
      leads: [{ id: 'L1', created_at: '2026-01-05T00:00Z', source: 'organic' }],
      opportunities: [{ id: 'O1', lead_id: 'L1', created_at: '2026-01-20T00:00Z' }],
    });
    const a = evaluate(policySet(funnel()), plain, window).attribution;
    expect(a?.multiTouchUnknown).toBe('no-campaign-touches');
    expect(a?.tables.map((t) => t.model)).toEqual(['first-touch', 'first-touch']);
    // No amount on the deal: unknown, not 0.
    expect(a?.tables[0]?.rows[0]).toMatchObject({ key: 'organic', pipelineDeals: 1, pipelineAmount: null });
  });
});

describe('splitAmount', () => {
  it.each([
    ['100.00', 3, ['33.34', '33.33', '33.33']],
    ['0.02', 3, ['0.01', '0.01', '0']],
    ['10.005', 2, ['5.003', '5.002']],
  ])('%s in %i shares adds back up exactly', (amount, of, parts) => {
    const shares = Array.from({ length: of }, (_, k) => splitAmount(new Dec(amount), k, of));
    expect(shares.map((s) => s.toString())).toEqual(parts);
    expect(shares.reduce((x, y) => x.plus(y)).equals(new Dec(amount))).toBe(true);
  });
});

describe('attribution past its cost bound', () => {
  it('gives first-touch in full and last-touch and linear as — when paths would hold too many touches', () => {
    // One lead, 1,000 campaign touches, then 1,001 deals: 1,001,000 path touches, over the 1,000,000 bound.
    const activities = Array.from({ length: 1000 }, (_, i) => ({
      id: `A${i}`,
      lead_id: 'L1',
      type: 'ad_click',
      at: new Date(Date.parse('2026-01-02T00:00Z') + i * 60_000).toISOString(),
      campaign: `c${i % 7}`,
      source: 'paid_social',
    }));
    const opportunities = Array.from({ length: 1001 }, (_, i) => ({
      id: `O${i}`,
      lead_id: 'L1',
      amount: '10.00',
      currency: 'USD',
      created_at: '2026-01-20T00:00Z',
    }));
    const big = pipeline({
      leads: [{ id: 'L1', created_at: '2026-01-01T00:00Z', source: 'paid_search', campaign: 'c1' }],
      activities,
      opportunities,
    });
    const a = evaluate(policySet(funnel()), big, window).attribution;
    expect(a?.multiTouchUnknown).toBe('too-many-touches');
    expect(a?.activityTouches).toBe(1_001_000);
    expect(a?.tables.map((t) => t.model)).toEqual(['first-touch', 'first-touch']);
    // First-touch credits every deal to the lead's own source: 1,001 × 10.00.
    const bySource = a?.tables.find((t) => t.dimension === 'source')?.rows;
    expect(bySource?.map((r) => [r.key, r.currency, r.pipelineDeals, r.pipelineAmount])).toEqual([
      ['paid_search', 'USD', 1001, '10010.00'],
    ]);
  }, 60_000);
});
