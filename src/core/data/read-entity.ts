import { IoError } from '../errors.js';
import type { FileIo } from '../io.js';
import { LogicCompileError } from '../logic/compile.js';
import type { FieldMappingSpec } from '../policy/types.js';
import { emptyTable } from './column-table.js';
import type { ColumnTable } from './column-table.js';
import { readCsv } from './csv-reader.js';
import { decodeUtf8 } from './decode.js';
import type { EntitySource } from './discover.js';
import { EntitySink } from './entity-sink.js';
import { MappingError, planEntity } from './field-plan.js';
import type { EntityPlan, PlanContext } from './field-plan.js';
import type { FunnelStages } from './funnel-stages.js';
import { readJson } from './json-reader.js';
import { readNdjson } from './ndjson-reader.js';
import type { LookupTables } from './lookup.js';
import { FileTally } from './tally.js';
import type { DataIssue, FileAccounting, LoadProgress, Row } from './types.js';

/** How to read one entity file. Plain data, so another thread can be given it. */
export interface EntityReadJob {
  source: EntitySource;
  /** Size of the file in bytes. */
  bytes: number;
  /** The FieldMapping's spec, for a source read through it. */
  spec?: FieldMappingSpec;
  /** Fields kept (all when undefined); the others are checked only. */
  keep?: ReadonlySet<string>;
  /** Keep the rows as a `ColumnTable` rather than as row objects. */
  asColumns: boolean;
  /** Epoch ms: rows with a date-time after it are rejected (see `latestAllowedAt`); none when undefined. */
  notAfter?: number;
  /** The reporting time zone, whose days dates without a time name (UTC when not given). */
  timeZone?: string;
  /** The Funnel's stages: stage values are checked against them (see `PlanContext`). */
  stages?: FunnelStages;
  /** Tables for the fields the mapping looks up in other entities (see `lookup.ts`); such jobs are read here. */
  lookups?: LookupTables;
  /** Why the lookups cannot run (the entity looked up in has no rows read, …): the file is not read. */
  lookupProblem?: string;
}

/** What reading one entity file gives. Plain data and typed arrays, so it can cross from another thread. */
export interface EntityRead {
  /** The rows kept, unless they are kept as columns. */
  rows: Row[];
  /** The rows kept, when they are kept as columns (else empty). */
  table: ColumnTable;
  accounting: FileAccounting;
  /** The file's issues, with a closing note when some were not kept. */
  issues: DataIssue[];
  /** The latest date-time of the rows kept, in any date-time field. */
  latestTimestamp?: number;
  /** For an entity built from another's file: the columns it reads, which that entity need not list as ignored. */
  columnsRead?: string[];
}

/**
 * Reads one entity file, streamed. Problems in the data are issues in the result; only IO
 * failures throw (an `IoError`).
 */
export async function readEntityFile(
  job: EntityReadJob,
  io: FileIo,
  onProgress?: (progress: LoadProgress) => void,
): Promise<EntityRead> {
  const { source } = job;
  const tally = new FileTally(source.file, source.entity, source.format ?? 'csv');
  const unread = (): EntityRead => ({
    rows: [],
    table: emptyTable,
    accounting: tally.toAccounting(),
    issues: tally.keptIssues(),
  });
  if (source.format === undefined) {
    tally.fail({
      code: 'data.unknown-format',
      line: 0,
      message: 'The file name does not tell its format.',
      hint: 'Name it `.csv`, `.ndjson` or `.json`, or set `format` in the mapping.',
    });
    return unread();
  }
  if (job.lookupProblem !== undefined) {
    tally.fail({
      code: 'data.lookup-unavailable',
      line: 0,
      message: job.lookupProblem,
      hint: 'Fix the file looked up in first; this file is read once it is.',
    });
    return unread();
  }
  let sink: EntitySink;
  let plan: EntityPlan;
  // An entity built from another's file keeps every field: a value that differs must be seen to be a conflict.
  const isDistinct = source.distinctFrom !== undefined;
  const context: PlanContext = {};
  if (job.timeZone !== undefined) context.timeZone = job.timeZone;
  if (job.stages !== undefined) context.stages = job.stages;
  try {
    plan = planEntity(source.entity, job.spec, isDistinct ? undefined : job.keep, context);
    // A row of the other file without this entity's id makes no row, rather than a rejected one.
    const idPlan = isDistinct ? plan.fields.find((f) => f.field === 'id') : undefined;
    if (idPlan !== undefined) idPlan.isRequired = false;
    for (const note of plan.notes) tally.report({ code: 'data.missing-column', severity: 'warning', line: 0, ...note });
    sink = new EntitySink(plan, tally, job.asColumns, {
      isIdUnique: !isDistinct,
      isDistinct,
      ...(job.notAfter === undefined ? {} : { notAfter: job.notAfter }),
      ...(job.lookups === undefined ? {} : { lookups: job.lookups }),
    });
  } catch (error) {
    if (!(error instanceof MappingError || error instanceof LogicCompileError)) throw error;
    const problem = {
      code: 'data.bad-mapping' as const,
      line: 0,
      message: `The mapping of ${source.entity} cannot be applied: ${error.message}`,
    };
    tally.fail(
      error instanceof MappingError && error.field !== undefined ? { ...problem, field: error.field } : problem,
    );
    return unread();
  }
  try {
    const text = decodeUtf8(reportProgress(io.readStream(source.file), source.file, job.bytes, onProgress));
    if (source.format === 'csv')
      await readCsv(text, sink, source.delimiter === undefined ? {} : { delimiter: source.delimiter });
    else if (source.format === 'ndjson') await readNdjson(text, sink);
    else await readJson(text, sink);
  } catch (cause) {
    throw new IoError(`Cannot read ${source.file}: ${(cause as Error).message}`, { cause });
  }
  for (const field of plan.fields) {
    if (field.stageCheck === undefined) continue;
    for (const problem of field.stageCheck.problems(field.field, field.slot < 0 ? undefined : plan.columns[field.slot]))
      tally.report(problem);
  }
  // The other columns of a file read for a derived entity are its own entity's, listed there.
  if (isDistinct) tally.ignoredColumns.clear();
  const read: EntityRead = {
    rows: sink.rows,
    table: sink.table(),
    accounting: tally.toAccounting(),
    issues: tally.keptIssues(),
  };
  if (sink.latestTimestamp !== undefined) read.latestTimestamp = sink.latestTimestamp;
  if (sink.distinctCount !== undefined) read.accounting.distinctRows = sink.distinctCount;
  if (isDistinct) read.columnsRead = [...plan.columns, ...plan.deriveColumns];
  return read;
}

async function* reportProgress(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  totalBytes: number,
  onProgress: ((progress: LoadProgress) => void) | undefined,
): AsyncGenerator<Uint8Array> {
  let bytesRead = 0;
  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    onProgress?.({ file, bytesRead, totalBytes });
    yield chunk;
  }
}
