import { describe, expect, it } from 'vitest';
import { measureCac } from '../../../../src/core/engine/cac.js';
import type { CacInput } from '../../../../src/core/engine/cac.js';
import { listPeriods } from '../../../../src/core/engine/periods.js';
import type { Row } from '../../../../src/core/data/types.js';
import { funnel, ms, policySet, row } from '../helpers.js';

/*
 * Hand-computed: monthly periods January–April 2026 (UTC). AEs: 2 heads at 73,000 a year = 400 a day,
 * the sales cost of every month without a sales spend row (February 11,200, March 12,400, April 12,000).
 */
const start = ms('2026-01-01T00:00:00Z');
const end = ms('2026-05-01T00:00:00Z');
const window = { start, end };
const spend = (
  date: string,
  period: string | null,
  fn: string,
  source: string | null,
  campaign: string | null,
  amount: string,
  currency = 'USD',
) => row({ date, period, function: fn, source, campaign, amount, currency });

const spendRows: Row[] = [
  spend('2026-01-01', 'month', 'marketing', 'paid_search', 'brand', '3100'),
  spend('2026-02-01', 'month', 'marketing', 'paid_search', 'brand', '2800'),
  spend('2026-01-01', 'month', 'sales', null, null, '6000'),
  spend('2026-02-15', null, 'marketing', 'events', 'expo', '1000'),
  spend('2025-12-01', 'month', 'marketing', 'paid_search', 'brand', '999'),
];
const leads: Row[] = [
  row({ id: 'L1', created_at: ms('2026-01-05T10:00:00Z'), source: 'paid_search', campaign: 'brand' }),
  row({ id: 'L2', created_at: ms('2026-01-10T10:00:00Z'), source: 'paid_search', campaign: 'other' }),
  row({ id: 'L3', created_at: ms('2026-02-15T10:00:00Z'), source: 'events', campaign: 'expo' }),
  row({ id: 'L4', created_at: ms('2026-02-01T10:00:00Z'), source: 'organic', campaign: null }),
];
const won = (id: string, account: string, lead: number, closed: string, source: string | null = null) =>
  row({ id, account_id: account, lead_id: lead < 0 ? null : `L${lead + 1}`, won: true, closed_at: ms(closed), source });
const opportunities: Row[] = [
  won('o1', 'A1', 0, '2026-01-20T12:00:00Z'),
  won('o2', 'A2', 1, '2026-02-10T12:00:00Z'),
  won('o3', 'A3', 2, '2026-02-25T12:00:00Z'),
  won('o4', 'A1', -1, '2026-02-20T12:00:00Z'), // the account's second win: no new customer
  won('o5', 'A4', -1, '2026-02-21T12:00:00Z', 'expansion'),
  won('o6', 'A5', 3, '2026-03-05T12:00:00Z'),
  row({ id: 'o7', account_id: 'A6', lead_id: 'L1', won: false, closed_at: ms('2026-03-06T12:00:00Z') }),
];

function input(rows: Row[]): CacInput {
  const base = funnel({ opportunity: { headcount: 2, perPersonPerWeek: 5 } });
  base.spec.projection = { costPerHead: { ae: '73000' } };
  const set = policySet(base);
  return {
    spend: rows,
    opportunities,
    leads,
    leadOfOpportunity: Int32Array.from([0, 1, 2, -1, -1, 3, 0]),
    periods: listPeriods('month', window, 'UTC'),
    window,
    asOf: end - 1,
    timeZone: 'UTC',
    set,
    costSet: set,
  };
}

const value = (f: { value: string | null; unknown: string | null }) => f.value ?? `— ${f.unknown}`;

describe('CAC', () => {
  const cac = measureCac(input(spendRows));

  it("divides each month's spend by the new customers won in it (no lag), sales cost from rows where a month has them", () => {
    expect(
      cac.periods.map((p) => [
        p.label,
        p.spend.total,
        p.salesCostBasis,
        p.customers,
        value(p.blended),
        value(p.marketing),
        value(p.sales),
        value(p.paid),
      ]),
    ).toEqual([
      ['2026-01', '9100.00', 'spend', 1, '9100.00', '3100.00', '6000.00', '3100.00'],
      ['2026-02', '15000.00', 'headcount', 2, '7500.00', '1900.00', '5600.00', '1900.00'],
      ['2026-03', '12400.00', 'headcount', 1, '12400.00', '— no-spend', '12400.00', '— no-spend'],
      ['2026-04', '12000.00', 'headcount', 0, '— no-customers', '— no-spend', '— no-customers', '— no-spend'],
    ]);
    expect(cac.rows).toEqual({ read: 5, outsideWindow: 1 });
    expect(cac.currency).toBe('USD');
  });

  it("offers the cohort variant: spend of the month the won customer's lead arrived in", () => {
    expect(cac.periods.map((p) => [p.cohortCustomers, value(p.cohort)])).toEqual([
      [2, '4550.00'],
      [2, '7500.00'],
      [0, '— no-customers'],
      [0, '— no-customers'],
    ]);
  });

  it('names blended and paid CAC over the window, and CAC per source and campaign where spend names them', () => {
    expect(cac.window).toMatchObject({
      spend: { marketing: '6900.00', sales: '41600.00', total: '48500.00', paid: '6900.00' },
      salesCostBasis: 'mixed',
      customers: 4,
      paidCustomers: 3,
      blended: { value: '12125.00', unknown: null },
      paid: { value: '2300.00', unknown: null },
    });
    expect(cac.paidSources).toEqual(['events', 'paid_search']);
    expect(cac.bySource.map((c) => [c.source, c.spend, c.customers, value(c.cac)])).toEqual([
      ['events', '1000.00', 1, '1000.00'],
      ['paid_search', '5900.00', 2, '2950.00'],
    ]);
    expect(cac.byCampaign.map((c) => [c.source, c.campaign, c.customers, value(c.cac)])).toEqual([
      ['events', 'expo', 1, '1000.00'],
      ['paid_search', 'brand', 1, '5900.00'],
    ]);
  });

  it('spreads a quarter row over the months by days, exactly', () => {
    const q = measureCac(input([spend('2026-01-01', 'quarter', 'marketing', 'partner', null, '900')]));
    // 90 days: January 31, February 28, March 31 → 310, 280, 310.
    expect(q.periods.map((p) => p.spend.marketing)).toEqual(['310.00', '280.00', '310.00', '0.00']);
  });

  it('rejects spend in more than one currency: no rate is declared, so every figure is unknown', () => {
    const mixed = measureCac(
      input([...spendRows, spend('2026-01-03', null, 'marketing', 'events', null, '10', 'EUR')]),
    );
    expect(mixed.unknown).toBe('mixed-currencies');
    expect(mixed.currencies).toEqual(['EUR', 'USD']);
    expect(mixed.currency).toBeNull();
    expect(mixed.periods.every((p) => p.blended.unknown === 'mixed-currencies' && p.blended.value === null)).toBe(true);
  });

  it('is unknown without spend rows, even where headcount would price sales', () => {
    const none = measureCac(input([]));
    expect(none.unknown).toBe('no-spend');
    expect(value(none.window.blended)).toBe('— no-spend');
    expect(value(none.periods[0]!.sales)).toBe('— no-spend');
  });
});
