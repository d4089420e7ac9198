import type { EntityName, FieldType } from '../model/canonical.js';
import type { FieldMappingSpec } from './types.js';

/** A custom field as rules see it: its type and the FieldMappings that declare it. */
export interface DeclaredField {
  type: FieldType;
  mappings: string[];
}

/**
 * The custom fields the FieldMappings declare, per entity, in name order. A rule may read
 * any of them (see `logicVarsExist`); a run keeps those of the mapping it reads through.
 */
export function listDeclaredFields(
  mappings: readonly { metadata: { name: string }; spec: FieldMappingSpec }[],
): Map<EntityName, Map<string, DeclaredField>> {
  const out = new Map<EntityName, Map<string, DeclaredField>>();
  for (const mapping of mappings) {
    for (const [entity, entityMapping] of Object.entries(mapping.spec.entities)) {
      for (const [name, source] of Object.entries(entityMapping?.custom ?? {})) {
        let fields = out.get(entity as EntityName);
        if (fields === undefined) out.set(entity as EntityName, (fields = new Map()));
        const seen = fields.get(name);
        if (seen === undefined) fields.set(name, { type: source.type, mappings: [mapping.metadata.name] });
        else seen.mappings.push(mapping.metadata.name);
      }
    }
  }
  for (const [entity, fields] of out) out.set(entity, new Map([...fields].sort(([a], [b]) => (a < b ? -1 : 1))));
  return out;
}
