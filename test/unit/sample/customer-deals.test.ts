import { describe, expect, it } from 'vitest';
import { collectSample, toNewYork } from './collect.js';

const asOf = '2026-05-01T04:00:00Z'; // midnight after 30 April in New York
const data = collectSample({ leads: 3000, seed: 8, days: 120, opportunities: 900 });
const fromLeads = data.opportunities.filter((o) => o.lead_id !== null);
const fromCustomers = data.opportunities.filter((o) => o.lead_id === null);
const usersById = new Map(data.users.map((u) => [u.id, u]));

describe('--opportunities: expansion and renewal deals with customers', () => {
  it('tops the lead-sourced opportunities up to exactly the requested number, numbered on', () => {
    expect(fromLeads.length).toBeGreaterThan(10);
    expect(data.opportunities).toHaveLength(900);
    expect(data.opportunities.map((o) => o.id)).toEqual(
      data.opportunities.map((_, i) => `OPP${String(i + 1).padStart(6, '0')}`),
    );
    expect(data.opportunities.slice(fromLeads.length).every((o) => o.lead_id === null)).toBe(true);
  });

  it('adds none when the leads already yield enough, and leaves the lead-sourced rows as they were', () => {
    const plain = collectSample({ leads: 3000, seed: 8, days: 120 });
    expect(collectSample({ leads: 3000, seed: 8, days: 120, opportunities: 5 }).opportunities).toEqual(
      plain.opportunities,
    );
    expect(fromLeads).toEqual(plain.opportunities);
    expect(data.leads).toEqual(plain.leads);
  });

  it('sells them to existing customers, owned by an AE, as source expansion', () => {
    const customers = new Set(data.leads.filter((l) => l.is_customer).map((l) => l.company));
    const prospects = new Set(data.leads.filter((l) => !l.is_customer && l.company !== null).map((l) => l.company));
    const companyOf = (name: string) => name.replace(/ - Lumen \w+ (renewal|expansion)$/, '');
    expect(fromCustomers.every((o) => o.source === 'expansion' && /^ACC\d{6}$/.test(o.account_id))).toBe(true);
    expect(fromCustomers.every((o) => usersById.get(o.owner_id)?.role === 'ae')).toBe(true);
    expect(fromCustomers.some((o) => customers.has(companyOf(o.name)))).toBe(true);
    expect(fromCustomers.filter((o) => prospects.has(companyOf(o.name)))).toEqual([]);
    const renewals = fromCustomers.filter((o) => o.name.endsWith(' renewal'));
    expect(renewals.length / fromCustomers.length).toBeGreaterThan(0.3);
    expect(renewals.length / fromCustomers.length).toBeLessThan(0.5);
  });

  it('spreads them over the business days of the period, with some still open at the export', () => {
    const created = fromCustomers.map((o) => o.created_at);
    expect([...created].sort()).toEqual(created);
    expect(new Set(created.map((c) => toNewYork(c).month)).size).toBe(4);
    expect(created.every((c) => toNewYork(c).weekday <= 5)).toBe(true);
    const open = fromCustomers.filter((o) => o.closed_at === null);
    expect(open.length).toBeGreaterThan(20);
    expect(open.every((o) => o.stage === 'opportunity' && o.won === null && o.close_reason === null)).toBe(true);
    for (const o of fromCustomers.filter((c) => c.closed_at !== null)) {
      expect((o.closed_at as string) > o.created_at && (o.closed_at as string) < asOf).toBe(true);
      expect(o.stage).toBe(o.won === true ? 'won' : 'lost');
    }
    const won = (kind: string) => fromCustomers.filter((o) => o.name.endsWith(kind) && o.won !== null);
    const winRate = (deals: typeof fromCustomers) => deals.filter((o) => o.won === true).length / deals.length;
    expect(winRate(won(' renewal'))).toBeGreaterThan(0.75);
    expect(winRate(won(' expansion'))).toBeLessThan(0.65);
  });

  it('gives each deal its AE calls, emails and meetings, after it opens and before it closes', () => {
    const byId = new Map(fromCustomers.map((o) => [o.id, o]));
    const onCustomerDeals = data.activities.filter((a) => a.lead_id === null);
    expect(onCustomerDeals.length / fromCustomers.length).toBeGreaterThan(1.2);
    expect(onCustomerDeals.length / fromCustomers.length).toBeLessThan(2);
    for (const a of onCustomerDeals) {
      const deal = byId.get(a.opportunity_id ?? '');
      expect(deal?.owner_id).toBe(a.actor_id);
      expect(['call', 'email', 'meeting']).toContain(a.type);
      expect(a.at > (deal?.created_at as string) && a.at < (deal?.closed_at ?? asOf)).toBe(true);
      const local = toNewYork(a.at);
      expect(
        local.weekday <= 5 &&
          local.hour * 60 + local.minute >= 8 * 60 + 30 &&
          local.hour * 60 + local.minute <= 17 * 60 + 30,
      ).toBe(true);
    }
  });

  it('prices them as exact decimals: renewals near a subscription, upsells smaller', () => {
    const amounts = (kind: string) => fromCustomers.filter((o) => o.name.endsWith(kind)).map((o) => Number(o.amount));
    expect(fromCustomers.every((o) => /^\d+\.\d{2}$/.test(o.amount) && Number(o.amount) > 0)).toBe(true);
    const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(average(amounts(' expansion'))).toBeLessThan(0.5 * average(amounts(' renewal')));
  });
});
