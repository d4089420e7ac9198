import type { Problem } from './tally.js';

/**
 * Receives what a reader finds in one file. One object per file, so that reading a
 * million rows creates no closure per row.
 */
export interface RecordSink {
  /**
   * The CSV header. Returns false when the reader should stop; a sink whose header failed may
   * return true to count the rows the failure loses.
   */
  acceptHeader(names: readonly string[], line: number): boolean;
  /** A CSV row whose field count matches the header. */
  acceptCells(cells: readonly string[], line: number): void;
  /**
   * The same, given as where each cell lies in `text`: cell `i` is
   * `text.slice(bounds[2 * i], bounds[2 * i + 1])`, for the `count` cells of the row.
   */
  acceptSpans?(text: string, bounds: Int32Array, count: number, line: number): void;
  /** A JSON or NDJSON record (`index` is 1-based). */
  acceptRecord(record: unknown, line: number, index: number): void;
  /** A row that could not be parsed: it counts as read and rejected. */
  rejectRow(problem: Problem): void;
  /** The file cannot be read any further (rows accepted so far stay counted). */
  failFile(problem: Problem): void;
}
