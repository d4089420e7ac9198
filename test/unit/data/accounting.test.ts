import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IoError } from '../../../src/core/errors.js';
import { loadPipelineData } from '../../../src/core/data/load.js';
import type { LoadProgress } from '../../../src/core/data/types.js';
import type { Policy } from '../../../src/core/policy/types.js';
import {
  dataFixtures,
  fileOf,
  loadExampleMapping,
  loadFixtureMapping,
  loadScenario,
  memoryIo,
  summarise,
} from './helpers.js';

describe('rows read = rows evaluated + rows rejected', () => {
  const scenarios = readdirSync(dataFixtures).filter((s) => s !== 'no-data');
  /** Scenarios that are exports of a CRM, read through its mapping. */
  const mappings: Record<string, () => Promise<Policy<'FieldMapping'>>> = {
    'hubspot-export': () => loadExampleMapping('hubspot'),
    'salesforce-trailhead': () => loadExampleMapping('salesforce'),
    'salesforce-trailhead-raw': () => loadExampleMapping('salesforce'),
    'custom-export': async () => loadFixtureMapping('custom-export'),
    'spend-export': async () => loadFixtureMapping('spend-export'),
  };
  it.each(scenarios)('holds for every file of %s', async (scenario) => {
    const mapping = mappings[scenario];
    const data = await loadScenario(scenario, mapping === undefined ? {} : { mapping: await mapping() });
    expect(data.files.length).toBeGreaterThan(0);
    for (const file of data.files) {
      expect(file.rowsRead).toBe(file.rowsEvaluated + file.rowsRejected);
      expect(file.issueCount).toBe(data.issues.filter((i) => i.file === file.file).length);
      // A failed file's rows are lost with it under the file's own issue; a file read to its end has an issue per rejected row.
      if (file.rowsRejected > 0 && file.status === 'read')
        expect(file.issueCount).toBeGreaterThanOrEqual(file.rowsRejected);
      if (file.status === 'failed') expect(file.issueCount).toBeGreaterThan(0);
    }
    const evaluated = data.files.reduce((n, f) => n + f.rowsEvaluated, 0);
    expect(
      data.leads.length +
        data.opportunities.length +
        data.activities.length +
        data.users.length +
        data.stage_events.length +
        data.spend.length,
    ).toBe(evaluated);
  });
});

describe('rejected cells', () => {
  it('name file, physical line, column index and name, raw value and reason; one bad cell rejects the row', async () => {
    const data = await loadScenario('coercion-errors');
    expect(fileOf(data, 'leads.csv')).toMatchObject({ rowsRead: 6, rowsEvaluated: 2, rowsRejected: 4, issueCount: 8 });
    expect(data.leads.map((l) => l.id)).toEqual(['L-1', 'L-6']);
    expect({ ...data.leads[1] }).toEqual({
      id: 'L-6',
      created_at: Date.UTC(2025, 0, 6, 9, 40),
      company: null,
      employee_count: null,
      annual_revenue: null,
      is_customer: null,
      mql_at: null,
    });
    const leads = summarise(data.issues.filter((i) => i.file.endsWith('leads.csv')));
    expect(leads).toEqual([
      {
        file: 'leads.csv',
        code: 'data.bad-number',
        line: 3,
        column: 3,
        columnName: 'employee_count',
        field: 'employee_count',
        raw: '1,000',
      },
      {
        file: 'leads.csv',
        code: 'data.bad-datetime',
        line: 4,
        column: 2,
        columnName: 'created_at',
        field: 'created_at',
        raw: '2025-02-30T09:25:00Z',
      },
      {
        file: 'leads.csv',
        code: 'data.bad-number',
        line: 4,
        column: 4,
        columnName: 'annual_revenue',
        field: 'annual_revenue',
        raw: 'abc',
      },
      {
        file: 'leads.csv',
        code: 'data.bad-boolean',
        line: 4,
        column: 5,
        columnName: 'is_customer',
        field: 'is_customer',
        raw: 'yes',
      },
      {
        file: 'leads.csv',
        code: 'data.bad-datetime',
        line: 4,
        column: 6,
        columnName: 'mql_at',
        field: 'mql_at',
        raw: '2025-01-07 10:00',
      },
      { file: 'leads.csv', code: 'data.missing-required', line: 5, column: 1, columnName: 'id', field: 'id', raw: '' },
      {
        file: 'leads.csv',
        code: 'data.missing-required',
        line: 6,
        column: 2,
        columnName: 'created_at',
        field: 'created_at',
        raw: '',
      },
      {
        file: 'leads.csv',
        code: 'data.bad-number',
        line: 6,
        column: 3,
        columnName: 'employee_count',
        field: 'employee_count',
        raw: '12.5',
      },
    ]);
    const first = data.issues[0]!;
    expect(first).toMatchObject({
      severity: 'error',
      entity: 'leads',
      message: '`employee_count`: `1,000` is not a whole number.',
    });
    expect(first.hint).toContain('numberFormat');
    expect(
      summarise(data.issues.filter((i) => i.file.endsWith('users.csv'))).map((i) => [i.code, i.line, i.column, i.raw]),
    ).toEqual([
      ['data.bad-date', 3, 3, '02/03/2024'],
      ['data.bad-date', 3, 4, '2024-13-01'],
      ['data.missing-required', 4, 2, ''],
    ]);
  });

  it('keeps at most 1,000 issues per file but counts every rejection', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `L-${i},not a date`).join('\n');
    const data = await loadPipelineData(
      'mem',
      memoryIo({ 'leads.csv': `id,created_at\n${rows}\nL-ok,2025-01-01T00:00:00Z\n` }),
    );
    expect(data.files[0]).toMatchObject({ rowsRead: 2501, rowsEvaluated: 1, rowsRejected: 2500, issueCount: 2500 });
    expect(data.issues).toHaveLength(1001);
    expect(data.issues[999]).toMatchObject({ code: 'data.bad-datetime', line: 1001 });
    expect(data.issues[1000]).toMatchObject({
      code: 'data.too-many-issues',
      message: '1500 more issues in this file are not shown (all 2500 rejected rows are counted).',
    });
  });

  it('cuts long raw values in issues', async () => {
    const data = await loadPipelineData('mem', memoryIo({ 'leads.csv': `id,created_at\nL-1,${'9'.repeat(500)}\n` }));
    expect(data.issues[0]!.raw).toBe(`${'9'.repeat(120)}…`);
  });
});

describe('the data directory', () => {
  it('with no data file at all is an IO error', async () => {
    await expect(loadScenario('no-data')).rejects.toThrow(IoError);
    await expect(loadScenario('no-data')).rejects.toThrow(/No data files in .*no-data/);
    await expect(loadScenario('does-not-exist')).rejects.toThrow(IoError);
  });

  it('says which entities have no file; missing optional entities are fine', async () => {
    const data = await loadScenario('ragged-rows');
    expect(data.absent).toEqual(['opportunities', 'activities', 'users', 'stage_events', 'spend']);
    expect(data.files.map((f) => f.entity)).toEqual(['leads']);
  });

  it('reports progress per chunk up to the file size', async () => {
    const content = `id,created_at\n${Array.from({ length: 200 }, (_, i) => `L-${i},2025-01-01T00:00:00Z`).join('\n')}\n`;
    const seen: LoadProgress[] = [];
    await loadPipelineData('mem', memoryIo({ 'leads.csv': content }, [1000]), { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBe(Math.ceil(content.length / 1000));
    expect(seen.at(-1)).toEqual({ file: 'mem/leads.csv', bytesRead: content.length, totalBytes: content.length });
    expect(seen.every((p, i) => i === 0 || p.bytesRead > seen[i - 1]!.bytesRead)).toBe(true);
  });
});
