import { describe, expect, it } from 'vitest';
import { loadPipelineData } from '../../../src/core/data/load.js';
import { fileOf, loadScenario, memoryIo, summarise } from './helpers.js';

describe('header problems fail the whole file', () => {
  it('reports each problem with its column, keeps no row of the file, and counts every row as read and rejected', async () => {
    const data = await loadScenario('header-problems');
    for (const file of data.files) {
      // Each file but the empty stage_events.csv has one data row: read, and lost with its file.
      const rows = file.entity === 'stage_events' ? 0 : 1;
      expect(file, file.file).toMatchObject({ status: 'failed', rowsRead: rows, rowsEvaluated: 0, rowsRejected: rows, fields: [] });
    }
    expect(data.leads).toEqual([]);
    expect(data.users).toEqual([]);
    expect(data.opportunities).toEqual([]);
    expect(summarise(data.issues).map(({ file, code, line, column, columnName }) => ({ file, code, line, column, columnName }))).toEqual([
      { file: 'leads.csv', code: 'data.header-duplicate', line: 1, column: 4, columnName: 'email' },
      { file: 'opportunities.csv', code: 'data.header-forbidden', line: 1, column: 3, columnName: '__proto__' },
      { file: 'activities.csv', code: 'data.header-forbidden', line: 1, column: 4, columnName: 'constructor' },
      { file: 'activities.csv', code: 'data.header-forbidden', line: 1, column: 5, columnName: 'prototype' },
      { file: 'users.csv', code: 'data.header-empty', line: 1, column: 3, columnName: undefined },
      { file: 'stage_events.csv', code: 'data.empty-file', line: 0, column: 0, columnName: undefined },
    ]);
    expect(data.issues.every((i) => i.severity === 'error')).toBe(true);
    expect(data.issues[0]!.message).toBe('Column `email` appears twice (columns 3 and 4).');
  });
});

describe('a file that lacks the column of a required field', () => {
  it('fails with the column it expected', async () => {
    const data = await loadPipelineData('mem', memoryIo({ 'leads.csv': 'created_at,source\n2025-01-01T00:00:00Z,organic\n' }));
    expect(data.files[0]).toMatchObject({ status: 'failed', rowsRead: 1, rowsEvaluated: 0, rowsRejected: 1 });
    expect(summarise(data.issues)).toEqual([{ file: 'leads.csv', code: 'data.missing-column', line: 1, column: 0, columnName: 'id', field: 'id' }]);
    expect(data.issues[0]!.message).toBe('The required field `id` is read from column `id`, which the file does not have.');
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
    expect(data.absent).toEqual(['opportunities', 'activities', 'stage_events']);
  });
});
