import { describe, expect, it } from 'vitest';
import { loadPipelineData } from '../../../src/core/data/load.js';
import { fileOf, loadScenario, memoryIo, summarise } from './helpers.js';

describe('header problems fail the whole file', () => {
  it('reports each problem with its column, keeps no row of the file, and counts every row as read and rejected', async () => {
    const data = await loadScenario('header-problems');
    for (const file of data.files) {
      // Each file but the empty stage_events.csv has one data row: read, and lost with its file.
      const rows = file.entity === 'stage_events' ? 0 : 1;
      expect(file, file.file).toMatchObject({
        status: 'failed',
        rowsRead: rows,
        rowsEvaluated: 0,
        rowsRejected: rows,
        fields: [],
      });
    }
    expect(data.leads).toEqual([]);
    expect(data.opportunities).toEqual([]);
    expect(
      summarise(data.issues).map(({ file, code, line, column, columnName }) => ({
        file,
        code,
        line,
        column,
        columnName,
      })),
    ).toEqual([
      { file: 'leads.csv', code: 'data.header-duplicate', line: 1, column: 4, columnName: 'email' },
      { file: 'opportunities.csv', code: 'data.header-forbidden', line: 1, column: 3, columnName: '__proto__' },
      { file: 'activities.csv', code: 'data.header-forbidden', line: 1, column: 4, columnName: 'constructor' },
      { file: 'activities.csv', code: 'data.header-forbidden', line: 1, column: 5, columnName: 'prototype' },
      { file: 'stage_events.csv', code: 'data.empty-file', line: 0, column: 0, columnName: undefined },
    ]);
    expect(data.issues.every((i) => i.severity === 'error')).toBe(true);
    expect(data.issues[0]!.message).toBe('Column `email` appears twice (columns 3 and 4).');
  });
});

describe('an unnamed column (every line ends in a delimiter)', () => {
  it('is ignored with a warning while empty; a row with a value there is rejected with its column, line and fix', async () => {
    const data = await loadScenario('trailing-comma');
    expect(fileOf(data, 'leads.csv')).toMatchObject({
      status: 'read',
      rowsRead: 3,
      rowsEvaluated: 2,
      rowsRejected: 1,
      ignoredColumns: [],
    });
    expect(fileOf(data, 'users.csv')).toMatchObject({
      status: 'read',
      rowsRead: 3,
      rowsEvaluated: 2,
      rowsRejected: 1,
      fields: ['id', 'role', 'team'],
    });
    expect(data.leads.map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(data.users.map((u) => ({ ...u }))).toEqual([
      { id: 'u-1', role: 'sdr', team: 'sdr' },
      { id: 'u-2', role: 'ae', team: 'sales' },
    ]);
    expect(data.issues.map((i) => [i.file.replace(/^.*\//, ''), i.code, i.severity, i.line, i.column, i.raw])).toEqual([
      ['leads.csv', 'data.header-empty', 'warning', 1, 4, undefined],
      ['leads.csv', 'data.header-empty', 'error', 4, 4, 'x'],
      ['users.csv', 'data.header-empty', 'warning', 1, 3, undefined],
      ['users.csv', 'data.header-empty', 'error', 4, 3, 'oops'],
    ]);
    const rejected = data.issues.find((i) => i.severity === 'error')!;
    expect(rejected.message).toBe('Column 4 has no name in the header, but this row has a value there.');
    expect(rejected.hint).toBe(
      'Name column 4 in the header row, or remove the value (or the extra delimiter) from the row.',
    );
  });

  it('reads rows that leave out the trailing unnamed columns when only the header ends in delimiters', async () => {
    const text = 'id,created_at,,\nL1,2025-01-06T09:15:00Z\nL2,2025-01-07T09:15:00Z,\nL3\n';
    const data = await loadPipelineData('mem', memoryIo({ 'leads.csv': text }));
    expect(data.leads.map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(data.files[0]).toMatchObject({ status: 'read', rowsRead: 3, rowsEvaluated: 2, rowsRejected: 1 });
    expect(data.issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['data.header-empty', 'warning', 1],
      ['data.header-empty', 'warning', 1],
      ['data.ragged-row', 'error', 4],
    ]);
    // A row short of a named column is still ragged.
    const short = await loadPipelineData(
      'mem',
      memoryIo({ 'leads.csv': 'id,created_at,source,\nL1,2025-01-06T09:15:00Z\n' }),
    );
    expect(short.issues.map((i) => i.code)).toEqual(['data.header-empty', 'data.ragged-row']);
  });

  it('gives the same rows and issues with and without the plain-row scanner', async () => {
    const text = 'id,created_at,\nL1,2024-01-01T00:00:00Z,\nL2,2024-01-02T00:00:00Z,"x"\nL3,"2024-01-03T00:00:00Z",\n';
    const read = async (chunks: number[]): Promise<unknown> => {
      const data = await loadPipelineData('mem', memoryIo({ 'leads.csv': text }, chunks));
      return { leads: data.leads.map((l) => ({ ...l })), issues: summarise(data.issues), files: data.files };
    };
    const whole = await read([65536]);
    expect(whole).toMatchObject({
      leads: [{ id: 'L1' }, { id: 'L3' }],
      issues: [
        { code: 'data.header-empty', line: 1 },
        { code: 'data.header-empty', line: 3, column: 3, raw: 'x' },
      ],
    });
    expect(await read([7, 3])).toEqual(whole);
  });
});

describe("a header too wide to be an export's", () => {
  const header = (columns: number): string =>
    ['id', 'created_at', ...Array.from({ length: columns - 2 }, (_, i) => `c${i}`)].join(',');

  it('fails on a 5 MB line of a million columns with the row limit, not as a broken quote', async () => {
    const text = `${header(1_000_000)}\nL1,2025-01-06T09:15:00Z${','.repeat(999_998)}\n`;
    const data = await loadPipelineData('mem', memoryIo({ 'leads.csv': text }));
    expect(data.files[0]).toMatchObject({ status: 'failed', rowsRead: 0 });
    expect(summarise(data.issues)).toEqual([{ file: 'leads.csv', code: 'data.header-too-wide', line: 1, column: 0 }]);
    expect(data.issues[0]!.message).toBe(
      'The header row is longer than 1048576 characters, the longest row that is read. The file is not read.',
    );
    expect(data.issues[0]!.hint).toContain('at most 16384 columns');
  });

  it('fails on more columns than a spreadsheet has, naming both counts', async () => {
    const data = await loadPipelineData('mem', memoryIo({ 'leads.csv': `${header(20_000)}\n` }));
    expect(data.files[0]).toMatchObject({ status: 'failed', rowsRead: 0 });
    expect(data.issues.map((i) => [i.code, i.message])).toEqual([
      ['data.header-too-wide', 'The header has 20000 columns; at most 16384 are read. The file is not read.'],
    ]);
  });

  it('lists at most 40 of its names in a hint', async () => {
    const text = `${header(1000).replace('id,', 'key,')}\nk,2025-01-06T09:15:00Z${','.repeat(998)}\n`;
    const data = await loadPipelineData('mem', memoryIo({ 'leads.csv': text }));
    expect(data.issues[0]!.hint).toMatch(/^The header has: key, created_at, c0, .*, c37, … \(960 more\)\.$/);
  });
});

describe('a prototype-like column name', () => {
  it('fails the file with what is wrong and how to fix it, and never reaches a row', async () => {
    const data = await loadPipelineData(
      'mem',
      memoryIo({ 'leads.csv': 'id,created_at,constructor\nL1,2025-01-06T09:15:00Z,x\n' }),
    );
    expect(data.leads).toEqual([]);
    expect(data.issues.map((i) => [i.code, i.column, i.message, i.hint])).toEqual([
      [
        'data.header-forbidden',
        3,
        'Column name `constructor` is not allowed: every JavaScript object has a `constructor`, so the column could be mistaken for it. The file is not read.',
        'Rename the column in the export (e.g. `constructor_value`), or leave it out.',
      ],
    ]);
  });
});

describe('a file that lacks the column of a required field', () => {
  it('fails with the column it expected', async () => {
    const data = await loadPipelineData(
      'mem',
      memoryIo({ 'leads.csv': 'created_at,source\n2025-01-01T00:00:00Z,organic\n' }),
    );
    expect(data.files[0]).toMatchObject({ status: 'failed', rowsRead: 1, rowsEvaluated: 0, rowsRejected: 1 });
    expect(summarise(data.issues)).toEqual([
      { file: 'leads.csv', code: 'data.missing-column', line: 1, column: 0, columnName: 'id', field: 'id' },
    ]);
    expect(data.issues[0]!.message).toBe(
      'The required field `id` is read from column `id`, which the file does not have.',
    );
  });
});

describe('two files for one entity', () => {
  it('reads neither and says so', async () => {
    const data = await loadScenario('entity-twice');
    // users.csv has id and role: fine; the two leads files are ambiguous and neither is read
    expect(fileOf(data, 'users.csv')).toMatchObject({ status: 'read', rowsEvaluated: 1 });
    expect(fileOf(data, 'leads.csv')).toMatchObject({ status: 'failed', rowsRead: 0 });
    expect(fileOf(data, 'leads.ndjson')).toMatchObject({ status: 'failed', rowsRead: 0 });
    expect(data.leads).toEqual([]);
    expect(data.issues.map((i) => i.code)).toEqual(['data.entity-twice', 'data.entity-twice']);
    expect(data.ignoredFiles).toEqual(['README.md']);
    expect(data.absent).toEqual(['opportunities', 'activities', 'stage_events', 'spend']);
  });
});
