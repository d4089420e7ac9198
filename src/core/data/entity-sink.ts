import { isFastPath } from '../fast-path.js';
import { bindHeader, forbiddenNames } from './bind-columns.js';
import { CoercionFailure } from './coerce-failure.js';
import type { Cell } from './coerce-failure.js';
import type { EntityPlan, FieldPlan } from './field-plan.js';
import { resolveCell } from './resolve-cell.js';
import { generateSpanRowBuilder, makeTemplate, rowMaker } from './row-builder.js';
import { readSpan, SpanKind, spanKindOf } from './span-kind.js';
import type { RowMaker, SpanRowBuilder } from './row-builder.js';
import { ColumnTableBuilder } from './column-table.js';
import type { ColumnTable } from './column-table.js';
import type { RecordSink } from './sink.js';
import type { FileTally, Problem } from './tally.js';
import { futureDateFailure } from './clock.js';
import { RowChecks } from './row-checks.js';
import { DistinctRows } from './distinct-rows.js';
import { RowLookups } from './lookup.js';
import type { LookupTables } from './lookup.js';
import type { Row } from './types.js';

/** What an entity sink checks besides each cell. */
export interface SinkChecks {
  /** Epoch ms: a row with a date-time after it is rejected (dated after the run's clock). */
  notAfter?: number;
  /** Reject a row whose `id` an earlier row of the file has (the first is kept). */
  isIdUnique?: boolean;
  /** Fill looked-up fields from these tables, by field (see `lookup.ts`). */
  lookups?: LookupTables;
  /** Keep one row per distinct id, rejecting rows that give an id other values (see `distinct-rows.ts`). */
  isDistinct?: boolean;
}

/**
 * Builds the rows of one entity file. A row is kept only when every field resolves; any
 * bad cell rejects the whole row (with an issue per bad cell), so no row is half-read.
 */
export class EntitySink implements RecordSink {
  /** The rows kept (none when they go to columns). */
  readonly rows: Row[] = [];
  /** Receives the rows kept instead of `rows`, when the sink keeps columns. */
  private columns: ColumnTableBuilder | undefined;
  /** The latest date-time of the rows kept, in any date-time field (kept in the rows or not). */
  latestTimestamp: number | undefined;
  private fields: FieldPlan[];
  /** For each field, its place among the fields kept in rows (-1: checked, not kept). */
  private keptAt: number[] = [];
  /** For each field, how a cell given as a span is read (see `spanKindOf`). */
  private spanKinds: SpanKind[] = [];
  /** Builds a row given as spans whose cells are all fine, in one generated run (see `generateSpanRowBuilder`). */
  private spanRow: SpanRowBuilder | undefined;
  private readonly latest: { value: number | undefined } = { value: undefined };
  private slotColumns: number[] = [];
  private header: readonly string[] = [];
  private readonly slotValues: unknown[];
  private cells: Cell[];
  /** Every row starts as a copy of this, so rows share one hidden class (fast properties, little memory). */
  private template: Record<string, null>;
  /** Builds a row from its cells in field order, when the field names allow it (see `rowMaker`). */
  private makeRow: RowMaker | undefined;
  private readonly keySlots = new Map<string, number>();
  /** While a row given as spans is built: its text and cell bounds (see `acceptSpans`). */
  private spanText: string | undefined;
  private spanBounds: Int32Array = new Int32Array(0);
  private readonly hasDerive: boolean;
  /** What a row must keep as a whole: its date-times' order, an id of its own (see `row-checks.ts`). */
  private readonly rowChecks: RowChecks;
  /** The header failed: the rows are only counted, as read and rejected (the file's issue says why). */
  private isFailed = false;
  private readonly notAfter: number;
  private readonly lookupTables: LookupTables | undefined;
  private lookups: RowLookups | undefined;
  private distinct: DistinctRows | undefined;
  private readonly isDistinct: boolean;

  /** With `asColumns`, the rows kept go to a `ColumnTable` (see `table`) instead of `rows`. */
  constructor(
    private readonly plan: EntityPlan,
    private readonly tally: FileTally,
    private readonly asColumns = false,
    checks: SinkChecks = {},
  ) {
    this.notAfter = checks.notAfter ?? Infinity;
    this.lookupTables = checks.lookups;
    this.isDistinct = checks.isDistinct === true;
    this.rowChecks = new RowChecks(plan.entity, plan.fields, checks.isIdUnique === true);
    this.fields = plan.fields;
    this.slotValues = new Array<unknown>(plan.columns.length);
    this.cells = [];
    this.template = {};
    this.bindFields(plan.fields);
    this.hasDerive = plan.fields.some((f) => f.derive !== undefined);
    tally.fields = plan.fields.map((f) => f.field);
  }

  acceptHeader(names: readonly string[], line: number): boolean {
    const bound = bindHeader(this.plan, names, line, this.tally);
    if (bound === undefined) {
      // Read on, to count the rows the failure loses: rows read = evaluated + rejected holds for a failed file too.
      this.isFailed = true;
      return true;
    }
    this.header = names;
    this.slotColumns = bound.slotColumns;
    this.bindFields(bound.fields);
    return true;
  }

  /** Rows are built from these fields (those of them that are kept). */
  private bindFields(fields: FieldPlan[]): void {
    this.fields = fields;
    const kept = fields.filter((f) => f.isKept);
    let next = 0;
    this.keptAt = fields.map((f) => (f.isKept ? next++ : -1));
    this.spanKinds = fields.map(spanKindOf);
    this.cells = new Array<Cell>(kept.length);
    this.template = makeTemplate(kept);
    // Generated code is a speed-only path (see `fast-path.ts`): the template and the general builder serve without it.
    const isGenerating = isFastPath();
    this.makeRow = isGenerating ? rowMaker(kept) : undefined;
    this.rowChecks.bind(kept);
    this.lookups = this.lookupTables === undefined ? undefined : new RowLookups(fields, this.lookupTables);
    this.distinct = this.isDistinct ? new DistinctRows(this.plan.entity, kept) : undefined;
    const columns = fields.map((f) => (f.slot < 0 ? -1 : (this.slotColumns[f.slot] ?? -1)));
    this.spanRow =
      this.slotColumns.length === 0 || !isGenerating ? undefined : generateSpanRowBuilder(fields, columns, this.keptAt);
    if (this.asColumns) this.columns = new ColumnTableBuilder(kept);
  }

  /** For an entity built from distinct values: the rows made, one per distinct id. */
  get distinctCount(): number | undefined {
    return this.distinct?.size;
  }

  /** The rows kept, as columns (empty unless the sink keeps columns). */
  table(): ColumnTable {
    return (this.columns ?? new ColumnTableBuilder([])).finish();
  }

  acceptCells(cells: readonly string[], line: number): void {
    if (this.isFailed) return this.countLost();
    this.tally.rowsRead++;
    for (let slot = 0; slot < this.slotColumns.length; slot++) {
      const column = this.slotColumns[slot]!;
      this.slotValues[slot] = column >= 0 ? cells[column] : undefined;
    }
    let raw: Record<string, unknown> | undefined;
    if (this.hasDerive) {
      raw = Object.create(null) as Record<string, unknown>;
      for (let i = 0; i < this.header.length; i++) raw[this.deriveKey(this.header[i]!)] = cells[i];
    }
    this.build(line, undefined, raw);
  }

  acceptSpans(text: string, bounds: Int32Array, count: number, line: number): void {
    if (this.isFailed) return this.countLost();
    if (this.hasDerive) {
      // A derive rule reads the row's columns by name: cut every cell out.
      const cells = new Array<string>(count);
      for (let i = 0; i < count; i++) cells[i] = text.substring(bounds[2 * i]!, bounds[2 * i + 1]!);
      this.acceptCells(cells, line);
      return;
    }
    this.tally.rowsRead++;
    if (this.spanRow !== undefined) {
      this.latest.value = this.latestTimestamp;
      const row = this.spanRow(text, bounds, this.latest);
      // A row dated after the clock is built again the general way, which says which cell is.
      if (row !== undefined && !(this.latest.value! > this.notAfter)) {
        if (this.isUnmatched(row, line, undefined) || this.isFaulty(row, line, undefined)) return;
        this.latestTimestamp = this.latest.value;
        this.keep(row, line, undefined);
        return;
      }
    }
    this.spanText = text;
    this.spanBounds = bounds;
    this.build(line, undefined, undefined);
    this.spanText = undefined;
  }

  acceptRecord(record: unknown, line: number, index: number): void {
    if (this.isFailed) return this.countLost();
    this.tally.rowsRead++;
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      this.reject({
        code: 'data.not-an-object',
        line,
        record: index,
        raw: record,
        message: 'The record is not a JSON object.',
      });
      return;
    }
    this.slotValues.fill(undefined);
    const fields = record as Record<string, unknown>;
    for (const key in fields) {
      if (forbiddenNames.has(key)) {
        this.reject({
          code: 'data.forbidden-key',
          line,
          record: index,
          columnName: key,
          message: `The record has the key \`${key}\`, which is not allowed.`,
        });
        return;
      }
      const slot = this.slotOf(key);
      if (slot < 0) continue;
      if (this.slotValues[slot] !== undefined) {
        this.reject({
          code: 'data.ambiguous-column',
          line,
          record: index,
          columnName: key,
          message: `Keys \`${key}\` and another differing only in case both map to \`${this.plan.columns[slot]}\`.`,
        });
        return;
      }
      this.slotValues[slot] = fields[key];
    }
    let raw: Record<string, unknown> | undefined;
    if (this.hasDerive) {
      raw = Object.create(null) as Record<string, unknown>;
      for (const key in fields) raw[this.deriveKey(key)] = fields[key];
    }
    this.build(line, index, raw);
  }

  /** The name a `derive` rule reads a column by (lower-cased when columns match ignoring case). */
  private deriveKey(column: string): string {
    return this.plan.isCaseInsensitive ? column.toLowerCase() : column;
  }

  rejectRow(problem: Problem): void {
    if (this.isFailed) return this.countLost();
    this.tally.rowsRead++;
    this.reject(problem);
  }

  /** A row of a failed file: read and rejected, without an issue of its own. */
  private countLost(): void {
    this.tally.rowsRead++;
    this.tally.rowsRejected++;
  }

  failFile(problem: Problem): void {
    this.tally.fail(problem);
  }

  private reject(problem: Problem): void {
    this.tally.rowsRejected++;
    this.tally.report(problem);
  }

  private build(line: number, record: number | undefined, raw: Record<string, unknown> | undefined): void {
    let isRejected = false;
    let latest = this.latestTimestamp;
    const fields = this.fields;
    const cells = this.cells;
    for (let i = 0; i < fields.length; i++) {
      const plan = fields[i]!;
      const at = this.keptAt[i]!;
      let value: unknown;
      if (plan.slot >= 0 && this.spanText !== undefined) {
        // A plain cell is read in place; anything else is cut out and resolved as text.
        const column = this.slotColumns[plan.slot]!;
        if (column >= 0) {
          const start = this.spanBounds[2 * column]!;
          const end = this.spanBounds[2 * column + 1]!;
          let cell: Cell | undefined;
          const kind = this.spanKinds[i]!;
          if (kind === SpanKind.Cut) cell = undefined;
          else if (start === end) cell = plan.emptyValue;
          else cell = readSpan(kind, plan, this.spanText, start, end);
          if (cell !== undefined && (cell !== null || !plan.isRequired)) {
            if (plan.type === 'datetime' && (cell as number) > this.notAfter) {
              this.reportCell(
                plan,
                line,
                record,
                this.spanText.substring(start, end),
                futureDateFailure(this.notAfter),
              );
              isRejected = true;
              continue;
            }
            if (at >= 0) cells[at] = cell;
            plan.stageCheck?.note(cell, line);
            if (plan.type === 'datetime' && cell !== null && (latest === undefined || (cell as number) > latest))
              latest = cell as number;
            continue;
          }
          value = this.spanText.substring(start, end);
        }
      } else if (plan.slot >= 0) {
        value = this.slotValues[plan.slot];
      } else if (plan.derive !== undefined) {
        try {
          value = plan.derive(raw!);
        } catch (error) {
          this.reportCell(
            plan,
            line,
            record,
            undefined,
            new CoercionFailure('data.derive-failed', `The derive rule failed: ${(error as Error).message}`),
          );
          isRejected = true;
          continue;
        }
      } else {
        const constant = plan.constValue ?? null;
        if (plan.type === 'datetime' && (constant as number) > this.notAfter) {
          this.reportCell(plan, line, record, constant, futureDateFailure(this.notAfter));
          isRejected = true;
          continue;
        }
        if (at >= 0) cells[at] = constant;
        if (plan.type === 'datetime' && constant !== null && (latest === undefined || (constant as number) > latest))
          latest = constant as number;
        continue;
      }
      const cell = resolveCell(value, plan);
      if (cell instanceof CoercionFailure) {
        this.reportCell(plan, line, record, value, cell);
        isRejected = true;
      } else if (cell === null && plan.isRequired) {
        this.reportCell(
          plan,
          line,
          record,
          value,
          new CoercionFailure('data.missing-required', 'The field is required but the value is empty.'),
        );
        isRejected = true;
      } else if (plan.type === 'datetime' && (cell as number) > this.notAfter) {
        this.reportCell(plan, line, record, value, futureDateFailure(this.notAfter));
        isRejected = true;
      } else {
        if (at >= 0) cells[at] = cell;
        plan.stageCheck?.note(cell, line);
        if (plan.type === 'datetime' && cell !== null && (latest === undefined || (cell as number) > latest))
          latest = cell as number;
      }
    }
    if (isRejected) {
      this.tally.rowsRejected++;
      return;
    }
    let row: Record<string, Cell>;
    if (this.makeRow !== undefined) {
      row = this.makeRow(cells);
    } else {
      row = { ...this.template };
      for (let i = 0; i < fields.length; i++) if (this.keptAt[i]! >= 0) row[fields[i]!.field] = cells[this.keptAt[i]!]!;
    }
    if (this.isUnmatched(row, line, record) || this.isFaulty(row, line, record)) return;
    this.latestTimestamp = latest;
    this.keep(row, line, record);
  }

  /** Rejects a row that breaks a check of the whole row (see `RowChecks`), with an issue on the field concerned. */
  private isFaulty(row: Record<string, Cell>, line: number, record: number | undefined): boolean {
    const fault = this.rowChecks.find(row, line);
    if (fault === undefined) return false;
    this.reportCell(fault.plan, line, record, fault.raw, fault.failure);
    this.tally.rowsRejected++;
    return true;
  }

  /**
   * Fills the row's looked-up fields, or rejects it (see `RowLookups`). Their values are not
   * counted in the latest date-time: they are the looked-up entity's, counted there.
   */
  private isUnmatched(row: Record<string, Cell>, line: number, record: number | undefined): boolean {
    const fault = this.lookups?.fill(row);
    if (fault === undefined) return false;
    this.reportCell(fault.plan, line, record, fault.raw, fault.failure, fault.keyPlan);
    this.tally.rowsRejected++;
    return true;
  }

  private keep(row: Record<string, Cell>, line: number, record: number | undefined): void {
    if (this.distinct !== undefined) {
      const verdict = this.distinct.add(row, line);
      if (typeof verdict === 'object') {
        this.reportCell(verdict.plan, line, record, verdict.raw, verdict.failure);
        this.tally.rowsRejected++;
        return;
      }
      if (verdict !== 'new') {
        // A row repeating a known id, or with none, makes no row of its own; it is read and used.
        this.tally.rowsEvaluated++;
        return;
      }
    }
    this.tally.rowsEvaluated++;
    if (this.columns !== undefined) {
      this.columns.append(row);
      return;
    }
    // setPrototypeOf on a finished object keeps V8's fast properties; Object.create(null) would
    // make every row a hash table, several times larger.
    Object.setPrototypeOf(row, null);
    this.rows.push(row);
  }

  private reportCell(
    plan: FieldPlan,
    line: number,
    record: number | undefined,
    raw: unknown,
    failure: CoercionFailure,
    /** The field whose column locates the problem (a lookup's key), when not `plan`. */
    at: FieldPlan | undefined = plan,
  ): void {
    const problem: Problem = { code: failure.code, line, field: plan.field, message: failure.message };
    if (failure.hint !== undefined) problem.hint = failure.hint;
    if (raw !== undefined) problem.raw = raw;
    if (record !== undefined) problem.record = record;
    let columnName: string | undefined;
    if (at !== undefined && at.slot >= 0) {
      const column = this.slotColumns[at.slot] ?? -1;
      columnName = column >= 0 ? this.header[column] : this.plan.columns[at.slot];
      if (column >= 0) problem.column = column + 1;
    }
    if (columnName !== undefined) problem.columnName = columnName;
    const where =
      columnName !== undefined && columnName !== plan.field ? `\`${columnName}\` (${plan.field})` : `\`${plan.field}\``;
    problem.message = `${where}: ${failure.message}`;
    this.tally.report(problem);
  }

  /** The source slot a JSON key fills: -1 when no field reads it. */
  private slotOf(key: string): number {
    const known = this.keySlots.get(key);
    if (known !== undefined) return known;
    let slot = this.plan.columns.indexOf(key);
    if (slot === -1 && this.plan.isCaseInsensitive) {
      const lower = key.toLowerCase();
      slot = this.plan.columns.findIndex((c) => c.toLowerCase() === lower);
    }
    if (slot === -1 && !this.plan.deriveColumns.has(this.deriveKey(key))) this.tally.ignoredColumns.add(key);
    if (this.keySlots.size < 10_000) this.keySlots.set(key, slot);
    return slot;
  }
}
