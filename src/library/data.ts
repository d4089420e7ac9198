import { UsageError } from '../core/errors.js';
import { loadPipelineData } from '../core/data/load.js';
import type { LoadProgress, PipelineData } from '../core/data/types.js';
import { nodeFileIo } from '../cli/cli-io.js';
import { createHashingIo } from '../cli/hashing-io.js';
import { cleanPath } from '../cli/options.js';
import type { IoOptions, LoadedPolicies } from './policies.js';

/** Options of `loadData`. */
export interface LoadDataOptions extends IoOptions {
  /** Read the files through the FieldMapping policy of this name, from `policies`. */
  mapping?: string;
  /** The policies that hold the FieldMapping named by `mapping`. */
  policies?: LoadedPolicies;
  /** Called after every chunk read, for a progress indicator. */
  onProgress?: (progress: LoadProgress) => void;
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
      throw new UsageError(`No FieldMapping named ${options.mapping} in the policies given; there are: ${mappings.map((m) => m.metadata.name).join(', ') || 'none'}.`);
    }
  }
  const hashing = createHashingIo(options.io ?? nodeFileIo);
  const data = await loadPipelineData(clean, hashing.io, {
    ...(mapping === undefined ? {} : { mapping }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const fileHashes = new Map<string, string>();
  for (const file of data.files) {
    const hash = hashing.fileHash(file.file);
    if (hash !== undefined) fileHashes.set(file.file, hash);
  }
  return { dir: clean, data, dataHash: hashing.digest(clean), fileHashes };
}
