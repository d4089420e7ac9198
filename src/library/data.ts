import { UsageError } from '../core/errors.js';
import { loadPipelineData } from '../core/data/load.js';
import type { LoadProgress, PipelineData } from '../core/data/types.js';
import { nodeFileIo } from '../cli/cli-io.js';
import { createHashingIo } from '../cli/hashing-io.js';
import { cleanPath } from '../cli/options.js';
import { refuseMissingData, withStages } from '../cli/load-data.js';
import { findNeededEntities } from '../core/data/needed-entities.js';
import { reportingTimeZone } from '../core/engine/time-zone.js';
import type { IoOptions, LoadedPolicies } from './policies.js';

/** Options of `loadData`. */
export interface LoadDataOptions extends IoOptions {
  /** Read the files through the FieldMapping policy of this name, from `policies`. */
  mapping?: string;
  /** The policies that hold the FieldMapping named by `mapping`. */
  policies?: LoadedPolicies;
  /** Called after every chunk read, for a progress indicator. */
  onProgress?: (progress: LoadProgress) => void;
  /** The clock rows are checked against (epoch ms; rows dated more than a day after it are rejected); default: now. */
  now?: number;
  /**
   * Go on when data the policies need is missing (`data.missing` then says what); default: throw a
   * UsageError, as the CLI does.
   */
  allowPartialData?: boolean;
}

/** Pipeline data read from a directory, with what a report needs to stamp and mask it. */
export interface LoadedData {
  dir: string;
  /** The rows by entity, every file's accounting and every rejected row as an issue. */
  data: PipelineData;
  /** sha256 over the data files (path and content, in path order), as in a report's stamp. */
  dataHash: string;
  /** sha256 of each data file read, by path (the key of `mask` pseudonyms). */
  fileHashes: ReadonlyMap<string, string>;
}

/**
 * Reads the pipeline data in `dir` (one CSV, NDJSON or JSON file per entity: leads,
 * opportunities, activities, users, stage_events), streamed. Rejected rows are counted and
 * located in `data.issues`, never dropped silently; only IO failures and a directory with no
 * data file throw.
 */
export async function loadData(dir: string, options: LoadDataOptions = {}): Promise<LoadedData> {
  const clean = cleanPath(dir);
  let mapping;
  if (options.mapping !== undefined) {
    const mappings = options.policies?.set.FieldMapping ?? [];
    mapping = mappings.find((m) => m.metadata.name === options.mapping);
    if (mapping === undefined) {
      throw new UsageError(
        `No FieldMapping named ${options.mapping} in the policies given; there are: ${mappings.map((m) => m.metadata.name).join(', ') || 'none'}.`,
      );
    }
  }
  const hashing = createHashingIo(options.io ?? nodeFileIo);
  const set = options.policies?.set;
  // Read as the CLI reads: the same clock check, needed entities, reporting zone and stage check.
  const data = await loadPipelineData(clean, hashing.io, {
    now: options.now ?? Date.now(),
    ...(set === undefined
      ? {}
      : { needs: findNeededEntities([set]), timeZone: reportingTimeZone(set), ...withStages(set) }),
    ...(mapping === undefined ? {} : { mapping }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  refuseMissingData(data, clean, options.allowPartialData === true);
  const fileHashes = new Map<string, string>();
  for (const file of data.files) {
    const hash = hashing.fileHash(file.file);
    if (hash !== undefined) fileHashes.set(file.file, hash);
  }
  return { dir: clean, data, dataHash: hashing.digest(clean), fileHashes };
}
