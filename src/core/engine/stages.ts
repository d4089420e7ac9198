import type { Row } from '../data/types.js';
import type { FunnelSpec } from '../policy/types.js';
import type { EventTimes } from './events.js';
import { readTimes } from './row-times.js';

type StageSpec = FunnelSpec['stages'][number];

/** Every item's passage through one stage. */
export interface StageTrack {
  stage: StageSpec;
  order: number;
  entity: 'lead' | 'opportunity';
  /** Entry time per row of the entity (NaN: never entered by as-of). */
  entry: Float64Array;
  /** Exit time (NaN: still in the stage at as-of, or a terminal stage). */
  exit: Float64Array;
  /** 1 when the item left by entering a later stage that is not a loss. */
  advanced: Uint8Array;
  /** The stage conversion is measured to (the next one that is not a loss); null at the end. */
  next: StageTrack | null;
  /** Time each row reached `next` (for a lead stage followed by an opportunity stage: the lead's first opportunity). */
  nextEntry: Float64Array | null;
}

/** Fields that take a lead out of the funnel without advancing it. */
const leadDropFields = ['disqualified_at', 'recycled_at'] as const;

/**
 * Builds each stage's entries and exits. An item leaves a stage at the earliest later moment
 * it enters a later stage of the same entity, or — for leads — is disqualified or recycled,
 * or (the last lead stage before an opportunity stage) becomes an opportunity. Leaving by a
 * later stage counts as advancing unless that stage is a `lost` terminal. Terminal stages are
 * only entered. Times before the entry are ignored (a CRM sometimes back-fills stamps).
 */
export function trackStages(
  funnel: FunnelSpec,
  events: ReadonlyMap<string, EventTimes>,
  leads: readonly Row[],
  opportunities: readonly Row[],
  asOf: number,
  leadOfOpportunity: Int32Array,
  memo: <T>(key: string, compute: () => T) => T = (_key, compute) => compute(),
): StageTrack[] {
  const tracks: StageTrack[] = funnel.stages.map((stage, order) => {
    const event = events.get(stage.entry);
    const entity = event?.entity ?? 'lead';
    const size = entity === 'lead' ? leads.length : opportunities.length;
    return {
      stage,
      order,
      entity,
      entry: event?.times ?? new Float64Array(size).fill(NaN),
      exit: new Float64Array(size).fill(NaN),
      advanced: new Uint8Array(size),
      next: null,
      nextEntry: null,
    };
  });
  // Both depend on the data only: shared, never changed.
  const leadToOpportunity = memo(`first-opportunity:${asOf}`, () => firstOpportunityOfLeads(leads, opportunities, asOf, leadOfOpportunity));
  const drops = memo('lead-drops', () => readTimes(leads, leadDropFields));
  const firstOpportunityTrack = tracks.find((t) => t.entity === 'opportunity' && t.stage.terminal === undefined);
  for (const track of tracks) {
    const later = tracks.filter((t) => t.order > track.order && t.entity === track.entity);
    const laterEntries = later.map((t) => t.entry);
    const laterIsLoss = Uint8Array.from(later, (t) => (t.stage.terminal === 'lost' ? 1 : 0));
    // A terminal stage converts to nothing, even a `lost` listed before `won`.
    track.next = track.stage.terminal === undefined ? (tracks.find((t) => t.order > track.order && t.stage.terminal !== 'lost') ?? null) : null;
    if (track.next !== null) track.nextEntry = track.next.entity === track.entity ? track.next.entry : leadToOpportunity;
    if (track.stage.terminal !== undefined) continue;
    const bridgesToOpportunity = track.entity === 'lead' && firstOpportunityTrack !== undefined && firstOpportunityTrack.order > track.order;
    const rows = track.entity === 'lead' ? leads : opportunities;
    for (let i = 0; i < rows.length; i++) {
      const entered = track.entry[i] as number;
      if (Number.isNaN(entered)) continue;
      let exit = Infinity;
      let isAdvance = false;
      for (let l = 0; l < later.length; l++) {
        const at = (laterEntries[l] as Float64Array)[i] as number;
        if (at >= entered && at < exit) {
          exit = at;
          isAdvance = laterIsLoss[l] === 0;
        }
      }
      if (bridgesToOpportunity) {
        const at = leadToOpportunity[i] as number;
        if (at >= entered && at < exit) {
          exit = at;
          isAdvance = true;
        }
      }
      if (track.entity === 'lead') {
        for (let f = 0; f < drops.length; f++) {
          const at = (drops[f] as Float64Array)[i] as number;
          if (at <= asOf && at >= entered && at < exit) {
            exit = at;
            isAdvance = false;
          }
        }
      }
      if (exit !== Infinity) {
        track.exit[i] = exit;
        track.advanced[i] = isAdvance ? 1 : 0;
      }
    }
  }
  return tracks;
}

/** When each lead's first opportunity was created (by `lead_id`, else the lead's `opportunity_at`), NaN if none by as-of. */
function firstOpportunityOfLeads(leads: readonly Row[], opportunities: readonly Row[], asOf: number, leadOfOpportunity: Int32Array): Float64Array {
  const out = new Float64Array(leads.length).fill(NaN);
  opportunities.forEach((opp, k) => {
    const i = leadOfOpportunity[k] as number;
    const at = opp.created_at;
    if (i < 0 || typeof at !== 'number' || at > asOf) return;
    const seen = out[i] as number;
    if (Number.isNaN(seen) || at < seen) out[i] = at;
  });
  leads.forEach((lead, i) => {
    const at = lead.opportunity_at;
    if (Number.isNaN(out[i] as number) && typeof at === 'number' && at <= asOf) out[i] = at;
  });
  return out;
}
