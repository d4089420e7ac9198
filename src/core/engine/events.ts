import { canonicalModel } from '../model/canonical.js';
import type { Row } from '../data/types.js';
import { compileRule, truthy } from '../logic/compile.js';
import type { FunnelSpec } from '../policy/types.js';
import type { ActivityIndex } from './activity-index.js';
import type { EngineContext } from './context.js';
import type { LeadClasses } from './replay-classes.js';
import { readTimes } from './row-times.js';

type EventSpec = FunnelSpec['events'][number];

/** When each row of an entity had an event: epoch ms, NaN when it had not by as-of. */
export interface EventTimes {
  entity: 'lead' | 'opportunity';
  times: Float64Array;
}

/** How the lead definition decides a funnel event (the entry of a stage a class points to). */
export interface QualifiedEvent {
  /** Funnel order of the stage the event enters. */
  stageOrder: number;
  classes: LeadClasses;
}

export interface ResolveEventsInput {
  funnel: FunnelSpec;
  leads: readonly Row[];
  opportunities: readonly Row[];
  activityIndex: { lead?: ActivityIndex; opportunity?: ActivityIndex };
  /** Events decided by the lead definition, by event id. */
  qualified: ReadonlyMap<string, QualifiedEvent>;
  /** Keeps what depends on the data only, for the next evaluation (see `PreparedData.memo`). */
  memo?: <T>(key: string, compute: () => T) => T;
}

/** Counts of how qualified events were resolved, per event id. */
export interface QualificationCounts {
  /** The policy qualifies the lead but the CRM has no time: taken from `last_engaged_at` (or `created_at`). */
  modelled: number;
  /** The CRM has a time but the policy does not qualify the lead. */
  notQualified: number;
}

const fieldTypes = {
  lead: Object.fromEntries(Object.entries(canonicalModel.leads).map(([k, v]) => [k, v.type])),
  opportunity: Object.fromEntries(Object.entries(canonicalModel.opportunities).map(([k, v]) => [k, v.type])),
};

/** Event ids in an order where every `activity.after` comes before the events that name it. */
function orderEvents(events: readonly EventSpec[]): EventSpec[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const done = new Set<string>();
  const out: EventSpec[] = [];
  const visit = (e: EventSpec, depth: number): void => {
    if (done.has(e.id) || depth > events.length) return;
    const after = e.activity?.after;
    const dep = after === undefined ? undefined : byId.get(after);
    if (dep !== undefined) visit(dep, depth + 1);
    done.add(e.id);
    out.push(e);
  };
  for (const e of events) visit(e, 0);
  return out;
}

/**
 * Resolves every funnel event to a time per lead or opportunity, as of `ctx.asOf`:
 * - a `field` event is that datetime field (when its `when` holds on the row);
 * - an `activity` event is the earliest activity of one of its types, by a user with one of
 *   its roles, at or after its `after` event;
 * - an event that enters a stage a lead class points to (e.g. `mql_reached`) happens only to
 *   leads the lead definition puts in that stage or a later one; its time is the field's when
 *   the CRM has one, else the lead's `last_engaged_at` (the moment it could qualify, kept
 *   between `created_at` and as-of), else `created_at`.
 * Times after as-of are treated as not yet happened.
 */
export function resolveEvents(
  input: ResolveEventsInput,
  ctx: EngineContext,
): { events: Map<string, EventTimes>; qualification: Map<string, QualificationCounts> } {
  const events = new Map<string, EventTimes>();
  const qualification = new Map<string, QualificationCounts>();
  const plain = readPlainFieldEvents(input, ctx.asOf);
  for (const event of orderEvents(input.funnel.events)) {
    const rows = event.entity === 'lead' ? input.leads : input.opportunities;
    const read = plain.get(event);
    // Qualification changes an event's times: it gets its own copy of times it may share.
    const times =
      read === undefined
        ? new Float64Array(rows.length).fill(NaN)
        : input.qualified.has(event.id)
          ? read.slice()
          : read;
    const when =
      event.when === undefined
        ? undefined
        : compileRule(event.when, { asOf: ctx.asOf, calendars: ctx.calendars, fieldTypes: fieldTypes[event.entity] });
    if (plain.has(event)) {
      // Read with the other plain field events.
    } else if (event.field !== undefined) {
      const field = event.field;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as Row;
        const t = row[field];
        if (typeof t === 'number' && t <= ctx.asOf && (when === undefined || truthy(when(row)))) times[i] = t;
      }
    } else if (event.activity !== undefined) {
      resolveActivityEvent(event, times, rows, input, events, ctx);
    }
    const q = input.qualified.get(event.id);
    if (q !== undefined && event.entity === 'lead')
      qualification.set(event.id, applyQualification(times, rows, q, ctx.asOf));
    events.set(event.id, { entity: event.entity, times });
  }
  return { events, qualification };
}

/**
 * The times of the field events without a `when` (after as-of: NaN), the fields of an
 * entity read in one pass; shared, never to be changed.
 */
function readPlainFieldEvents(input: ResolveEventsInput, asOf: number): Map<EventSpec, Float64Array> {
  const out = new Map<EventSpec, Float64Array>();
  for (const entity of ['lead', 'opportunity'] as const) {
    const plain = input.funnel.events.filter(
      (e) => e.entity === entity && e.field !== undefined && e.when === undefined,
    );
    const fields = plain.map((e) => e.field as string);
    const read = (): Float64Array[] => {
      const times = readTimes(entity === 'lead' ? input.leads : input.opportunities, fields);
      for (const t of times) for (let i = 0; i < t.length; i++) if ((t[i] as number) > asOf) t[i] = NaN;
      return times;
    };
    const times =
      input.memo === undefined ? read() : input.memo(`field-times:${entity}:${asOf}:${JSON.stringify(fields)}`, read);
    plain.forEach((event, k) => out.set(event, times[k] as Float64Array));
  }
  return out;
}

function resolveActivityEvent(
  event: EventSpec,
  times: Float64Array,
  rows: readonly Row[],
  input: ResolveEventsInput,
  done: ReadonlyMap<string, EventTimes>,
  ctx: EngineContext,
): void {
  const spec = event.activity;
  const index = input.activityIndex[event.entity];
  if (spec === undefined || index === undefined) return;
  // Which distinct types and actors qualify, decided once each.
  const types = new Set(spec.types);
  const isType = Uint8Array.from(index.type.values, (type) => (types.has(type) ? 1 : 0));
  const roles = spec.byRoles === undefined ? undefined : new Set(spec.byRoles);
  const isActor = Uint8Array.from(index.actor.values, (id) => {
    const role = ctx.users.get(id)?.role;
    return roles === undefined || (typeof role === 'string' && roles.has(role)) ? 1 : 0;
  });
  const after = spec.after === undefined ? undefined : done.get(spec.after);
  const { at: atOf, offsets, order } = index;
  const typeCodes = index.type.codes;
  const actorCodes = index.actor.codes;
  for (let i = 0; i < rows.length; i++) {
    const notBefore = after === undefined ? -Infinity : (after.times[i] as number);
    if (Number.isNaN(notBefore)) continue;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      const a = order[k] as number;
      const at = atOf[a] as number;
      if (Number.isNaN(at) || at < notBefore) continue;
      if (at > ctx.asOf) break;
      const type = typeCodes[a] as number;
      if (type < 0 || isType[type] === 0) continue;
      if (roles !== undefined) {
        const actor = actorCodes[a] as number;
        if (actor < 0 || isActor[actor] === 0) continue;
      }
      times[i] = at;
      break;
    }
  }
}

function applyQualification(
  times: Float64Array,
  rows: readonly Row[],
  q: QualifiedEvent,
  asOf: number,
): QualificationCounts {
  const counts: QualificationCounts = { modelled: 0, notQualified: 0 };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    const created = row.created_at;
    if (typeof created !== 'number' || created > asOf) {
      times[i] = NaN;
      continue;
    }
    const isQualified = (q.classes.stageOrderOf[i] as number) >= q.stageOrder;
    const recorded = times[i] as number;
    if (!isQualified) {
      if (!Number.isNaN(recorded)) counts.notQualified++;
      times[i] = NaN;
    } else if (Number.isNaN(recorded)) {
      const engaged = row.last_engaged_at;
      times[i] = typeof engaged === 'number' && engaged >= created && engaged <= asOf ? engaged : created;
      counts.modelled++;
    }
  }
  return counts;
}
