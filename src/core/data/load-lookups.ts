import type { EntityName } from '../model/canonical.js';
import type { FieldMappingSpec } from '../policy/types.js';
import { listLookups, orderLookups } from './join-graph.js';
import type { MappedLookup } from './join-graph.js';
import { buildLookupTable, findLookupMismatch } from './lookup.js';
import type { LookupTable } from './lookup.js';
import type { EntityRead } from './read-entity.js';
import type { FieldSelection, PipelineData, Row } from './types.js';

/** How a load runs a mapping's lookups: which entities wait for which, and their tables. */
export interface LookupPlan {
  all: MappedLookup[];
  /** 0 for an entity that looks nothing up; above 0, its place after the entities it looks up in. */
  rank(entity: EntityName): number;
  /** The tables of an entity's lookups, from the entities already read, or why they cannot be built. */
  tablesFor(
    entity: EntityName,
    data: PipelineData,
    reads: readonly EntityRead[],
  ): { lookups: ReadonlyMap<string, LookupTable> } | { lookupProblem: string };
}

export function planLookups(spec: FieldMappingSpec | undefined): LookupPlan {
  const all = listLookups(spec);
  const ordered = orderLookups(all);
  const order = 'order' in ordered ? ordered.order : [];
  const cycle = 'cycle' in ordered ? ordered.cycle : [];
  return {
    all,
    rank(entity) {
      if (cycle.includes(entity)) return order.length + 1;
      return order.indexOf(entity) + 1;
    },
    tablesFor(entity, data, reads) {
      if (cycle.includes(entity))
        return { lookupProblem: `Lookups go round in a circle (${cycle.join(' → ')}), so ${entity} is not read.` };
      const tables = new Map<string, LookupTable>();
      for (const mapped of all.filter((l) => l.entity === entity)) {
        const mismatch = findLookupMismatch(mapped);
        if (mismatch !== undefined) return { lookupProblem: `The mapping of ${entity} cannot be applied: ${mismatch}` };
        const other = mapped.lookup.entity as Exclude<EntityName, 'activities'>;
        const read = reads.find((r) => r.accounting.entity === other);
        if (read === undefined || read.accounting.status === 'failed')
          return {
            lookupProblem: `\`${mapped.field}\` is looked up in ${other}, which ${read === undefined ? 'has no file' : `could not be read (${read.accounting.file})`}; ${entity} is not read.`,
          };
        tables.set(mapped.field, buildLookupTable(mapped.lookup, data[other] as Row[]));
      }
      return { lookups: tables };
    },
  };
}

/** The selection of kept fields, widened to the fields lookups match on and take (undefined: all are kept). */
export function keepLookedUpFields(
  keep: FieldSelection | undefined,
  lookups: readonly MappedLookup[],
): FieldSelection | undefined {
  if (keep === undefined) return undefined;
  const widened: FieldSelection = { ...keep };
  for (const { lookup } of lookups) {
    const entity = lookup.entity as EntityName;
    const fields = widened[entity];
    if (fields !== undefined) widened[entity] = new Set([...fields, lookup.on, lookup.field]);
  }
  return widened;
}
