import { describe, expect, it } from 'vitest';
import { fileOf, loadExampleMapping, loadScenario, summarise } from './helpers.js';

const ny = (iso: string): number => Date.parse(iso);

describe('the HubSpot mapping on a contacts and deals export', () => {
  it('maps contacts onto leads: labels, ranges, value lists, local times of the account', async () => {
    const data = await loadScenario('hubspot-export', { mapping: await loadExampleMapping('hubspot') });
    expect(data.absent).toEqual(['activities', 'users', 'stage_events', 'spend']);
    const contacts = fileOf(data, 'contacts.csv');
    expect(contacts).toMatchObject({ status: 'read', rowsRead: 7, rowsEvaluated: 4, rowsRejected: 3 });
    expect(contacts.ignoredColumns).toEqual([
      'First Name',
      'Last Name',
      'Phone Number',
      'Lead Status',
      'Lifecycle Stage',
      'Original Source Drill-Down 1',
    ]);
    expect(data.leads.map((l) => l.id)).toEqual(['51234501001', '51234501002', '51234501003', '51234501007']);
    expect({ ...data.leads[0] }).toEqual({
      id: '51234501001',
      created_at: ny('2024-11-04T09:12:00-05:00'),
      source: 'organic',
      email: 'maya.okafor@northwind.test',
      email_domain: 'northwind.test',
      title: 'VP Revenue Operations',
      seniority: 'vp',
      company: 'Northwind Traders',
      industry: 'COMPUTER_SOFTWARE',
      country: 'US',
      employee_count: 100,
      annual_revenue: '12500000',
      unsubscribed: false,
      page_views: 42,
      content_downloads: 3,
      email_clicks: 5,
      demo_requested: true,
      last_engaged_at: ny('2024-12-02T16:40:00-05:00'),
      owner_id: 'Sam Rivera',
      mql_at: ny('2024-11-06T10:05:00-05:00'),
      sql_at: ny('2024-11-12T14:30:00-05:00'),
      opportunity_at: ny('2024-11-20T11:00:00-05:00'),
    });
    expect(data.leads.map((l) => [l.source, l.employee_count, l.demo_requested, l.unsubscribed])).toEqual([
      ['organic', 100, true, false],
      ['paid_social', 25, false, false],
      ['events', 1000, false, true],
      ['referral', 5, false, false], // an empty checkbox is declared false (falseValues: "")
    ]);
    expect(data.leads[1]!.sql_at).toBeNull();
  });

  it('reports the contacts it cannot read, each bad cell with its column', async () => {
    const data = await loadScenario('hubspot-export', { mapping: await loadExampleMapping('hubspot') });
    expect(summarise(data.issues.filter((i) => i.file.endsWith('contacts.csv')))).toEqual([
      {
        file: 'contacts.csv',
        code: 'data.bad-number',
        line: 5,
        column: 19,
        columnName: 'Annual Revenue',
        field: 'annual_revenue',
        raw: '1,2',
      },
      {
        file: 'contacts.csv',
        code: 'data.bad-datetime',
        line: 6,
        column: 9,
        columnName: 'Create Date',
        field: 'created_at',
        raw: '2025-03-09 02:30',
      },
      {
        file: 'contacts.csv',
        code: 'data.bad-datetime',
        line: 7,
        column: 9,
        columnName: 'Create Date',
        field: 'created_at',
        raw: '2024-11-31 10:00',
      },
      {
        file: 'contacts.csv',
        code: 'data.bad-boolean',
        line: 7,
        column: 20,
        columnName: 'Unsubscribed from all email',
        field: 'unsubscribed',
        raw: 'Maybe',
      },
    ]);
    expect(data.issues[1]!.message).toContain('does not exist in America/New_York');
  });

  it('keeps an unlisted source as it is (otherwise: keep) — nothing is dropped silently', async () => {
    const data = await loadScenario('hubspot-export', { mapping: await loadExampleMapping('hubspot') });
    // The contact with source `AI referrals` is rejected for its revenue, not for its source.
    expect(data.issues.some((i) => i.raw === 'AI referrals')).toBe(false);
  });

  it('maps deals onto opportunities: stages, won, grouped amounts, constant currency', async () => {
    const data = await loadScenario('hubspot-export', { mapping: await loadExampleMapping('hubspot') });
    expect(fileOf(data, 'deals.csv')).toMatchObject({
      rowsRead: 5,
      rowsEvaluated: 4,
      rowsRejected: 1,
      ignoredColumns: ['Pipeline', 'Associated Company'],
    });
    expect(data.opportunities.map((o) => [o.id, o.stage, o.won, o.amount, o.currency, o.owner_id])).toEqual([
      ['9870001', 'won', true, '48000', 'USD', 'Ida Novak'],
      ['9870002', 'opportunity', null, '12500', 'USD', 'Ida Novak'],
      ['9870003', 'lost', false, '7999.99', 'USD', 'Ida Novak'],
      ['9870005', 'opportunity', null, '1500.5', 'USD', null],
    ]);
    expect(data.opportunities[0]!.closed_at).toBe(ny('2024-12-20T17:00:00-05:00'));
    expect(data.opportunities[3]!.closed_at).toBeNull();
    expect(summarise(data.issues.filter((i) => i.file.endsWith('deals.csv')))).toEqual([
      {
        file: 'deals.csv',
        code: 'data.unmapped-value',
        line: 5,
        column: 4,
        columnName: 'Deal Stage',
        field: 'stage',
        raw: 'Negotiation',
      },
    ]);
  });
});
