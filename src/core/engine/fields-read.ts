import type { FieldSelection } from '../data/types.js';
import { canonicalModel } from '../model/canonical.js';
import type { EntityName } from '../model/canonical.js';
import { listDeclaredFields } from '../policy/custom-fields.js';
import type { PolicySet } from '../policy/types.js';

/**
 * Canonical fields the engine reads from rows by name, in any entity. A test scans the
 * engine's source for canonical field names and fails when one is missing here.
 */
export const engineFields: ReadonlySet<string> = new Set([
  'account_id',
  'active_from',
  'active_to',
  'actor_id',
  'amount',
  'at',
  'campaign',
  'cancelled_at',
  'closed_at',
  'campaign',
  'created_at',
  'currency',
  'date',
  'disqualified_at',
  'entity',
  'function',
  'id',
  'last_engaged_at',
  'lead_id',
  'name',
  'opportunity_at',
  'opportunity_id',
  'outcome',
  'owner_id',
  'period',
  'recycled_at',
  'role',
  'sal_at',
  'source',
  'sql_at',
  'stage',
  'status',
  'team',
  'term_months',
  'type',
  'won',
]);

/**
 * The activity fields the engine reads. No policy rule reads an activity (activities are
 * held as columns, see `PipelineData`), so these are all an evaluation needs of them.
 */
export const activityFieldsRead: ReadonlySet<string> = new Set([
  'at',
  'type',
  'outcome',
  'actor_id',
  'lead_id',
  'opportunity_id',
  'campaign',
  'source',
]);

/**
 * Of `engineFields`, those the engine reads from lead and opportunity rows; users and stage
 * events, which are few, keep all of `engineFields`. A name missing here is left out of
 * those rows unless a policy names it: the differential tests evaluate with and without the
 * selection to catch that.
 */
const engineFieldsOf: Partial<Record<EntityName, ReadonlySet<string>>> = {
  leads: new Set([
    'id',
    'created_at',
    'owner_id',
    'source',
    'campaign', // attribution and CAC per campaign
    'last_engaged_at',
    'mql_at',
    'sal_at',
    'sql_at',
    'opportunity_at',
    'disqualified_at',
    'recycled_at',
  ]),
  opportunities: new Set([
    'id',
    'lead_id',
    'owner_id',
    'amount',
    'currency',
    'won',
    'created_at',
    'closed_at',
    'cancelled_at',
    'term_months',
    'account_id', // CAC: new customers are first wins per account
    'source',
  ]),
  // CAC reads every spend field.
  spend: new Set(Object.keys(canonicalModel.spend)),
};

const entities = Object.keys(canonicalModel) as EntityName[];
const canonicalNames: ReadonlySet<string> = new Set(entities.flatMap((entity) => Object.keys(canonicalModel[entity])));

/**
 * The fields an evaluation of these policy sets can read, per entity: the engine's own and
 * every canonical field a policy names — the paths of a rule's `var`, `missing` and
 * `missing_some`, and settings that name one field, such as a stage's `field` or a decay's
 * `from`. Other lists of strings (activity types, roles, the values of an `in`) name no
 * field and are passed over; a setting holding a list of field names would have to be
 * read here. Rows need no other field, so the loader keeps only these (it still checks
 * the rest). Activities keep `activityFieldsRead`; the other entities keep every field when
 * a rule computes the name of the field it reads, or reads the whole row.
 */
export function selectFieldsRead(sets: readonly PolicySet[]): FieldSelection {
  const named = new Set<string>();
  // Custom fields a mapping declares are read like canonical ones (their names never collide), each
  // kept only in the entity that declares it: the loader notes one a run's mapping does not declare.
  const known = new Set(canonicalNames);
  const customOf = new Map<EntityName, Set<string>>();
  for (const set of sets)
    for (const [entity, fields] of listDeclaredFields(set.FieldMapping))
      for (const name of fields.keys()) {
        known.add(name);
        customOf.set(entity, (customOf.get(entity) ?? new Set()).add(name));
      }
  let isEveryField = false;
  for (const set of sets) {
    for (const [kind, policies] of Object.entries(set)) {
      if (kind === 'FieldMapping') continue; // a mapping writes canonical fields; its rules read export columns
      for (const policy of policies as readonly { spec: unknown }[]) {
        if (!collectNames(policy.spec, named, known)) isEveryField = true;
      }
    }
  }
  const selection: FieldSelection = { activities: activityFieldsRead };
  if (isEveryField) return selection;
  for (const entity of entities) {
    if (entity === 'activities') continue;
    const ofEntity = [...named].filter((name) => canonicalNames.has(name) || customOf.get(entity)?.has(name) === true);
    selection[entity] = new Set([...(engineFieldsOf[entity] ?? engineFields), ...ofEntity]);
  }
  return selection;
}

/** Adds a field name (the first segment of a path) when it is a canonical or declared one. */
function addName(value: unknown, into: Set<string>, known: ReadonlySet<string>): void {
  if (typeof value !== 'string') return;
  const first = value.split('.')[0] as string;
  if (known.has(first)) into.add(first);
}

/**
 * Adds the canonical field names `value` holds as single values and rule paths to `into`;
 * false when a rule reads a field whose name it computes.
 */
function collectNames(value: unknown, into: Set<string>, known: ReadonlySet<string>): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every((item) => collectNames(item, into, known));
  for (const [key, arg] of Object.entries(value)) {
    if (key === 'var' || key === 'missing' || key === 'missing_some') {
      if (!isLiteralPath(key, arg)) return false;
      pathsOf(key, arg).forEach((path) => addName(path, into, known));
      continue;
    }
    addName(arg, into, known);
    if (!collectNames(arg, into, known)) return false;
  }
  return true;
}

/** The field paths a `var`, `missing` or `missing_some` with literal paths reads. */
function pathsOf(op: string, arg: unknown): unknown[] {
  if (op === 'var') return [Array.isArray(arg) ? arg[0] : arg];
  if (op === 'missing') return Array.isArray(arg) ? arg.flat() : [arg];
  return Array.isArray(arg) && Array.isArray(arg[1]) ? (arg[1] as unknown[]) : [];
}
/** A `var`, `missing` or `missing_some` whose field names are written in the rule. */
function isLiteralPath(op: string, arg: unknown): boolean {
  const isName = (v: unknown): boolean => (typeof v === 'string' && v !== '') || typeof v === 'number';
  const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';
  if (op === 'var') {
    const [path, fallback] = Array.isArray(arg) ? arg : [arg];
    return isName(path) && isScalar(fallback);
  }
  if (op === 'missing') return (Array.isArray(arg) ? arg.flat() : [arg]).every(isName);
  const list: unknown = Array.isArray(arg) ? arg[1] : undefined;
  return Array.isArray(list) && list.every(isName);
}
