import { numberColumn, textColumn } from '../data/column-table.js';
import type { ColumnTable, TextColumn } from '../data/column-table.js';
import type { IdIndex } from './id-index.js';

/**
 * Activities grouped by the lead (or opportunity) they concern, each group in time order:
 * `order[offsets[i] .. offsets[i + 1])` are the activity rows of entity row `i`.
 * Built with a counting sort over typed arrays, so a million leads and two million
 * activities cost two passes and a few megabytes, not a map of arrays.
 */
export interface ActivityIndex {
  /** `at` of every activity (epoch ms; NaN where missing). */
  at: Float64Array;
  type: TextColumn;
  actor: TextColumn;
  offsets: Int32Array;
  order: Int32Array;
  /** Activities whose lead (or opportunity) id matches no row. */
  unmatched: number;
}

/**
 * Groups the activities by `key` (`lead_id` or `opportunity_id`); `rowOf` gives the row
 * index of an id among `entityCount` rows.
 */
export function indexActivities(
  activities: ColumnTable,
  entityCount: number,
  key: 'lead_id' | 'opportunity_id',
  rowOf: IdIndex,
): ActivityIndex {
  const ids = textColumn(activities, key);
  // Each distinct id is looked up once.
  const rowOfCode = new Int32Array(ids.values.length);
  for (let code = 0; code < rowOfCode.length; code++) rowOfCode[code] = rowOf.get(ids.values[code] as string);
  const ownerOf = (a: number): number => {
    const code = ids.codes[a] as number;
    return code < 0 ? -2 : (rowOfCode[code] as number);
  };
  // Counts per row, then their running sums.
  const offsets = new Int32Array(entityCount + 1);
  let unmatched = 0;
  for (let a = 0; a < activities.length; a++) {
    const row = ownerOf(a);
    if (row >= 0) offsets[row + 1]!++;
    else if (row === -1) unmatched++;
  }
  for (let i = 0; i < entityCount; i++) offsets[i + 1]! += offsets[i] as number;
  const fill = offsets.slice(0, entityCount);
  const order = new Int32Array(offsets[entityCount] as number);
  for (let a = 0; a < activities.length; a++) {
    const row = ownerOf(a);
    if (row >= 0) order[fill[row]!++] = a;
  }
  // Activities without a time sort last; groups are small, so insertion sort (stable) wins.
  const at = numberColumn(activities, 'at');
  const sortKey = (a: number): number => {
    const t = at[a] as number;
    return Number.isNaN(t) ? Infinity : t;
  };
  for (let i = 0; i < entityCount; i++) {
    const from = offsets[i] as number;
    const to = offsets[i + 1] as number;
    for (let k = from + 1; k < to; k++) {
      const a = order[k] as number;
      const t = sortKey(a);
      let j = k - 1;
      while (j >= from && sortKey(order[j] as number) > t) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = a;
    }
  }
  return {
    at,
    type: textColumn(activities, 'type'),
    actor: textColumn(activities, 'actor_id'),
    offsets,
    order,
    unmatched,
  };
}
