import { textColumn } from '../data/column-table.js';
import type { PipelineData, Row } from '../data/types.js';
import type { ActivityIndex } from './activity-index.js';

/** One marketing touch of a lead: its source (channel) and campaign, either possibly unknown. */
export interface Touch {
  source: string | null;
  campaign: string | null;
}

/** The touches of an opportunity's lead, and how many of them came from activities. */
export interface TouchPath {
  touches: Touch[];
  activityTouches: number;
}

const text = (row: Row | undefined, field: string): string | null => {
  const v = row?.[field];
  return typeof v === 'string' && v !== '' ? v : null;
};

/**
 * The touch path of each opportunity: first the lead's own source and campaign (the first
 * touch, whatever the activities say), then every activity of the lead that carries a
 * `campaign` and happened before the opportunity was created, in time order. An opportunity
 * without a lead in the data has one touch with neither.
 */
export function touchPathsOf(
  data: PipelineData,
  leadOfOpportunity: Int32Array,
  byLead: ActivityIndex | undefined,
  withActivities = true,
): (opportunity: number) => TouchPath {
  const campaigns = textColumn(data.activities, 'campaign');
  const sources = textColumn(data.activities, 'source');
  const hasTouches = campaigns.values.length > 0;
  return (k) => {
    const i = leadOfOpportunity[k] as number;
    const lead = i >= 0 ? data.leads[i] : undefined;
    const touches: Touch[] = [{ source: text(lead, 'source'), campaign: text(lead, 'campaign') }];
    const created = data.opportunities[k]?.created_at;
    if (!withActivities || lead === undefined || byLead === undefined || !hasTouches || typeof created !== 'number')
      return { touches, activityTouches: 0 };
    for (let j = byLead.offsets[i] as number; j < (byLead.offsets[i + 1] as number); j++) {
      const a = byLead.order[j] as number;
      const at = byLead.at[a] as number;
      // In time order, missing times last: nothing after this one is before the opportunity.
      if (Number.isNaN(at) || at >= created) break;
      const code = campaigns.codes[a] as number;
      if (code < 0) continue;
      const s = sources.codes[a] as number;
      touches.push({
        campaign: campaigns.values[code] as string,
        source: s < 0 ? null : (sources.values[s] as string),
      });
    }
    return { touches, activityTouches: touches.length - 1 };
  };
}

/**
 * How many campaign touches the deals' paths would hold in all (activities with a campaign
 * before their lead's opportunity), counted without building them: one lead with many deals and
 * many touches makes paths that grow as deals × touches.
 */
export function countActivityTouches(
  data: PipelineData,
  leadOfOpportunity: Int32Array,
  byLead: ActivityIndex | undefined,
  opportunities: readonly number[],
): number {
  if (byLead === undefined) return 0;
  const campaigns = textColumn(data.activities, 'campaign');
  if (campaigns.values.length === 0) return 0;
  let total = 0;
  for (const k of opportunities) {
    const i = leadOfOpportunity[k] as number;
    const created = data.opportunities[k]?.created_at;
    if (i < 0 || typeof created !== 'number') continue;
    for (let j = byLead.offsets[i] as number; j < (byLead.offsets[i + 1] as number); j++) {
      const a = byLead.order[j] as number;
      const at = byLead.at[a] as number;
      if (Number.isNaN(at) || at >= created) break;
      if ((campaigns.codes[a] as number) >= 0) total++;
    }
  }
  return total;
}
