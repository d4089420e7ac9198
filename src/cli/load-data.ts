import { UsageError } from '../core/errors.js';
import { loadPipelineData } from '../core/data/load.js';
import type { FieldSelection, PipelineData } from '../core/data/types.js';
import type { FileIo } from '../core/io.js';
import type { PolicySet } from '../core/policy/types.js';
import type { CliIo } from './cli-io.js';
import { cleanPath } from './options.js';
import { startReadProgress } from './progress.js';

/**
 * Reads a data directory for a command, through the FieldMapping named by `--mapping` when
 * given; rows keep only the fields in `keep` when given (every cell is still checked).
 */
export async function loadCommandData(
  io: CliIo,
  options: { data: string; mapping?: string; quiet: boolean; set: PolicySet; fileIo?: FileIo; keep?: FieldSelection | undefined },
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
  if (!(await io.exists(dataDir))) throw new UsageError(`Data directory ${dataDir} does not exist.`);
  const progress = startReadProgress(!options.quiet);
  try {
    return await loadPipelineData(dataDir, options.fileIo ?? io, {
      onProgress: progress.onProgress,
      ...(mapping === undefined ? {} : { mapping }),
      ...(options.keep === undefined ? {} : { keep: options.keep }),
    });
  } finally {
    progress.stop();
  }
}
