import type { EntityName } from '../model/canonical.js';
import type { FieldMappingSpec, LookupSource } from '../policy/types.js';

/** One `lookup` of a mapping: the field it fills and where its value comes from. */
export interface MappedLookup {
  /** The entity whose field is looked up. */
  entity: EntityName;
  field: string;
  lookup: Required<Omit<LookupSource, 'ifNoMatch'>> & Pick<LookupSource, 'ifNoMatch'>;
}

/** Every `lookup` in a mapping, with `on` defaulted to `id`. */
export function listLookups(spec: FieldMappingSpec | undefined): MappedLookup[] {
  const found: MappedLookup[] = [];
  for (const [entity, mapping] of Object.entries(spec?.entities ?? {})) {
    for (const [field, source] of Object.entries(mapping?.fields ?? {})) {
      if (source.lookup === undefined) continue;
      found.push({ entity: entity as EntityName, field, lookup: { on: 'id', ...source.lookup } });
    }
  }
  return found;
}

/**
 * The entities that look fields up, each after the entities it looks up in (which are read
 * first), or the first cycle found: entities that would each have to be read before the other.
 */
export function orderLookups(lookups: readonly MappedLookup[]): { order: EntityName[] } | { cycle: EntityName[] } {
  const needs = new Map<EntityName, Set<EntityName>>();
  for (const { entity, lookup } of lookups) {
    const set = needs.get(entity) ?? new Set<EntityName>();
    set.add(lookup.entity as EntityName);
    needs.set(entity, set);
  }
  const order: EntityName[] = [];
  const state = new Map<EntityName, 'visiting' | 'done'>();
  // Depth-first over at most five entities: the path so far names the cycle when one closes.
  const visit = (entity: EntityName, path: EntityName[]): EntityName[] | undefined => {
    if (state.get(entity) === 'done') return undefined;
    if (state.get(entity) === 'visiting') return [...path.slice(path.indexOf(entity)), entity];
    state.set(entity, 'visiting');
    for (const next of needs.get(entity) ?? []) {
      const cycle = visit(next, [...path, entity]);
      if (cycle !== undefined) return cycle;
    }
    state.set(entity, 'done');
    if (needs.has(entity)) order.push(entity);
    return undefined;
  };
  for (const entity of needs.keys()) {
    const cycle = visit(entity, []);
    if (cycle !== undefined) return { cycle };
  }
  return { order };
}
