import type { FieldType } from '../model/canonical.js';
import type { Row } from './types.js';

/** Text values as codes into their distinct values: `values[codes[i]]`, -1 for a missing value. */
export interface TextColumn {
  kind: 'text';
  codes: Int32Array;
  values: readonly string[];
}

/** Numbers (and date-times, epoch ms); NaN for a missing value (a read number is never NaN). */
export interface NumberColumn {
  kind: 'number';
  values: Float64Array;
}

/** Booleans as 1 and 0; -1 for a missing value. */
export interface FlagColumn {
  kind: 'flag';
  values: Int8Array;
}

export type Column = TextColumn | NumberColumn | FlagColumn;

/**
 * Rows of one entity held as columns, one per field the file supplies (and the selection
 * keeps): typed arrays and tables of distinct strings instead of an object per row, so
 * millions of rows cost a few bytes each and are scanned field by field. Values mean what
 * they mean in a `Row` (see there); `rowOf` rebuilds one.
 */
export interface ColumnTable {
  readonly length: number;
  /** By canonical field name (no prototype). */
  readonly columns: Readonly<Record<string, Column>>;
}

/** The column kind a canonical field type is held in. */
function kindOf(type: FieldType): Column['kind'] {
  if (type === 'integer' || type === 'number' || type === 'datetime') return 'number';
  return type === 'boolean' ? 'flag' : 'text';
}

interface Growing {
  field: string;
  kind: Column['kind'];
  numbers: Float64Array;
  flags: Int8Array;
  codes: Int32Array;
  values: string[];
  codeOf: Map<string, number>;
}

/** Appends rows to columns, one field at a time; `finish` gives the table. */
export class ColumnTableBuilder {
  private readonly growing: Growing[];
  private length = 0;
  private capacity = 1024;

  constructor(fields: readonly { field: string; type: FieldType }[]) {
    this.growing = fields.map(({ field, type }) => {
      const kind = kindOf(type);
      return {
        field,
        kind,
        numbers: new Float64Array(kind === 'number' ? this.capacity : 0),
        flags: new Int8Array(kind === 'flag' ? this.capacity : 0),
        codes: new Int32Array(kind === 'text' ? this.capacity : 0),
        values: [],
        codeOf: new Map(),
      };
    });
  }

  /** Appends a row; a value of the wrong kind for its field's type is taken as missing. */
  append(row: Row): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    for (const g of this.growing) {
      const value = row[g.field];
      if (g.kind === 'number') {
        g.numbers[i] = typeof value === 'number' ? value : NaN;
      } else if (g.kind === 'flag') {
        g.flags[i] = value === true ? 1 : value === false ? 0 : -1;
      } else if (typeof value === 'string') {
        let code = g.codeOf.get(value);
        if (code === undefined) {
          code = g.values.length;
          g.values.push(value);
          g.codeOf.set(value, code);
        }
        g.codes[i] = code;
      } else {
        g.codes[i] = -1;
      }
    }
  }

  private grow(): void {
    this.capacity *= 2;
    for (const g of this.growing) {
      if (g.kind === 'number') g.numbers = copyInto(new Float64Array(this.capacity), g.numbers);
      else if (g.kind === 'flag') g.flags = copyInto(new Int8Array(this.capacity), g.flags);
      else g.codes = copyInto(new Int32Array(this.capacity), g.codes);
    }
  }

  finish(): ColumnTable {
    const n = this.length;
    const columns = Object.create(null) as Record<string, Column>;
    for (const g of this.growing) {
      if (g.kind === 'number') columns[g.field] = { kind: 'number', values: g.numbers.slice(0, n) };
      else if (g.kind === 'flag') columns[g.field] = { kind: 'flag', values: g.flags.slice(0, n) };
      else columns[g.field] = { kind: 'text', codes: g.codes.slice(0, n), values: g.values };
      g.codeOf.clear();
    }
    return { length: n, columns };
  }
}

function copyInto<T extends Float64Array | Int8Array | Int32Array>(into: T, from: T): T {
  into.set(from);
  return into;
}

/** A table of `rows`, holding `fields`. */
export function columnTableOf(rows: readonly Row[], fields: readonly { field: string; type: FieldType }[]): ColumnTable {
  const builder = new ColumnTableBuilder(fields);
  for (const row of rows) builder.append(row);
  return builder.finish();
}

/** A table with no row. */
export const emptyTable: ColumnTable = { length: 0, columns: Object.create(null) as Record<string, Column> };

/** Row `i` of the table, as a prototype-free object of its fields. */
export function rowOf(table: ColumnTable, i: number): Row {
  const row = Object.create(null) as Record<string, string | number | boolean | null>;
  for (const [field, column] of Object.entries(table.columns)) row[field] = valueAt(column, i);
  return row;
}

/** The value at row `i` of a column, as a `Row` holds it. */
export function valueAt(column: Column, i: number): string | number | boolean | null {
  if (column.kind === 'number') {
    const v = column.values[i] as number;
    return Number.isNaN(v) ? null : v;
  }
  if (column.kind === 'flag') {
    const v = column.values[i] as number;
    return v < 0 ? null : v === 1;
  }
  const code = column.codes[i] as number;
  return code < 0 ? null : (column.values[code] as string);
}

/**
 * The text column of `field`: codes and distinct values. A field the table does not hold
 * (or holds as another kind) reads as missing on every row.
 */
export function textColumn(table: ColumnTable, field: string): TextColumn {
  const column = table.columns[field];
  if (column?.kind === 'text') return column;
  return { kind: 'text', codes: new Int32Array(table.length).fill(-1), values: [] };
}

/** The number column of `field` (NaN where missing); missing on every row when the table does not hold it. */
export function numberColumn(table: ColumnTable, field: string): Float64Array {
  const column = table.columns[field];
  if (column?.kind === 'number') return column.values;
  return new Float64Array(table.length).fill(NaN);
}
