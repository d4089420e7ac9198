import type { PipelineData, Row } from '../data/types.js';
import { indexActivities } from './activity-index.js';
import type { ActivityIndex } from './activity-index.js';
import { findLatestTimestamp } from './as-of.js';

/** Data prepared once for any number of evaluations (the impact report evaluates twice). */
export interface PreparedData {
  data: PipelineData;
  users: ReadonlyMap<string, Row>;
  latest: number | undefined;
  activities: { lead?: ActivityIndex; opportunity?: ActivityIndex };
  /** Row index of each lead and opportunity id. */
  leadIndex: ReadonlyMap<string, number>;
  opportunityIndex: ReadonlyMap<string, number>;
  /** For each opportunity, the row index of its lead (`lead_id`), -1 for none. */
  leadOfOpportunity: Int32Array;
}

function indexIds(rows: readonly Row[]): Map<string, number> {
  const out = new Map<string, number>();
  rows.forEach((row, i) => {
    if (typeof row.id === 'string') out.set(row.id, i);
  });
  return out;
}

export function prepareData(data: PipelineData): PreparedData {
  const users = indexIds(data.users);
  const leadIndex = indexIds(data.leads);
  const leadOfOpportunity = new Int32Array(data.opportunities.length).fill(-1);
  data.opportunities.forEach((opp, k) => {
    const i = typeof opp.lead_id === 'string' ? leadIndex.get(opp.lead_id) : undefined;
    if (i !== undefined) leadOfOpportunity[k] = i;
  });
  return {
    data,
    users: new Map([...users].map(([id, i]) => [id, data.users[i] as Row])),
    latest: findLatestTimestamp(data),
    activities: {},
    leadIndex,
    opportunityIndex: indexIds(data.opportunities),
    leadOfOpportunity,
  };
}

/** The activities grouped by lead or by opportunity, built on first use and kept. */
export function activityIndexFor(prepared: PreparedData, entity: 'lead' | 'opportunity'): ActivityIndex {
  const cached = prepared.activities[entity];
  if (cached !== undefined) return cached;
  const built =
    entity === 'lead'
      ? indexActivities(prepared.data.activities, prepared.data.leads, 'lead_id', prepared.leadIndex)
      : indexActivities(prepared.data.activities, prepared.data.opportunities, 'opportunity_id', prepared.opportunityIndex);
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
