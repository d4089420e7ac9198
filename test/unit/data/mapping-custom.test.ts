import { describe, expect, it } from 'vitest';
import { fileOf, loadFixtureMapping, loadScenario, parseMapping, summarise } from './helpers.js';

const mapping = loadFixtureMapping('custom-export');

describe('a custom mapping', () => {
  it('reads a `;`-separated export named .txt with European numbers, local times, values, const and derive', async () => {
    const data = await loadScenario('custom-export', { mapping });
    const leads = fileOf(data, 'leads-export.txt');
    expect(data.ignoredFiles).toEqual(['mapping.yaml']);
    expect(leads).toMatchObject({ format: 'csv', rowsRead: 4, rowsEvaluated: 2, rowsRejected: 2, ignoredColumns: [] });
    expect(data.leads.map((l) => ({ ...l }))).toEqual([
      {
        id: 'D-100',
        created_at: Date.parse('2025-02-03T09:15:00+01:00'),
        source: 'events',
        region: 'emea',
        company: 'Müller GmbH',
        employee_count: 1200,
        annual_revenue: '2500000.5',
        is_customer: true,
      },
      {
        id: 'D-101',
        created_at: Date.parse('2025-02-03T10:40:00+01:00'),
        source: 'organic',
        region: 'emea',
        company: 'Schmidt & Co. KG',
        employee_count: 45,
        annual_revenue: '180000',
        is_customer: false,
      },
    ]);
    expect(summarise(data.issues.filter((i) => i.file.endsWith('.txt')))).toEqual([
      {
        file: 'leads-export.txt',
        code: 'data.bad-datetime',
        line: 4,
        column: 2,
        columnName: 'Angelegt',
        field: 'created_at',
        raw: '30.03.2025 02:30',
      },
      {
        file: 'leads-export.txt',
        code: 'data.unmapped-value',
        line: 5,
        column: 7,
        columnName: 'Kanal',
        field: 'source',
        raw: 'Empfehlung',
      },
    ]);
  });

  it('derives from nested JSON keys and reports a rule that fails on a row, or yields no value for a required field', async () => {
    const data = await loadScenario('custom-export', { mapping });
    expect(fileOf(data, 'deals.ndjson')).toMatchObject({
      rowsRead: 3,
      rowsEvaluated: 1,
      rowsRejected: 2,
      ignoredColumns: [],
    });
    expect(data.opportunities.map((o) => ({ ...o }))).toEqual([
      { id: 'OppRef1', amount: '24000', term_months: 12, created_at: Date.parse('2024-01-15T10:00:00Z') },
    ]);
    expect(
      data.issues.filter((i) => i.file.endsWith('deals.ndjson')).map((i) => [i.code, i.line, i.record, i.field]),
    ).toEqual([
      ['data.derive-failed', 2, 2, 'term_months'],
      ['data.missing-required', 3, 3, 'id'],
    ]);
  });

  it('fails a file whose mapping cannot be applied, and reads the others', async () => {
    const broken = parseMapping(`
apiVersion: revops/v1
kind: FieldMapping
metadata: {name: broken, owner: revops, description: A const that is not a number.}
spec:
  source: custom
  entities:
    leads:
      file: leads-export.txt
      format: csv
      delimiter: ";"
      fields:
        id: {column: Nr}
        created_at: {column: Angelegt, format: "dd.MM.yyyy HH:mm", timeZone: Europe/Berlin}
        employee_count: {const: many}
    opportunities:
      file: deals.ndjson
      fields:
        id: {derive: {var: attributes.referenceId}}
        created_at: {column: CreatedDate}
`);
    const data = await loadScenario('custom-export', { mapping: broken });
    expect(fileOf(data, 'leads-export.txt')).toMatchObject({ status: 'failed', rowsRead: 0 });
    expect(data.issues[0]).toMatchObject({ code: 'data.bad-mapping', field: 'employee_count' });
    expect(data.issues[0]!.message).toContain('`const` is `many`, which is not a valid integer');
    expect(fileOf(data, 'deals.ndjson')).toMatchObject({ status: 'read', rowsEvaluated: 2, rowsRejected: 1 });
  });
});
