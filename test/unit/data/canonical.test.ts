import { describe, expect, it } from 'vitest';
import { fileOf, loadScenario, summarise } from './helpers.js';

describe('canonical data without a mapping', () => {
  it('reads every entity file with typed values and balanced accounting', async () => {
    const data = await loadScenario('canonical');
    expect(data.absent).toEqual([]);
    expect(data.issues).toEqual([]);
    expect(data.files.map((f) => [f.entity, f.format, f.status, f.rowsRead, f.rowsEvaluated, f.rowsRejected])).toEqual([
      ['leads', 'csv', 'read', 3, 3, 0],
      ['opportunities', 'ndjson', 'read', 2, 2, 0],
      ['activities', 'json', 'read', 2, 2, 0],
      ['users', 'csv', 'read', 3, 3, 0],
      ['stage_events', 'csv', 'read', 2, 2, 0],
      ['spend', 'ndjson', 'read', 1, 1, 0],
    ]);
    expect(data.spend[0]?.amount).toBe('1500.25');
    expect({ ...data.leads[0] }).toEqual({
      id: '12345678901234567890',
      created_at: Date.UTC(2025, 0, 6, 9, 15),
      source: 'organic',
      segment: 'smb',
      email: 'ana@acme.test',
      company: 'Acme',
      employee_count: 42,
      annual_revenue: '1250.5',
      is_customer: false,
      demo_requested: true,
      page_views: 17,
      last_engaged_at: Date.UTC(2025, 0, 8, 13, 0),
      owner_id: 'u-sdr-1',
      mql_at: Date.UTC(2025, 0, 7, 10, 0),
    });
  });

  it('keeps a 20-digit id as the same string, never a number', async () => {
    const data = await loadScenario('canonical');
    expect(data.leads[0]!.id).toBe('12345678901234567890');
    expect(data.opportunities[0]!.lead_id).toBe('12345678901234567890');
    expect(data.stage_events.map((e) => e.entity_id)).toEqual(['12345678901234567890', '12345678901234567890']);
  });

  it('reads empty cells as null, not 0, false or ""', async () => {
    const data = await loadScenario('canonical');
    const third = data.leads[2]!;
    expect(third.employee_count).toBeNull();
    expect(third.annual_revenue).toBeNull();
    expect(third.owner_id).toBeNull();
    expect(third.is_customer).toBe(false);
    expect(data.leads[1]!.demo_requested).toBeNull();
    expect(data.users.map((u) => u.active_to)).toEqual([null, '2025-06-30', null]);
  });

  it('normalises decimals exactly and quoted CSV fields keep delimiters and quotes', async () => {
    const data = await loadScenario('canonical');
    expect(data.leads[1]!.annual_revenue).toBe('12');
    expect(data.leads[1]!.company).toBe('Globex, Inc.');
    expect(data.leads[2]!.company).toBe('Initech "West"');
    expect(data.opportunities.map((o) => o.amount)).toEqual(['48000', '1999.99']);
  });

  it('gives rows no prototype and only the fields the file supplies', async () => {
    const data = await loadScenario('canonical');
    for (const row of [...data.leads, ...data.opportunities, ...data.users])
      expect(Object.getPrototypeOf(row)).toBeNull();
    expect(Object.keys(data.users[0]!)).toEqual([
      'id',
      'name',
      'role',
      'team',
      'manager_id',
      'active_from',
      'active_to',
    ]);
    expect(fileOf(data, 'users.csv').fields).toEqual(Object.keys(data.users[0]!));
    expect('term_months' in data.opportunities[1]!).toBe(true);
    expect(data.opportunities[1]!.term_months).toBeNull();
  });

  it('names ignored columns once per file, not once per row', async () => {
    const data = await loadScenario('canonical');
    expect(fileOf(data, 'leads.csv').ignoredColumns).toEqual(['favourite_colour']);
    expect(fileOf(data, 'opportunities.ndjson').ignoredColumns).toEqual(['probability']);
    expect(summarise(data.issues)).toEqual([]);
  });
});
