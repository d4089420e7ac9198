import { canonicalModel } from '../model/canonical.js';
import type { EntityName } from '../model/canonical.js';
import { numberColumn } from '../data/column-table.js';
import type { PipelineData } from '../data/types.js';

const timestamped: EntityName[] = ['leads', 'opportunities', 'activities', 'stage_events'];

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
        for (const value of numberColumn(data.activities, field)) if (!Number.isNaN(value) && (latest === undefined || value > latest)) latest = value;
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
