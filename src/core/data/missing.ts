import type { EntityName } from '../model/canonical.js';
import { suggestName } from '../policy/did-you-mean.js';
import type { MissingData, PipelineData } from './types.js';

/**
 * What an evaluation on `data` lacks: every file that failed (its first error says why),
 * and every entity in `needed` (see `findNeededEntities`) that has no file, or whose files
 * gave no row — all rejected, or none there.
 */
export function findMissingData(
  data: PipelineData,
  needed: ReadonlyMap<EntityName, string>,
  dir: string,
): MissingData[] {
  const missing: MissingData[] = [];
  for (const file of data.files) {
    if (file.status !== 'failed') continue;
    const issue = data.issues.find((i) => i.file === file.file && i.severity === 'error');
    const lost = file.rowsRead === 0 ? '' : ` (${file.rowsRead} rows lost)`;
    missing.push({
      entity: file.entity,
      file: file.file,
      reason: `${issue?.message ?? 'The file could not be read.'}${lost}`,
    });
  }
  for (const [entity, why] of needed) {
    const files = data.files.filter((f) => f.entity === entity);
    if (files.some((f) => f.status === 'failed')) continue;
    if (files.length === 0) {
      const near = suggestName(`${entity}.csv`, data.ignoredFiles);
      const guess =
        near === undefined
          ? ''
          : ` Did you mean \`${near}\`? (it would be read if named ${entity}.csv, .ndjson or .json)`;
      missing.push({ entity, file: null, reason: `There is no ${entity} file in ${dir}, and ${why}.${guess}` });
      continue;
    }
    if (files.some((f) => f.rowsEvaluated > 0)) continue;
    const rejected = files.reduce((n, f) => n + f.rowsRejected, 0);
    const file = files[0]!.file;
    if (rejected === 0) {
      missing.push({ entity, file, reason: `The file has no ${entity} rows, and ${why}.` });
      continue;
    }
    const first = data.issues.find((i) => i.file === file && i.severity === 'error' && i.line > 0);
    const example =
      first === undefined
        ? ''
        : ` First: line ${first.line}${first.column > 0 ? `, column ${first.column}` : ''}: ${first.message}`;
    missing.push({ entity, file, reason: `All ${rejected} ${entity} rows were rejected, and ${why}.${example}` });
  }
  return missing;
}

/** The missing data as one message, a line per item, for an error or a headline. */
export function describeMissingData(missing: readonly MissingData[]): string {
  return missing.map((m) => `${m.file ?? m.entity}: ${m.reason}`).join('\n');
}
