import { IoError, RevopsError } from '../errors.js';
import type { FileIo } from '../io.js';
import type { Policy } from '../policy/types.js';
import { emptyTable, tableRows } from './column-table.js';
import { latestAllowedAt } from './clock.js';
import { discoverEntityFiles, formatOfFileName } from './discover.js';
import { findMissingData } from './missing.js';
import type { EntityName } from '../model/canonical.js';
import { readEntityFile } from './read-entity.js';
import type { EntityRead, EntityReadJob } from './read-entity.js';
import type { FunnelStages } from './funnel-stages.js';
import { FileTally } from './tally.js';
import { keepLookedUpFields, planLookups } from './load-lookups.js';
import type { FieldSelection, FileAccounting, LoadProgress, PipelineData } from './types.js';

export interface LoadPipelineOptions {
  /** Read the files a FieldMapping names, through its mapping; entities it leaves out are read by canonical names. */
  mapping?: Policy<'FieldMapping'>;
  /** Called after every chunk read (files read elsewhere report too, interleaved). */
  onProgress?: (progress: LoadProgress) => void;
  /** Fields to keep in the rows (all when omitted). */
  keep?: FieldSelection;
  /**
   * Reads an entity file elsewhere — on another thread — while the others are read here:
   * resolves to what `readEntityFile` gives for the job, or returns undefined to leave the
   * file to be read here. Jobs given to it always ask for columns; rows are rebuilt here.
   */
  readElsewhere?: (job: EntityReadJob) => Promise<EntityRead> | undefined;
  /**
   * The run's clock (epoch ms): rows dated after it, beyond a day's tolerance
   * (`FUTURE_TOLERANCE_MS`), are rejected. Given by the caller — the core never reads a clock.
   */
  now?: number;
  /** Entities the evaluation needs, with why (see `findNeededEntities`): `missing` says which of them have no row. */
  needs?: ReadonlyMap<EntityName, string>;
  /** The reporting time zone: a date without a time is the first instant of that day there (default UTC). */
  timeZone?: string;
  /**
   * The Funnel's stages: stage values are checked against them, and `won` read from `stage` when an
   * export has none.
   */
  stages?: FunnelStages;
}

/**
 * Reads the pipeline data in `dir`: one file per entity, CSV, NDJSON or JSON, streamed.
 * Problems in the data are issues in the result; only IO failures (and a directory with
 * no data file at all) throw. Every file's accounting balances, or this throws. `missing`
 * lists the failed files and the needed entities without a row (see `findMissingData`).
 */
export async function loadPipelineData(
  dir: string,
  io: FileIo,
  options: LoadPipelineOptions = {},
): Promise<PipelineData> {
  const spec = options.mapping?.spec;
  const discovery = await discoverEntityFiles(dir, io, spec);
  const data: PipelineData = {
    leads: [],
    opportunities: [],
    activities: emptyTable,
    users: [],
    stage_events: [],
    spend: [],
    files: [],
    issues: [],
    absent: discovery.absent,
    ignoredFiles: discovery.ignoredFiles,
    latestTimestamps: {},
  };
  const reads: EntityRead[] = [];
  for (const unreadable of discovery.unreadable) {
    const tally = new FileTally(unreadable.file, unreadable.entity, formatOfFileName(unreadable.file) ?? 'csv');
    tally.fail({ code: unreadable.code, line: 0, message: unreadable.message, hint: unreadable.hint });
    reads.push({ rows: [], table: emptyTable, accounting: tally.toAccounting(), issues: tally.keptIssues() });
  }
  for (const conflict of discovery.conflicts) {
    for (const file of conflict.files) {
      const tally = new FileTally(file, conflict.entity, 'csv');
      tally.fail({
        code: 'data.entity-twice',
        line: 0,
        message: `More than one file holds ${conflict.entity} (${conflict.files.join(', ')}); none of them is read.`,
        hint: 'Keep one file per entity.',
      });
      reads.push({ rows: [], table: emptyTable, accounting: tally.toAccounting(), issues: tally.keptIssues() });
    }
  }
  const lookups = planLookups(spec);
  const keepAll = keepLookedUpFields(options.keep, lookups.all);
  const jobs: EntityReadJob[] = [];
  for (const source of discovery.sources) {
    // A file of unknown format is not read at all (its accounting says why).
    const job: EntityReadJob = {
      source,
      bytes: source.format === undefined ? 0 : await sizeOf(source.file, io),
      asColumns: source.entity === 'activities',
    };
    if (source.isMapped && spec !== undefined) job.spec = spec;
    const keep = keepAll?.[source.entity];
    if (keep !== undefined) job.keep = keep;
    if (options.now !== undefined) job.notAfter = latestAllowedAt(options.now);
    if (options.timeZone !== undefined) job.timeZone = options.timeZone;
    if (options.stages !== undefined) job.stages = options.stages;
    jobs.push(job);
  }
  // An entity that looks fields up is read here, after the entities it looks up in.
  jobs.sort((a, b) => lookups.rank(a.source.entity) - lookups.rank(b.source.entity));
  // Files read elsewhere start first, so they are read while the rest are read here.
  const elsewhere = jobs.map((job) =>
    job.source.format === undefined || lookups.rank(job.source.entity) > 0
      ? undefined
      : options.readElsewhere?.({ ...job, asColumns: true }),
  );
  // Settled whatever happens here, so a failure elsewhere is never left unhandled.
  const settled = elsewhere.map((pending) =>
    pending?.then(
      (read) => ({ read }),
      (error: unknown) => ({ error }),
    ),
  );
  for (const [i, job] of jobs.entries()) {
    const pending = settled[i];
    let read: EntityRead;
    if (lookups.rank(job.source.entity) > 0) Object.assign(job, lookups.tablesFor(job.source.entity, data, reads));
    if (pending === undefined) {
      read = await readEntityFile(job, io, options.onProgress);
    } else {
      const outcome = await pending;
      if ('error' in outcome) throw outcome.error;
      read = job.asColumns ? outcome.read : { ...outcome.read, rows: tableRows(outcome.read.table), table: emptyTable };
    }
    if (job.source.entity === 'activities') data.activities = read.table;
    else data[job.source.entity] = read.rows;
    if (read.latestTimestamp !== undefined) data.latestTimestamps![job.source.entity] = read.latestTimestamp;
    reads.push(read);
  }
  for (const read of reads) {
    if (read.columnsRead !== undefined) unlistColumns(reads, read);
    assertBalanced(read.accounting);
    data.files.push(read.accounting);
    data.issues.push(...read.issues);
  }
  data.missing = findMissingData(data, options.needs ?? new Map(), dir);
  return data;
}

/** Columns of a shared file that an entity built from it reads are not ignored by the file's own entity. */
function unlistColumns(reads: readonly EntityRead[], derived: EntityRead): void {
  const used = new Set(derived.columnsRead!.map((c) => c.toLowerCase()));
  for (const read of reads) {
    if (read === derived || read.accounting.file !== derived.accounting.file) continue;
    read.accounting.ignoredColumns = read.accounting.ignoredColumns.filter((c) => !used.has(c.toLowerCase()));
  }
}

async function sizeOf(file: string, io: FileIo): Promise<number> {
  try {
    return await io.fileSize(file);
  } catch (cause) {
    throw new IoError(`Cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
}

/** rows read = rows evaluated + rows rejected, for every file. */
export function assertBalanced(file: FileAccounting): void {
  if (file.rowsRead !== file.rowsEvaluated + file.rowsRejected) {
    throw new RevopsError(
      'internal',
      `Row accounting does not balance for ${file.file}: ${file.rowsRead} read, ${file.rowsEvaluated} evaluated, ${file.rowsRejected} rejected.`,
    );
  }
}
