import type { EngineWarning } from '../report/warnings.js';
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
}

/** Fields that take a lead out of the funnel without advancing it. */
const leadDropFields = ['disqualified_at', 'recycled_at'] as const;

/**
 * Builds each stage's entries and exits. An item leaves a stage at the earliest later moment
 * it enters a later stage of the same entity, or — for leads — is disqualified or recycled, or
 * passes to an opportunity: the lead's first opportunity (by `lead_id`, else `opportunity_at`)
 * when an opportunity stage that is not terminal follows; else, when only terminal opportunity
 * stages follow (a funnel `mql → won/lost`), the first time one of the lead's opportunities
 * enters one of them. Leaving by a later stage counts as advancing unless that stage is a `lost`
 * terminal. An item that advances past `next` without a stamp of its own there passes through
 * it at that moment, so what leaves a stage forward is what arrives in the next. Terminal stages
 * are only entered. Times before the entry are ignored (a CRM sometimes back-fills stamps).
 * `warnings` receives what the reader must know about the bridges taken.
 */
export function trackStages(
  funnel: FunnelSpec,
  events: ReadonlyMap<string, EventTimes>,
  leads: readonly Row[],
  opportunities: readonly Row[],
  asOf: number,
  leadOfOpportunity: Int32Array,
  memo: <T>(key: string, compute: () => T) => T = (_key, compute) => compute(),
  warnings: EngineWarning[] = [],
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
    };
  });
  // Both depend on the data only: shared, never changed.
  const leadToOpportunity = memo(`first-opportunity:${asOf}`, () =>
    firstOpportunityOfLeads(leads, opportunities, asOf, leadOfOpportunity),
  );
  const drops = memo('lead-drops', () => readTimes(leads, leadDropFields));
  const firstOpportunityTrack = tracks.find((t) => t.entity === 'opportunity' && t.stage.terminal === undefined);
  const terminalOpportunityTracks = tracks.filter((t) => t.entity === 'opportunity' && t.stage.terminal !== undefined);
  // Entry arrays may be shared with another evaluation: copied before a pass-through is written.
  const owned = new Set<StageTrack>();
  let bridgedByStamp = 0;
  for (const track of tracks) {
    const later = tracks.filter((t) => t.order > track.order && t.entity === track.entity);
    const laterEntries = later.map((t) => t.entry);
    const laterIsLoss = Uint8Array.from(later, (t) => (t.stage.terminal === 'lost' ? 1 : 0));
    // A terminal stage converts to nothing, even a `lost` listed before `won`.
    track.next =
      track.stage.terminal === undefined
        ? (tracks.find((t) => t.order > track.order && t.stage.terminal !== 'lost') ?? null)
        : null;
    if (track.stage.terminal !== undefined) continue;
    const isLead = track.entity === 'lead';
    const bridgesToOpportunity =
      isLead && firstOpportunityTrack !== undefined && firstOpportunityTrack.order > track.order;
    const closes =
      isLead && !bridgesToOpportunity
        ? closingOfLeads(
            terminalOpportunityTracks.filter((t) => t.order > track.order),
            leads.length,
            leadOfOpportunity,
          )
        : null;
    const next = track.next;
    const passesThrough = next !== null && next.entity === track.entity;
    const rows = isLead ? leads : opportunities;
    let wonByClose = 0;
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
        const at = leadToOpportunity.at[i] as number;
        if (at >= entered && at < exit) {
          exit = at;
          isAdvance = true;
        }
      } else if (closes !== null) {
        const at = closes.at[i] as number;
        if (at >= entered && at < exit) {
          exit = at;
          isAdvance = closes.isWon[i] === 1;
        }
      }
      if (isLead) {
        for (let f = 0; f < drops.length; f++) {
          const at = (drops[f] as Float64Array)[i] as number;
          if (at <= asOf && at >= entered && at < exit) {
            exit = at;
            isAdvance = false;
          }
        }
      }
      if (exit === Infinity) continue;
      track.exit[i] = exit;
      track.advanced[i] = isAdvance ? 1 : 0;
      if (isAdvance && closes !== null && exit === closes.at[i] && exit <= asOf) wonByClose++;
      if (
        isAdvance &&
        bridgesToOpportunity &&
        exit === leadToOpportunity.at[i] &&
        leadToOpportunity.byStamp[i] === 1 &&
        next?.entity === 'opportunity'
      )
        bridgedByStamp++;
      if (
        isAdvance &&
        passesThrough &&
        next !== null &&
        !((next.entry[i] as number) >= entered && (next.entry[i] as number) <= exit)
      ) {
        if (!owned.has(next)) {
          next.entry = Float64Array.from(next.entry);
          owned.add(next);
        }
        next.entry[i] = exit;
      }
    }
    if (closes !== null && next !== null && next.stage.terminal === 'won') {
      // The won stage counts every won deal; this stage only the leads it converts. Say when they differ.
      let won = 0;
      for (let k = 0; k < next.entry.length; k++) if ((next.entry[k] as number) <= asOf) won++;
      if (won > wonByClose) {
        warnings.push({
          code: 'funnel.won-without-lead',
          count: won - wonByClose,
          stage: next.stage.id,
          leadStage: track.stage.id,
        });
      }
    }
  }
  if (bridgedByStamp > 0) {
    const target = firstOpportunityTrack?.stage.id ?? 'opportunity';
    warnings.push({ code: 'funnel.bridged-by-stamp', count: bridgedByStamp, stage: target });
  }
  return tracks;
}

/**
 * For leads followed only by terminal opportunity stages: when each lead's first opportunity
 * entered one of them (NaN if none did), and whether that was a win.
 */
function closingOfLeads(
  terminals: readonly StageTrack[],
  leadCount: number,
  leadOfOpportunity: Int32Array,
): { at: Float64Array; isWon: Uint8Array } | null {
  if (terminals.length === 0) return null;
  const at = new Float64Array(leadCount).fill(NaN);
  const isWon = new Uint8Array(leadCount);
  for (const terminal of terminals) {
    for (let k = 0; k < terminal.entry.length; k++) {
      const t = terminal.entry[k] as number;
      const i = leadOfOpportunity[k] as number;
      if (i < 0 || Number.isNaN(t)) continue;
      const seen = at[i] as number;
      // The earliest close wins; on a tie a win counts before a loss.
      if (Number.isNaN(seen) || t < seen || (t === seen && terminal.stage.terminal === 'won')) {
        at[i] = t;
        isWon[i] = terminal.stage.terminal === 'won' ? 1 : 0;
      }
    }
  }
  return { at, isWon };
}

/**
 * When each lead's first opportunity was created (by `lead_id`, else the lead's `opportunity_at`),
 * NaN if none by as-of; `byStamp` marks the leads known only by `opportunity_at`.
 */
function firstOpportunityOfLeads(
  leads: readonly Row[],
  opportunities: readonly Row[],
  asOf: number,
  leadOfOpportunity: Int32Array,
): { at: Float64Array; byStamp: Uint8Array } {
  const out = new Float64Array(leads.length).fill(NaN);
  const byStamp = new Uint8Array(leads.length);
  opportunities.forEach((opp, k) => {
    const i = leadOfOpportunity[k] as number;
    const at = opp.created_at;
    if (i < 0 || typeof at !== 'number' || at > asOf) return;
    const seen = out[i] as number;
    if (Number.isNaN(seen) || at < seen) out[i] = at;
  });
  leads.forEach((lead, i) => {
    const at = lead.opportunity_at;
    if (Number.isNaN(out[i] as number) && typeof at === 'number' && at <= asOf) {
      out[i] = at;
      byStamp[i] = 1;
    }
  });
  return { at: out, byStamp };
}
