import type { Row } from '../data/types.js';

/**
 * Activities grouped by the lead (or opportunity) they concern, each group in time order:
 * `order[offsets[i] .. offsets[i + 1])` are the indices into `activities` of entity row `i`.
 * Built with a counting sort over typed arrays, so a million leads and two million
 * activities cost two passes and a few megabytes, not a map of arrays.
 */
export interface ActivityIndex {
  activities: readonly Row[];
  offsets: Int32Array;
  order: Int32Array;
  /** Activities whose lead (or opportunity) id matches no row. */
  unmatched: number;
}

export function indexActivities(activities: readonly Row[], entityRows: readonly Row[], key: 'lead_id' | 'opportunity_id', rowOf: ReadonlyMap<string, number>): ActivityIndex {
  const owner = new Int32Array(activities.length).fill(-1);
  const counts = new Int32Array(entityRows.length + 1);
  let unmatched = 0;
  activities.forEach((activity, a) => {
    const id = activity[key];
    if (typeof id !== 'string') return;
    const row = rowOf.get(id);
    if (row === undefined) {
      unmatched++;
      return;
    }
    owner[a] = row;
    counts[row + 1]!++;
  });
  const offsets = new Int32Array(entityRows.length + 1);
  for (let i = 0; i < entityRows.length; i++) offsets[i + 1] = (offsets[i] as number) + (counts[i + 1] as number);
  const fill = offsets.slice(0, entityRows.length);
  const order = new Int32Array(offsets[entityRows.length] as number);
  for (let a = 0; a < activities.length; a++) {
    const row = owner[a] as number;
    if (row >= 0) order[fill[row]!++] = a;
  }
  // Times read once into a typed array; groups are small, so insertion sort (stable) wins.
  const at = new Float64Array(activities.length);
  activities.forEach((activity, a) => {
    at[a] = typeof activity.at === 'number' ? activity.at : Infinity;
  });
  for (let i = 0; i < entityRows.length; i++) {
    const from = offsets[i] as number;
    const to = offsets[i + 1] as number;
    for (let k = from + 1; k < to; k++) {
      const a = order[k] as number;
      const t = at[a] as number;
      let j = k - 1;
      while (j >= from && (at[order[j] as number] as number) > t) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = a;
    }
  }
  return { activities, offsets, order, unmatched };
}
