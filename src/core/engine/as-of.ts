import { canonicalModel } from '../model/canonical.js';
import type { EntityName } from '../model/canonical.js';
import { numberColumn } from '../data/column-table.js';
import type { PipelineData } from '../data/types.js';
import { suggestName } from '../policy/did-you-mean.js';

const timestamped = ['leads', 'opportunities', 'activities', 'stage_events'] as const satisfies readonly EntityName[];

/**
 * The default "as of" moment of a run: the latest timestamp anywhere in the data (every
 * datetime field of leads, opportunities, activities and stage events). Undefined when the
 * data holds no timestamp at all.
 */
export function findLatestTimestamp(data: PipelineData): number | undefined {
  let latest: number | undefined;
  const known = data.latestTimestamps;
  if (known !== undefined) {
    // The loader noted each entity's latest, also in fields the rows do not keep.
    for (const entity of timestamped) {
      const value = known[entity];
      if (value !== undefined && (latest === undefined || value > latest)) latest = value;
    }
    return latest;
  }
  for (const entity of timestamped) {
    const fields = Object.entries(canonicalModel[entity])
      .filter(([, spec]) => spec.type === 'datetime')
      .map(([name]) => name);
    if (entity === 'activities') {
      for (const field of fields) {
        for (const value of numberColumn(data.activities, field))
          if (!Number.isNaN(value) && (latest === undefined || value > latest)) latest = value;
      }
      continue;
    }
    for (const row of data[entity]) {
      for (const field of fields) {
        const value = row[field];
        if (typeof value === 'number' && (latest === undefined || value > latest)) latest = value;
      }
    }
  }
  return latest;
}

/**
 * Why the data holds no timestamp, cause first: each file of a timestamped entity that
 * failed or had every row rejected (with its first issue), or, when none of them has a
 * file, the files that may have been meant. Ends by saying what follows (no as-of moment).
 */
export function explainNoTimestamp(data: PipelineData): string {
  const causes: string[] = [];
  const absent: EntityName[] = [];
  for (const entity of timestamped) {
    const files = data.files.filter((f) => f.entity === entity);
    if (files.length === 0) absent.push(entity);
    for (const file of files) {
      const issue = data.issues.find((i) => i.file === file.file && i.severity === 'error');
      const where =
        issue === undefined || issue.line === 0
          ? ''
          : `line ${issue.line}${issue.column > 0 ? `, column ${issue.column}` : ''}: `;
      const first =
        issue === undefined ? '' : `${where}${issue.message}${issue.hint === undefined ? '' : ` ${issue.hint}`}`;
      if (file.status === 'failed') causes.push(`${file.file} could not be read: ${first}`);
      else if (file.rowsEvaluated === 0 && file.rowsRejected > 0)
        causes.push(`${file.file}: all ${file.rowsRejected} rows were rejected; the first at ${first}`);
      else if (file.rowsEvaluated === 0) causes.push(`${file.file} has no rows.`);
    }
  }
  if (absent.length === timestamped.length || causes.length === 0) {
    const guesses = absent
      .map((entity) => ({ entity, near: suggestName(`${entity}.csv`, data.ignoredFiles) }))
      .filter((g) => g.near !== undefined);
    const named = guesses
      .map(
        (g) =>
          ` Did you mean \`${g.near}\` for ${g.entity}? (files are found by entity name: ${g.entity}.csv, .ndjson or .json)`,
      )
      .join('');
    causes.push(`No file holds ${absent.join(', ')}.${named}`);
  }
  return `${causes.join('\n')}\nSo the data holds no timestamp and there is no as-of moment: fix the data, or pass --as-of.`;
}
