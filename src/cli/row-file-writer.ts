import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { IoError } from '../core/errors.js';
import type { CellValue } from './csv-text.js';
import { formatCsvLines } from './csv-text.js';

/** `csv` (with a header row) or `ndjson` (one JSON object per line). */
export type RowFormat = 'csv' | 'ndjson';

/** Streams rows of one entity to a file, in chunks, waiting when the disk falls behind. */
export interface RowFileWriter {
  readonly path: string;
  /** Rows written so far. */
  readonly rows: number;
  /** Adds a row (an object keyed by field name); returns a promise to await when the file needs to catch up. */
  write(row: object): Promise<void> | undefined;
  /** Writes what is buffered and closes the file. */
  close(): Promise<void>;
  /** Gives up: closes the file without flushing (after a failure elsewhere). */
  abort(): Promise<void>;
}

const chunkRows = 4096;

/** Opens `path` for writing; CSV gets `fields` as its header row, NDJSON one object per line. */
export function openRowFile(path: string, fields: readonly string[], format: RowFormat): RowFileWriter {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  let failure: unknown = null;
  stream.on('error', (error) => (failure ??= error));
  const csvRows: CellValue[][] = [];
  const jsonLines: string[] = [];
  let rows = 0;
  if (format === 'csv') stream.write(formatCsvLines([fields as string[]]));

  const fail = (error: unknown) =>
    new IoError(`Could not write ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  const flush = (): Promise<void> | undefined => {
    if (failure !== null) return Promise.reject(fail(failure));
    const text = format === 'csv' ? formatCsvLines(csvRows) : jsonLines.join('');
    csvRows.length = 0;
    jsonLines.length = 0;
    if (text === '' || stream.write(text)) return undefined;
    return once(stream, 'drain').then(
      () => undefined,
      (error: unknown) => Promise.reject(fail(error)),
    );
  };

  return {
    path,
    get rows() {
      return rows;
    },
    write(row) {
      rows++;
      const cells = row as Readonly<Record<string, CellValue>>;
      if (format === 'csv') csvRows.push(fields.map((f) => cells[f] ?? null));
      else jsonLines.push(`${JSON.stringify(row)}\n`);
      return csvRows.length + jsonLines.length >= chunkRows ? flush() : undefined;
    },
    async close() {
      await flush();
      stream.end();
      try {
        await finished(stream);
      } catch (error) {
        throw fail(error);
      }
      if (failure !== null) throw fail(failure);
    },
    async abort() {
      if (stream.closed) return;
      const closed = once(stream, 'close').catch(() => undefined);
      stream.destroy();
      await closed;
    },
  };
}
