import type { PipelineData, Row } from '../data/types.js';
import { indexActivities } from './activity-index.js';
import type { ActivityIndex } from './activity-index.js';
import { findLatestTimestamp } from './as-of.js';
import { IdIndex } from './id-index.js';

/** Data prepared once for any number of evaluations (the impact report evaluates twice). */
export interface PreparedData {
  data: PipelineData;
  users: ReadonlyMap<string, Row>;
  latest: number | undefined;
  activities: { lead?: ActivityIndex; opportunity?: ActivityIndex };
  /** Row index of each lead and opportunity id. */
  leadIndex: IdIndex;
  opportunityIndex: IdIndex;
  /** For each opportunity, the row index of its lead (`lead_id`), -1 for none. */
  leadOfOpportunity: Int32Array;
  /**
   * Results that depend on the data (and the as-of) only, computed once for every
   * evaluation of this data — the impact report evaluates the base and the head policies.
   * Callers never change what they get.
   */
  memo: <T>(key: string, compute: () => T) => T;
}

/** A memo for `PreparedData.memo`. */
export function createMemo(): <T>(key: string, compute: () => T) => T {
  const values = new Map<string, unknown>();
  return <T>(key: string, compute: () => T): T => {
    if (!values.has(key)) values.set(key, compute());
    return values.get(key) as T;
  };
}

export function prepareData(data: PipelineData): PreparedData {
  const users = new Map<string, Row>();
  for (const user of data.users) if (typeof user.id === 'string') users.set(user.id, user);
  const leadIndex = IdIndex.of(data.leads);
  const leadOfOpportunity = new Int32Array(data.opportunities.length).fill(-1);
  data.opportunities.forEach((opp, k) => {
    if (typeof opp.lead_id === 'string') leadOfOpportunity[k] = leadIndex.get(opp.lead_id);
  });
  return {
    data,
    users,
    latest: findLatestTimestamp(data),
    activities: {},
    leadIndex,
    opportunityIndex: IdIndex.of(data.opportunities),
    leadOfOpportunity,
    memo: createMemo(),
  };
}

/** The activities grouped by lead or by opportunity, built on first use and kept. */
export function activityIndexFor(prepared: PreparedData, entity: 'lead' | 'opportunity'): ActivityIndex {
  const cached = prepared.activities[entity];
  if (cached !== undefined) return cached;
  const built =
    entity === 'lead'
      ? indexActivities(prepared.data.activities, prepared.data.leads.length, 'lead_id', prepared.leadIndex)
      : indexActivities(
          prepared.data.activities,
          prepared.data.opportunities.length,
          'opportunity_id',
          prepared.opportunityIndex,
        );
  prepared.activities[entity] = built;
  return built;
}

/** Per lead, the earliest of an opportunity event's times over the lead's opportunities (by `lead_id`). */
export function earliestPerLead(times: Float64Array, leads: number, leadOfOpportunity: Int32Array): Float64Array {
  const out = new Float64Array(leads).fill(NaN);
  for (let k = 0; k < times.length; k++) {
    const i = leadOfOpportunity[k] as number;
    const t = times[k] as number;
    if (i >= 0 && !Number.isNaN(t) && !(t >= (out[i] as number))) out[i] = t;
  }
  return out;
}
