import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/core/data/csv-reader.js';
import { EntitySink } from '../../../src/core/data/entity-sink.js';
import { planEntity } from '../../../src/core/data/field-plan.js';
import type { RecordSink } from '../../../src/core/data/sink.js';
import { FileTally } from '../../../src/core/data/tally.js';
import type { Problem } from '../../../src/core/data/tally.js';

/** Everything a reader tells its sink, in order. */
class RecordingSink implements RecordSink {
  readonly events: unknown[] = [];
  constructor(private readonly acceptsHeader = true) {}
  acceptHeader(names: readonly string[], line: number): boolean {
    this.events.push(['header', [...names], line]);
    return this.acceptsHeader;
  }
  acceptCells(cells: readonly string[], line: number): void {
    this.events.push(['cells', [...cells], line]);
  }
  acceptRecord(): void {
    throw new Error('not a CSV event');
  }
  rejectRow(problem: Problem): void {
    this.events.push(['reject', problem]);
  }
  failFile(problem: Problem): void {
    this.events.push(['fail', problem]);
  }
}

async function* chunksOf(text: string, cuts: number[]): AsyncGenerator<string> {
  let at = 0;
  for (const cut of [...cuts.map((c) => Math.floor(c * text.length))].sort((a, b) => a - b)) {
    if (cut > at) yield text.slice(at, cut);
    at = Math.max(at, cut);
  }
  if (at < text.length) yield text.slice(at);
}

async function events(text: string, cuts: number[], plainRows: boolean, delimiter: string): Promise<unknown[]> {
  const sink = new RecordingSink();
  await readCsv(chunksOf(text, cuts), sink, { delimiter, plainRows });
  return sink.events;
}

async function leads(
  text: string,
  cuts: number[],
  plainRows: boolean,
  keep?: ReadonlySet<string>,
): Promise<{ rows: unknown[]; accounting: unknown; issues: unknown }> {
  const tally = new FileTally('leads.csv', 'leads', 'csv');
  const sink = new EntitySink(planEntity('leads', undefined, keep), tally);
  await readCsv(chunksOf(text, cuts), sink, { plainRows });
  for (const row of sink.rows) {
    expect(Object.getPrototypeOf(row)).toBe(null);
    expect(Object.keys(row)).toEqual(tally.fields.filter((f) => keep === undefined || keep.has(f)));
  }
  return { rows: sink.rows.map((r) => ({ ...r })), accounting: tally.toAccounting(), issues: tally.keptIssues() };
}

const cell = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'a',
    'b c',
    'L-1',
    '42',
    '007',
    '-3',
    '1,5',
    'true',
    'false',
    'FALSE',
    'x'.repeat(14),
    'Zoë',
    '\uFFFD',
    'a\uFFFDb',
    // A byte-order mark inside the file is data (papaparse drops one that starts the text it is given).
    '\uFEFF',
    '\uFEFFa',
  ),
  fc.constantFrom(
    '2024-02-29T12:00:00Z',
    '2024-02-29T12:00:00.123Z',
    '2024-02-30T00:00:00Z',
    '2024-01-01T10:00:00+01:00',
    '2024-13-01T00:00:00Z',
    '2024-01-01',
    'soon',
  ),
  fc.constantFrom('"a,b"', '"x""y"', '""', '""""', '"multi\nline"', '"crlf\r\ninside"', '"cr\rinside"', '"plain"'),
  fc.constantFrom('"open', 'ab"c', '"a"b', '"a" ', '" a"  ', '"', '"a""', 'a""', '"a"\r'),
  fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r', ' ', '|'), maxLength: 6 }),
);
const row = fc.array(cell, { minLength: 0, maxLength: 6 });
const newline = fc.constantFrom('\n', '\r\n', '\r');
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });

function csvText(
  header: string[],
  rows: string[][],
  delimiter: string,
  breaks: string[],
  isTerminated: boolean,
): string {
  const lines = [header.join(delimiter), ...rows.map((r) => r.join(delimiter))];
  return lines
    .map((line, i) => line + (i < lines.length - 1 || isTerminated ? breaks[i % breaks.length]! : ''))
    .join('');
}

describe('plain CSV rows split without the general parser', () => {
  it('give the sink exactly the rows, lines and issues the general parser gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('id', 'created_at', 'name', 'x y'), { minLength: 1, maxLength: 4 }),
        fc.array(row, { maxLength: 12 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(newline, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        cuts,
        async (header, rows, delimiter, breaks, isTerminated, cut) => {
          const text = csvText(header, rows, delimiter, breaks, isTerminated);
          expect(await events(text, cut, true, delimiter), JSON.stringify(text)).toEqual(
            await events(text, cut, false, delimiter),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('give the same rows, accounting and issues for a leads file', async () => {
    const header = ['id', 'created_at', 'employee_count', 'is_customer', 'company', 'last_engaged_at'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 5, maxLength: 7 }), { maxLength: 12 }),
        fc.array(newline, { minLength: 1, maxLength: 2 }),
        fc.boolean(),
        cuts,
        async (rows, breaks, isTerminated, cut) => {
          const text = csvText(header, rows, ',', breaks, isTerminated);
          expect(await leads(text, cut, true), JSON.stringify(text)).toEqual(await leads(text, cut, false));
          // Fields left out of the rows are checked the same way on both paths.
          const keep = new Set(['id', 'employee_count']);
          expect(await leads(text, cut, true, keep), JSON.stringify(text)).toEqual(await leads(text, cut, false, keep));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('keeps the rows of a valid file, with quoted fields, BOM-free CRLF and blank lines', async () => {
    const text =
      'id,created_at,company\r\nL-1,2024-02-29T12:00:00Z,"Acme, Inc."\r\n\r\nL-2,2024-03-01T00:00:00Z,"Say ""hi""\r\nthere"\r\nL-3,2024-02-30T00:00:00Z,x\r\n';
    const result = await leads(text, [0.3, 0.31, 0.7], true);
    expect(result.rows).toEqual([
      expect.objectContaining({ id: 'L-1', created_at: Date.UTC(2024, 1, 29, 12), company: 'Acme, Inc.' }),
      expect.objectContaining({ id: 'L-2', created_at: Date.UTC(2024, 2, 1), company: 'Say "hi"\r\nthere' }),
    ]);
    expect(result.accounting).toMatchObject({ rowsRead: 3, rowsEvaluated: 2, rowsRejected: 1 });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'data.bad-datetime', line: 6, column: 2, raw: '2024-02-30T00:00:00Z' }),
    ]);
  });

  it('stops at a header the sink refuses, as the general parser does', async () => {
    for (const plainRows of [true, false]) {
      const sink = new RecordingSink(false);
      await readCsv(chunksOf('a,b\n1,2\n', []), sink, { plainRows });
      expect(sink.events).toEqual([['header', ['a', 'b'], 1]]);
    }
  });
});
