import type { FieldType } from '../model/canonical.js';
import type { Cell } from './coerce-failure.js';
import { rowMaker } from './row-builder.js';
import { StringTable } from './string-table.js';
import type { Row } from './types.js';

/**
 * Text values as codes into their distinct values: `values[codes[i]]`, -1 for a missing
 * value. Codes take the narrowest integer array that holds them (a few types: a byte each).
 */
export interface TextColumn {
  kind: 'text';
  codes: Int8Array | Int16Array | Int32Array;
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
 * they mean in a `Row` (see there); `tableRows` rebuilds the rows.
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

/** Rows per chunk while a table grows: chunks are joined once, at the end, instead of regrown. */
const CHUNK = 65_536;

type Chunk = Float64Array | Int8Array | Int32Array;

interface Growing {
  field: string;
  kind: Column['kind'];
  chunks: Chunk[];
  chunk: Chunk;
  /** The distinct strings of a text column. */
  strings: StringTable | undefined;
}

function newChunk(kind: Column['kind']): Chunk {
  return kind === 'number' ? new Float64Array(CHUNK) : kind === 'flag' ? new Int8Array(CHUNK) : new Int32Array(CHUNK);
}

/** Appends rows to columns, one field at a time; `finish` gives the table. */
export class ColumnTableBuilder {
  private readonly growing: Growing[];
  private length = 0;
  /** Place of the next row in the current chunks. */
  private at = 0;
  private finished: ColumnTable | undefined;

  constructor(fields: readonly { field: string; type: FieldType }[]) {
    this.growing = fields.map(({ field, type }) => {
      const kind = kindOf(type);
      return {
        field,
        kind,
        chunks: [],
        chunk: newChunk(kind),
        strings: kind === 'text' ? new StringTable() : undefined,
      };
    });
  }

  /** Appends a row; a value of the wrong kind for its field's type is taken as missing. */
  append(row: Row): void {
    if (this.finished !== undefined) throw new Error('internal: a row appended to a finished table');
    if (this.at === CHUNK) this.nextChunk();
    const i = this.at++;
    this.length++;
    for (const g of this.growing) {
      const value = row[g.field];
      if (g.kind === 'number') {
        g.chunk[i] = typeof value === 'number' ? value : NaN;
      } else if (g.kind === 'flag') {
        g.chunk[i] = value === true ? 1 : value === false ? 0 : -1;
      } else {
        g.chunk[i] = typeof value === 'string' ? g.strings!.codeOf(value) : -1;
      }
    }
  }

  private nextChunk(): void {
    for (const g of this.growing) {
      g.chunks.push(g.chunk);
      g.chunk = newChunk(g.kind);
    }
    this.at = 0;
  }

  /** The table of the rows appended (later appends are not in it; asking again gives the same table). */
  finish(): ColumnTable {
    if (this.finished !== undefined) return this.finished;
    const n = this.length;
    const columns = Object.create(null) as Record<string, Column>;
    for (const g of this.growing) {
      const parts = [...g.chunks, g.chunk.subarray(0, this.at)];
      if (g.kind === 'number') columns[g.field] = { kind: 'number', values: join(new Float64Array(n), parts) };
      else if (g.kind === 'flag') columns[g.field] = { kind: 'flag', values: join(new Int8Array(n), parts) };
      else {
        const values = g.strings?.values ?? [];
        const codes =
          values.length <= 0x7f ? new Int8Array(n) : values.length <= 0x7fff ? new Int16Array(n) : new Int32Array(n);
        columns[g.field] = { kind: 'text', codes: join(codes, parts), values };
      }
      g.chunks = [];
      g.strings = undefined;
    }
    this.finished = { length: n, columns };
    return this.finished;
  }
}

/** Copies the chunks, in order, into one array (of another element type, when every value fits it). */
function join<T extends Chunk | Int16Array>(into: T, parts: readonly Chunk[]): T {
  let offset = 0;
  for (const part of parts) {
    into.set(part, offset);
    offset += part.length;
  }
  return into;
}

/** A table of `rows`, holding `fields`. */
export function columnTableOf(
  rows: readonly Row[],
  fields: readonly { field: string; type: FieldType }[],
): ColumnTable {
  const builder = new ColumnTableBuilder(fields);
  for (const row of rows) builder.append(row);
  return builder.finish();
}

/** A table with no row. */
export const emptyTable: ColumnTable = { length: 0, columns: Object.create(null) as Record<string, Column> };

/**
 * Every row of the table as a prototype-free object, fields in column order: the rows the
 * loader would have made (rows of one table share one hidden class).
 */
export function tableRows(table: ColumnTable): Row[] {
  const fields = Object.keys(table.columns);
  const columns = fields.map((field) => table.columns[field] as Column);
  const make =
    rowMaker(fields.map((field) => ({ field }))) ??
    ((cells: readonly Cell[]) => Object.fromEntries(fields.map((f, c) => [f, cells[c] ?? null])));
  const cells = new Array<Cell>(fields.length);
  const rows = new Array<Row>(table.length);
  for (let i = 0; i < table.length; i++) {
    for (let c = 0; c < columns.length; c++) cells[c] = valueAt(columns[c] as Column, i);
    rows[i] = Object.setPrototypeOf(make(cells), null) as Row;
  }
  return rows;
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
