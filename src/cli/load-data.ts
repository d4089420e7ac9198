import { UsageError } from '../core/errors.js';
import { isFastPath } from '../core/fast-path.js';
import { funnelStagesOf } from '../core/data/funnel-stages.js';
import type { FunnelStages } from '../core/data/funnel-stages.js';
import { loadPipelineData } from '../core/data/load.js';
import { describeMissingData } from '../core/data/missing.js';
import { maskMissingData } from '../core/report/mask-issues.js';
import { findNeededEntities } from '../core/data/needed-entities.js';
import type { FieldSelection, PipelineData } from '../core/data/types.js';
import type { EntityName } from '../core/model/canonical.js';
import type { PolicySet } from '../core/policy/types.js';
import type { CliIo } from './cli-io.js';
import type { HashingIo } from './hashing-io.js';
import { cleanPath } from './options.js';
import { createReadElsewhere } from './read-elsewhere.js';
import type { ReadElsewhereOptions } from './read-elsewhere.js';
import { startReadProgress } from './progress.js';

/**
 * Reads a data directory for a command, through the FieldMapping named by `--mapping` when
 * given; rows keep only the fields in `keep` when given (every cell is still checked).
 * Big files other than the leads are read on a second thread meanwhile (see `read-elsewhere.ts`),
 * unless the fast path is off (see `fast-path.ts`);
 * `hashing`, when given, hashes every file read, on either thread.
 */
export async function loadCommandData(
  io: CliIo,
  options: {
    data: string;
    mapping?: string;
    quiet: boolean;
    set: PolicySet;
    hashing?: HashingIo;
    keep?: FieldSelection | undefined;
    /** The reporting time zone, whose days dates without a time name (see `reportingTimeZone`). */
    timeZone?: string;
    /**
     * Where the second thread's script is and how big a file must be to go there (defaults: see
     * `createReadElsewhere`).
     */
    thread?: Pick<ReadElsewhereOptions, 'workerFile' | 'minBytes'>;
    /** The entities the command needs, with why (see `findNeededEntities`; default: those `set` needs). */
    needs?: ReadonlyMap<EntityName, string>;
    /** The run's clock (epoch ms): rows dated after it (beyond a day) are rejected. */
    now: number;
    /** Go on when data is missing (a failed file, a needed entity without rows); otherwise that is a UsageError. */
    allowPartialData: boolean;
    /** `--mask`: the UsageError quotes no row content (see `maskMissingData`). */
    mask?: boolean;
    /** Where the data directory came from (`--data`, a config key), for the error when it is missing. */
    dataOrigin?: string;
    /** The policy directory, for the `sample-data` command that error suggests. */
    policies?: string;
  },
): Promise<PipelineData> {
  let mapping;
  if (options.mapping !== undefined) {
    mapping = options.set.FieldMapping.find((m) => m.metadata.name === options.mapping);
    if (mapping === undefined) {
      const names = options.set.FieldMapping.map((m) => m.metadata.name).join(', ') || 'none';
      throw new UsageError(`No FieldMapping named ${options.mapping}; there are: ${names}.`);
    }
  }
  const dataDir = cleanPath(options.data);
  if (!(await io.exists(dataDir))) throw new UsageError(describeMissingDataDir(dataDir, options));
  const progress = startReadProgress(!options.quiet);
  const hashing = options.hashing;
  const elsewhere = isFastPath()
    ? createReadElsewhere({
        ...options.thread,
        onProgress: progress.onProgress,
        ...(hashing === undefined ? {} : { onHash: hashing.note }),
      })
    : undefined;
  let data: PipelineData;
  try {
    data = await loadPipelineData(dataDir, hashing?.io ?? io, {
      onProgress: progress.onProgress,
      now: options.now,
      needs: options.needs ?? findNeededEntities([options.set]),
      ...(mapping === undefined ? {} : { mapping }),
      ...(options.keep === undefined ? {} : { keep: options.keep }),
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      ...withStages(options.set),
      ...(elsewhere === undefined ? {} : { readElsewhere: elsewhere.readElsewhere }),
    });
  } finally {
    await elsewhere?.close();
    progress.stop();
  }
  refuseMissingData(data, dataDir, options.allowPartialData, options.mask === true);
  return data;
}

/** A UsageError naming what is missing from the data, unless a partial run is allowed. */
export function refuseMissingData(data: PipelineData, dataDir: string, allowPartialData: boolean, mask = false): void {
  const found = data.missing ?? [];
  if (found.length > 0 && !allowPartialData) {
    const missing = mask ? maskMissingData(found, data.issues) : found;
    throw new UsageError(
      `The data in ${dataDir} is incomplete, so figures computed on it would be wrong:\n${describeMissingData(missing).replace(/^/gm, '  ')}\n` +
        'Fix the data, or pass --allow-partial-data to evaluate what is there (the report then says first what is missing).',
    );
  }
}

/** The Funnel's stages, against which the data's stage values are checked (see `FunnelStages`). */
export function withStages(set: PolicySet): { stages?: FunnelStages } {
  const stages = funnelStagesOf(set);
  return stages === undefined ? {} : { stages };
}

/**
 * Why a data directory that does not exist was looked for, and how to get data there: the flag
 * or config key that named it, and the `sample-data` command that makes some.
 */
export function describeMissingDataDir(dir: string, origin: { dataOrigin?: string; policies?: string }): string {
  const from = origin.dataOrigin === undefined ? '' : ` (from ${origin.dataOrigin})`;
  const policies =
    origin.policies === undefined || cleanPath(origin.policies) === 'policies'
      ? ''
      : ` --policies ${cleanPath(origin.policies)}`;
  return (
    `Data directory ${dir} does not exist${from}. Put your CRM export there, point --data (or \`data\` in revops.config.yaml) at it, ` +
    `or generate example data: revops sample-data --leads 5000 --seed 42${policies} -o ${dir}`
  );
}
