import type { EntityName } from '../model/canonical.js';
import type { Issue } from '../issue.js';
import type { ColumnTable } from './column-table.js';

/**
 * One pipeline record with canonical field names. Rows have no prototype (so a field can
 * never resolve to `constructor` or `__proto__`), and carry exactly the fields their file
 * supplies (see `FileAccounting.fields`): an empty cell is `null`, never `0`, `false` or `""`.
 *
 * Value types by canonical field type: `string` → string; `integer`, `number` → number;
 * `decimal` → normalised decimal string (`"1250.5"`); `boolean` → boolean;
 * `date` → `YYYY-MM-DD` string; `datetime` → epoch milliseconds (UTC).
 */
export type Row = Readonly<Record<string, string | number | boolean | null>>;

/** File formats the readers understand. */
export type DataFormat = 'csv' | 'ndjson' | 'json';

/** Stable codes of data issues; tests and reports rely on them. */
export type DataIssueCode =
  // a cell or row that is rejected
  | 'data.missing-required'
  | 'data.impossible-order'
  | 'data.bad-number'
  | 'data.bad-boolean'
  | 'data.bad-date'
  | 'data.bad-datetime'
  | 'data.bad-value'
  | 'data.bad-encoding'
  | 'data.unmapped-value'
  | 'data.derive-failed'
  | 'data.ragged-row'
  | 'data.unterminated-quote'
  | 'data.bad-quote'
  | 'data.row-too-long'
  | 'data.bad-json'
  | 'data.not-an-object'
  | 'data.forbidden-key'
  | 'data.future-date'
  | 'data.duplicate-id'
  | 'data.negative-number'
  | 'data.invisible-character'
  | 'data.lookup-no-match'
  | 'data.lookup-ambiguous'
  | 'data.distinct-conflict'
  // a whole file (its rows are not read)
  | 'data.empty-file'
  | 'data.header-empty'
  | 'data.header-duplicate'
  | 'data.header-forbidden'
  | 'data.header-too-wide'
  | 'data.missing-column'
  | 'data.ambiguous-column'
  | 'data.bad-mapping'
  | 'data.unknown-format'
  | 'data.bad-json-shape'
  | 'data.entity-twice'
  | 'data.not-a-file'
  | 'data.file-absent'
  | 'data.lookup-unavailable'
  | 'data.too-many-issues';

/**
 * A problem in a data file. Like a policy `Issue`, plus where in the data it is.
 * `line` is the physical line (1-based) where the row starts — for JSON, where the record
 * starts; `column` is the 1-based index of the CSV column (0 for JSON keys, derived and
 * constant fields, and problems of a whole row or file).
 */
export interface DataIssue extends Issue<DataIssueCode> {
  entity: EntityName;
  /** Canonical field the problem concerns, when there is one. */
  field?: string;
  /** Header of the export column (or JSON key) the value came from. */
  columnName?: string;
  /** The raw value as read, truncated to a readable length. */
  raw?: string;
  /** 1-based index of the record in a JSON or NDJSON file. */
  record?: number;
}

/**
 * What happened to one data file. Always `rowsRead === rowsEvaluated + rowsRejected`
 * (checked before a result is returned). `status: 'failed'` means the file could not be
 * read to its end, and `issues` say why: after a CSV header problem every row is still
 * counted, as read and rejected; after an unusable mapping, or for a file that is not a
 * regular file, no row is read at all; after a broken JSON document the rows before the
 * break still count.
 */
export interface FileAccounting {
  file: string;
  entity: EntityName;
  format: DataFormat;
  status: 'read' | 'failed';
  /** Data rows found (blank lines are not rows; the CSV header is not a row). */
  rowsRead: number;
  /** Rows that passed every check and are in the result. */
  rowsEvaluated: number;
  /** Rows left out, each with at least one issue (issues beyond the per-file cap are counted, not kept). */
  rowsRejected: number;
  /**
   * Canonical fields the file supplies, all read and checked (rows keep those in
   * `LoadPipelineOptions.keep`, when given).
   */
  fields: string[];
  /** Columns (or JSON keys) present in the file that no canonical field reads. */
  ignoredColumns: string[];
  /** Every issue found in the file, including any not kept because of the cap. */
  issueCount: number;
  /** For an entity built from another entity's file (a mapping's `from`): the rows it made, one per distinct id. */
  distinctRows?: number;
}

/**
 * The canonical pipeline data read from a directory, with the accounting of every file.
 * Activities are held as columns: an event log of millions of small rows that the engine
 * scans field by field and no policy rule reads (see `ColumnTable`).
 */
export interface PipelineData {
  leads: Row[];
  opportunities: Row[];
  activities: ColumnTable;
  users: Row[];
  stage_events: Row[];
  /** Money spent to win customers (marketing and sales), the basis of CAC. */
  spend: Row[];
  files: FileAccounting[];
  issues: DataIssue[];
  /** Entities for which the directory holds no file. */
  absent: EntityName[];
  /** Files in the directory that hold no entity (not read). */
  ignoredFiles: string[];
  /**
   * What the evaluation lacks (see `findMissingData`): failed files, and entities the
   * policies need that have no row. Empty when nothing is missing, or when not checked.
   */
  missing?: MissingData[];
  /**
   * The latest date-time per entity, over every date-time field of the rows read — also
   * the fields left out of the rows (see `FieldSelection`). Absent for data not built by
   * the loader.
   */
  latestTimestamps?: Partial<Record<EntityName, number>>;
}

/**
 * The fields to keep in the rows of each entity; an entity not listed keeps all of them.
 * Fields left out are still read and checked, so a bad cell rejects its row and the
 * accounting is the same either way: only the row objects are smaller.
 */
export type FieldSelection = Partial<Record<EntityName, ReadonlySet<string>>>;

/** Progress of reading one file, for a progress bar. */
export interface LoadProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
}

/**
 * Data an evaluation lacks: a file that failed or cannot be read, or an entity the policies
 * need (see `findNeededEntities`) without a single row evaluated. An evaluation with any of
 * them is partial: the CLI stops unless asked (`--allow-partial-data`), and reports say so first.
 */
export interface MissingData {
  entity: EntityName;
  /** The file concerned; null when the entity has no file at all. */
  file: string | null;
  /** Why it is missing, in one sentence (the first issue of a failed file, or what the policies need it for). */
  reason: string;
}
