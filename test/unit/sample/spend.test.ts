import { describe, expect, it } from 'vitest';
import { collectSample } from './collect.js';

describe('generated spend', () => {
  const sample = collectSample({ leads: 3000, seed: 3, start: '2026-01-01', days: 120 });

  it('spends per month on the campaigns the leads name, paid channels only, plus overhead on no channel', () => {
    const months = [...new Set(sample.spend.map((r) => r.date))];
    expect(months).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
    const leadCampaigns = new Set(sample.leads.map((l) => `${l.source}/${l.campaign ?? ''}`));
    for (const row of sample.spend) {
      expect(row).toMatchObject({ period: 'month', function: 'marketing', currency: 'USD' });
      expect(row.amount).toMatch(/^[0-9]+\.[0-9]{2}$/);
      if (row.source !== null) expect(leadCampaigns.has(`${row.source}/${row.campaign ?? ''}`)).toBe(true);
    }
    const sources = new Set(sample.spend.map((r) => r.source));
    expect([...sources].map(String).sort()).toEqual(['events', 'null', 'paid_search', 'paid_social', 'partner']);
    expect(sample.spend.filter((r) => r.source === null).map((r) => r.amount)).toEqual(Array(4).fill('9000.00'));
  });

  it('gives channels different costs per lead', () => {
    const perLead = (source: string) => {
      const spent = sample.spend.filter((r) => r.source === source).reduce((s, r) => s + Number(r.amount), 0);
      return spent / sample.leads.filter((l) => l.source === source).length;
    };
    expect(perLead('paid_search')).toBeGreaterThan(80);
    expect(perLead('paid_search')).toBeLessThan(110);
    expect(perLead('events')).toBeGreaterThan(2 * perLead('paid_search'));
    expect(perLead('paid_social')).toBeGreaterThan(perLead('paid_search'));
  });

  it('follows the seasonality of the leads: the trade-show month spends more on events', () => {
    const events = (month: string) =>
      sample.spend.filter((r) => r.source === 'events' && r.date === month).reduce((s, r) => s + Number(r.amount), 0);
    expect(events('2026-03-01')).toBeGreaterThan(events('2026-02-01'));
  });
});
