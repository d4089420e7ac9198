import { IoError, RevopsError } from '../errors.js';
import type { FileIo } from '../io.js';
import { LogicCompileError } from '../logic/compile.js';
import type { FieldMappingSpec, Policy } from '../policy/types.js';
import { readCsv } from './csv-reader.js';
import { decodeUtf8 } from './decode.js';
import { discoverEntityFiles } from './discover.js';
import type { EntitySource } from './discover.js';
import { emptyTable } from './column-table.js';
import type { ColumnTable } from './column-table.js';
import { EntitySink } from './entity-sink.js';
import { MappingError, planEntity } from './field-plan.js';
import { readJson } from './json-reader.js';
import { readNdjson } from './ndjson-reader.js';
import { FileTally } from './tally.js';
import type { FieldSelection, FileAccounting, LoadProgress, PipelineData, Row } from './types.js';

export interface LoadPipelineOptions {
  /** Read the files a FieldMapping names, through its mapping; entities it leaves out are read by canonical names. */
  mapping?: Policy<'FieldMapping'>;
  /** Called after every chunk read. */
  onProgress?: (progress: LoadProgress) => void;
  /** Fields to keep in the rows (all when omitted). */
  keep?: FieldSelection;
}

/**
 * Reads the pipeline data in `dir`: one file per entity, CSV, NDJSON or JSON, streamed.
 * Problems in the data are issues in the result; only IO failures (and a directory with
 * no data file at all) throw. Every file's accounting balances, or this throws.
 */
export async function loadPipelineData(dir: string, io: FileIo, options: LoadPipelineOptions = {}): Promise<PipelineData> {
  const spec = options.mapping?.spec;
  const discovery = await discoverEntityFiles(dir, io, spec);
  const data: PipelineData = {
    leads: [],
    opportunities: [],
    activities: emptyTable,
    users: [],
    stage_events: [],
    files: [],
    issues: [],
    absent: discovery.absent,
    ignoredFiles: discovery.ignoredFiles,
    latestTimestamps: {},
  };
  const tallies: FileTally[] = [];
  for (const conflict of discovery.conflicts) {
    for (const file of conflict.files) {
      const tally = new FileTally(file, conflict.entity, 'csv');
      tally.fail({ code: 'data.entity-twice', line: 0, message: `More than one file holds ${conflict.entity} (${conflict.files.join(', ')}); none of them is read.`, hint: 'Keep one file per entity.' });
      tallies.push(tally);
    }
  }
  for (const source of discovery.sources) {
    const { rows, table, tally, latestTimestamp } = await readEntityFile(source, io, spec, options);
    if (source.entity === 'activities') data.activities = table ?? emptyTable;
    else data[source.entity] = rows;
    if (latestTimestamp !== undefined) data.latestTimestamps![source.entity] = latestTimestamp;
    tallies.push(tally);
  }
  for (const tally of tallies) {
    const accounting = tally.toAccounting();
    assertBalanced(accounting);
    data.files.push(accounting);
    data.issues.push(...tally.keptIssues());
  }
  return data;
}

async function readEntityFile(
  source: EntitySource,
  io: FileIo,
  spec: FieldMappingSpec | undefined,
  { onProgress, keep }: LoadPipelineOptions,
): Promise<{ rows: Row[]; table?: ColumnTable; tally: FileTally; latestTimestamp?: number }> {
  const tally = new FileTally(source.file, source.entity, source.format ?? 'csv');
  if (source.format === undefined) {
    tally.fail({ code: 'data.unknown-format', line: 0, message: 'The file name does not tell its format.', hint: 'Name it `.csv`, `.ndjson` or `.json`, or set `format` in the mapping.' });
    return { rows: [], tally };
  }
  let sink: EntitySink;
  try {
    sink = new EntitySink(planEntity(source.entity, source.isMapped ? spec : undefined, keep?.[source.entity]), tally, source.entity === 'activities');
  } catch (error) {
    if (!(error instanceof MappingError || error instanceof LogicCompileError)) throw error;
    const problem = { code: 'data.bad-mapping' as const, line: 0, message: `The mapping of ${source.entity} cannot be applied: ${error.message}` };
    tally.fail(error instanceof MappingError && error.field !== undefined ? { ...problem, field: error.field } : problem);
    return { rows: [], tally };
  }
  try {
    const totalBytes = await io.fileSize(source.file);
    const text = decodeUtf8(reportProgress(io.readStream(source.file), source.file, totalBytes, onProgress));
    if (source.format === 'csv') await readCsv(text, sink, source.delimiter === undefined ? {} : { delimiter: source.delimiter });
    else if (source.format === 'ndjson') await readNdjson(text, sink);
    else await readJson(text, sink);
  } catch (cause) {
    throw new IoError(`Cannot read ${source.file}: ${(cause as Error).message}`, { cause });
  }
  const read = { rows: sink.rows, table: sink.table(), tally };
  return sink.latestTimestamp === undefined ? read : { ...read, latestTimestamp: sink.latestTimestamp };
}

async function* reportProgress(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  totalBytes: number,
  onProgress: LoadPipelineOptions['onProgress'],
): AsyncGenerator<Uint8Array> {
  let bytesRead = 0;
  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    onProgress?.({ file, bytesRead, totalBytes });
    yield chunk;
  }
}

/** rows read = rows evaluated + rows rejected, for every file. */
export function assertBalanced(file: FileAccounting): void {
  if (file.rowsRead !== file.rowsEvaluated + file.rowsRejected) {
    throw new RevopsError('INTERNAL', `Row accounting does not balance for ${file.file}: ${file.rowsRead} read, ${file.rowsEvaluated} evaluated, ${file.rowsRejected} rejected.`);
  }
}
