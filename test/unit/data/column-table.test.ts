import { describe, expect, it } from 'vitest';
import {
  ColumnTableBuilder,
  columnTableOf,
  numberColumn,
  tableRows,
  textColumn,
  valueAt,
} from '../../../src/core/data/column-table.js';
import type { Column } from '../../../src/core/data/column-table.js';
import type { Row } from '../../../src/core/data/types.js';

const fields = [
  { field: 'id', type: 'string' },
  { field: 'at', type: 'datetime' },
  { field: 'n', type: 'integer' },
  { field: 'ok', type: 'boolean' },
  { field: 'day', type: 'date' },
  { field: 'amount', type: 'decimal' },
] as const;

const rows: Row[] = [
  { id: 'a', at: 1_700_000_000_000, n: 0, ok: true, day: '2026-01-05', amount: '12.50' },
  { id: 'b', at: null, n: -3, ok: false, day: null, amount: null },
  { id: 'a', at: 0, n: null, ok: null, day: '2026-01-05', amount: '0' },
  { id: null, at: 5, n: 7, ok: true, day: null, amount: '1e3' },
];

describe('ColumnTable', () => {
  it('gives back every value a row held, missing ones as null', () => {
    const table = columnTableOf(rows, fields);
    expect(table.length).toBe(4);
    tableRows(table).forEach((row, i) => expect({ ...row }).toEqual(rows[i]));
  });

  it('holds text as codes into its distinct values, numbers and flags in typed arrays', () => {
    const table = columnTableOf(rows, fields);
    const id = textColumn(table, 'id');
    expect(id.values).toEqual(['a', 'b']);
    expect([...id.codes]).toEqual([0, 1, 0, -1]);
    expect(id.codes).toBeInstanceOf(Int8Array);
    expect(table.columns.ok).toEqual({ kind: 'flag', values: Int8Array.from([1, 0, -1, 1]) });
    expect([...numberColumn(table, 'at')]).toEqual([1_700_000_000_000, NaN, 0, 5]);
    expect(table.columns.amount?.kind).toBe('text');
  });

  it('reads a field it does not hold as missing on every row', () => {
    const table = columnTableOf(rows, fields);
    expect([...textColumn(table, 'outcome').codes]).toEqual([-1, -1, -1, -1]);
    expect([...numberColumn(table, 'closed_at')]).toEqual([NaN, NaN, NaN, NaN]);
    // A column of another kind is not read as this one.
    expect([...numberColumn(table, 'id')]).toEqual([NaN, NaN, NaN, NaN]);
  });

  it('grows past its first capacity without losing a row', () => {
    const builder = new ColumnTableBuilder([
      { field: 'i', type: 'integer' },
      { field: 's', type: 'string' },
    ]);
    for (let i = 0; i < 5000; i++) builder.append({ i, s: `v${i % 7}` });
    const table = builder.finish();
    expect(table.length).toBe(5000);
    expect(valueAt(table.columns.i!, 4999)).toBe(4999);
    expect(valueAt(table.columns.s!, 4999)).toBe(`v${4999 % 7}`);
    expect(textColumn(table, 's').values).toHaveLength(7);
  });

  it('rebuilds the rows, prototype-free, in the same field order', () => {
    const table = columnTableOf(rows, fields);
    const rebuilt = tableRows(table);
    expect(rebuilt.map((row) => ({ ...row }))).toEqual(rows);
    expect(rebuilt.every((row) => Object.getPrototypeOf(row) === null)).toBe(true);
    expect(Object.keys(rebuilt[1]!)).toEqual(fields.map((f) => f.field));
    const odd = tableRows(
      columnTableOf(
        [{ 'a-b': 'x', __proto__: 'y' } as unknown as Row],
        [
          { field: 'a-b', type: 'string' },
          { field: '__proto__', type: 'string' },
        ],
      ),
    );
    expect(Object.getPrototypeOf(odd[0])).toBeNull();
    expect(Object.keys(odd[0]!)).toEqual(['a-b', '__proto__']);
  });

  it('keeps each distinct string once, across chunks, and every value stays right', () => {
    const builder = new ColumnTableBuilder([
      { field: 'id', type: 'string' },
      { field: 'kind', type: 'string' },
    ]);
    const n = 200_000;
    for (let i = 0; i < n; i++) builder.append({ id: `L${i % 150_000}`, kind: i % 3 === 0 ? null : `k${i % 5}` });
    const table = builder.finish();
    const id = textColumn(table, 'id');
    expect(id.values).toHaveLength(150_000);
    expect(id.codes).toBeInstanceOf(Int32Array);
    expect(textColumn(table, 'kind').values).toHaveLength(5);
    expect(textColumn(table, 'kind').codes).toBeInstanceOf(Int8Array);
    const owners = columnTableOf(
      Array.from({ length: 1000 }, (_, i) => ({ owner: `U${i % 300}` })),
      [{ field: 'owner', type: 'string' }],
    );
    expect(textColumn(owners, 'owner').codes).toBeInstanceOf(Int16Array);
    expect(valueAt(owners.columns.owner!, 999)).toBe('U99');
    for (const i of [0, 1, 65_535, 65_536, 149_999, 150_000, 199_999]) {
      expect(valueAt(table.columns.id!, i)).toBe(`L${i % 150_000}`);
      expect(valueAt(table.columns.kind!, i)).toBe(i % 3 === 0 ? null : `k${i % 5}`);
    }
  });

  it('keeps every row across chunk edges, and codes in the narrowest array that holds them', () => {
    for (const rowsCount of [65_535, 65_536, 65_537, 131_073]) {
      const table = columnTableOf(
        Array.from({ length: rowsCount }, (_, i) => ({ i, s: i % 2 === 0 ? `v${i % 3}` : null })),
        [
          { field: 'i', type: 'integer' },
          { field: 's', type: 'string' },
        ],
      );
      expect(table.length).toBe(rowsCount);
      for (const i of [0, 65_534, 65_535, 65_536, rowsCount - 1]) {
        if (i >= rowsCount) continue;
        expect(valueAt(table.columns.i!, i)).toBe(i);
        expect(valueAt(table.columns.s!, i)).toBe(i % 2 === 0 ? `v${i % 3}` : null);
      }
    }
    const widths = [127, 128, 32_767, 32_768].map((distinct) => {
      const column = textColumn(
        columnTableOf(
          Array.from({ length: distinct }, (_, i) => ({ s: `v${i}` })),
          [{ field: 's', type: 'string' }],
        ),
        's',
      );
      expect(valueAt(column, distinct - 1)).toBe(`v${distinct - 1}`);
      return column.codes.constructor.name;
    });
    expect(widths).toEqual(['Int8Array', 'Int16Array', 'Int16Array', 'Int32Array']);
  });

  it('gives the same table when finished again, and takes no row after', () => {
    const builder = new ColumnTableBuilder([{ field: 's', type: 'string' }]);
    builder.append({ s: 'a' });
    const table = builder.finish();
    expect(builder.finish()).toBe(table);
    expect(() => builder.append({ s: 'b' })).toThrow(/finished/);
  });

  it('keeps no prototype in its column names', () => {
    const table = columnTableOf([{ constructor: 'x' }], [{ field: 'constructor', type: 'string' }]);
    expect(Object.getPrototypeOf(table.columns)).toBeNull();
    expect(textColumn(table, 'toString').codes[0]).toBe(-1);
    expect(valueAt(table.columns['constructor'] as Column, 0)).toBe('x');
  });
});
