import { describe, expect, it } from 'vitest';
import { loadPipelineData } from '../../../src/core/data/load.js';
import { expectBalanced, fileOf, loadScenario, memoryIo, summarise } from './helpers.js';

describe('CSV reader', () => {
  it('drops a byte-order mark, reads CRLF, keeps quoted line breaks and counts physical lines', async () => {
    const data = await loadScenario('bom-crlf');
    expect(data.issues).toEqual([]);
    // Fields come in the canonical model's order, whatever the column order.
    expect(fileOf(data, 'leads.csv')).toMatchObject({
      rowsRead: 3,
      rowsEvaluated: 3,
      rowsRejected: 0,
      fields: ['id', 'created_at', 'title', 'company'],
    });
    expect(data.leads.map((l) => [l.id, l.company, l.title])).toEqual([
      ['L-1', 'Acme\r\nEurope', 'VP Sales'],
      ['L-2', 'Zoë Café', 'Head of "Growth"'],
      ['L-3', '日本商事', 'CTO'],
    ]);
  });

  it('rejects ragged rows with their line and goes on; blank lines are not rows', async () => {
    const data = await loadScenario('ragged-rows');
    expect(fileOf(data, 'leads.csv')).toMatchObject({ rowsRead: 4, rowsEvaluated: 2, rowsRejected: 2 });
    expect(data.leads.map((l) => l.id)).toEqual(['L-1', 'L-4']);
    expect(summarise(data.issues)).toEqual([
      { file: 'leads.csv', code: 'data.ragged-row', line: 3, column: 4 },
      { file: 'leads.csv', code: 'data.ragged-row', line: 4, column: 3 },
    ]);
    expect(data.issues[0]!.message).toBe('The row has 4 fields; the header has 3.');
  });

  it('rejects the line an unterminated quote opens on and resumes on the next line', async () => {
    const data = await loadScenario('unterminated-quote');
    expect(data.leads.map((l) => [l.id, l.company])).toEqual([
      ['L-1', 'Acme'],
      ['L-3', 'Initech'],
      ['L-5', 'Stark, "Industries"'],
    ]);
    expect(fileOf(data, 'leads.csv')).toMatchObject({ rowsRead: 6, rowsEvaluated: 3, rowsRejected: 3 });
    expect(summarise(data.issues).map(({ code, line }) => ({ code, line }))).toEqual([
      // `"Globex` would run on to the next quote, two lines down: only its own line is lost
      { code: 'data.bad-quote', line: 3 },
      { code: 'data.bad-quote', line: 5 },
      { code: 'data.unterminated-quote', line: 7 },
    ]);
    expect(data.issues[2]!.message).toBe('A quoted field opens on line 7 and is never closed.');
  });
});

describe('NDJSON reader', () => {
  it('rejects a bad line, a non-object and a prototype key, and reads the rest', async () => {
    const data = await loadScenario('ndjson-bad-line');
    expect(fileOf(data, 'leads.ndjson')).toMatchObject({ rowsRead: 6, rowsEvaluated: 2, rowsRejected: 4 });
    expect(data.leads.map((l) => [l.id, l.employee_count])).toEqual([
      ['L-1', 12],
      ['L-6', 7],
    ]);
    expect(data.leads[1]!.is_customer).toBe(false);
    expect(data.issues.map((i) => [i.code, i.line, i.record, i.columnName])).toEqual([
      ['data.bad-json', 2, 2, undefined],
      ['data.not-an-object', 4, 3, undefined],
      ['data.bad-number', 5, 4, 'employee_count'],
      ['data.forbidden-key', 6, 5, '__proto__'],
    ]);
  });
});

describe('JSON reader', () => {
  it('reads `{"records": [...]}` with its other keys, nested values ignored, lines of each record', async () => {
    const data = await loadScenario('json-records');
    const opportunities = fileOf(data, 'opportunities.json');
    expect(opportunities).toMatchObject({
      rowsRead: 3,
      rowsEvaluated: 2,
      rowsRejected: 1,
      ignoredColumns: ['attributes'],
    });
    expect(data.opportunities.map((o) => [o.id, o.name, o.amount, o.stage])).toEqual([
      ['006000000000001AAA', 'Cape starling, "big" [deal]', '119373.34', 'won'],
      ['006000000000002AAA', null, '15065.74', 'opportunity'],
    ]);
    const issue = data.issues.find((i) => i.file.endsWith('opportunities.json'))!;
    expect(issue).toMatchObject({
      code: 'data.bad-number',
      line: 21,
      record: 3,
      columnName: 'amount',
      raw: '15,065.74',
    });
  });

  it('reads a top-level array and rejects elements that are not objects', async () => {
    const data = await loadScenario('json-records');
    expect(fileOf(data, 'leads.json')).toMatchObject({ rowsRead: 4, rowsEvaluated: 2, rowsRejected: 2 });
    expect(data.leads.map((l) => [l.id, l.is_student])).toEqual([
      ['L-1', null],
      ['L-3', true],
    ]);
    expect(
      data.issues.filter((i) => i.file.endsWith('leads.json')).map((i) => [i.code, i.line, i.record, i.raw]),
    ).toEqual([
      ['data.not-an-object', 3, 2, 'L-2'],
      ['data.not-an-object', 4, 3, '42'],
    ]);
  });
});

describe('JSON documents that are not a list of records', () => {
  const record = '{"id": "L-1", "created_at": "2025-01-01T00:00:00Z"}';
  it.each([
    ['an object without records', '{"data": [1, 2]}', 'data.bad-json-shape', 0, 'failed'],
    ['a string', '"leads"', 'data.bad-json-shape', 1, 'failed'],
    ['an empty file', '  \n', 'data.empty-file', 0, 'failed'],
    ['text after the document', `[${record}]\n[]`, 'data.bad-json', 2, 'failed'],
    [
      'a document cut short after a record',
      `[${record},\n${record.replace('L-1', 'L-2')}`,
      'data.bad-json',
      2,
      'failed',
    ],
    ['a document cut inside a record', `[${record},\n{"id": "L-2",`, 'data.bad-json', 2, 'read'],
  ])('%s', async (_name, text, code, line, status) => {
    const data = await loadPipelineData('mem', memoryIo({ 'leads.json': text }));
    expectBalanced(data);
    expect(data.files[0]!.status).toBe(status);
    expect(data.issues.map((i) => [i.code, i.line])).toEqual([[code, line]]);
  });
});
