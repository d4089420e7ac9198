import { listLookups, orderLookups } from '../../data/join-graph.js';
import type { MappedLookup } from '../../data/join-graph.js';
import { canonicalModel } from '../../model/canonical.js';
import type { EntityName } from '../../model/canonical.js';
import { didYouMean } from '../did-you-mean.js';
import type { Policy } from '../types.js';
import type { CheckContext, Finding, SemanticCheck } from './context.js';

/**
 * Joins in a FieldMapping: each entity has a `file` or is built `from` another entity's file;
 * each `lookup` names fields that exist, a key this entity maps, the same types on both sides,
 * and no entity needs to be read before itself.
 */
export const fieldMappingJoins: SemanticCheck = {
  name: 'fieldMappingJoins',
  run(ctx) {
    for (const mapping of ctx.set.FieldMapping) {
      checkEntitySources(ctx, mapping);
      const lookups = listLookups(mapping.spec);
      for (const lookup of lookups) checkLookup(ctx, mapping, lookup);
      const ordered = orderLookups(lookups);
      if ('cycle' in ordered) {
        const first = lookups.find((l) => l.entity === ordered.cycle[0])!;
        ctx.report(mapping, lookupPath(first, 'entity'), {
          code: 'mapping.join-cycle',
          message: `Lookups go round in a circle (${ordered.cycle.join(' → ')}): each entity would have to be read before the other.`,
          hint: 'Read one side from a column of its own file instead of a lookup.',
        });
      }
    }
  },
};

function checkEntitySources(ctx: CheckContext, mapping: Policy<'FieldMapping'>): void {
  const { entities } = mapping.spec;
  for (const [entity, entityMapping] of Object.entries(entities)) {
    if (entityMapping === undefined) continue;
    const path = ['spec', 'entities', entity];
    const from = entityMapping.from?.entity;
    if ((entityMapping.file === undefined) === (from === undefined)) {
      ctx.report(mapping, path, {
        code: 'mapping.entity-source',
        message: `${entity} must give exactly one of \`file\` or \`from\`${from === undefined ? '' : ' (it gives both)'}.`,
        hint: '`file` names its export; `from: {entity: …}` builds it from the distinct values of another entity’s file.',
        at: 'key',
      });
    } else if (from === entity || (from !== undefined && entities[from]?.from !== undefined)) {
      ctx.report(mapping, [...path, 'from', 'entity'], {
        code: 'mapping.entity-source',
        message: `${entity} is built from ${from}, which ${from === entity ? 'is itself' : 'is itself built from another entity'}.`,
        hint: 'Build it from an entity that has a file of its own.',
      });
    }
  }
}

function checkLookup(ctx: CheckContext, mapping: Policy<'FieldMapping'>, mapped: MappedLookup): void {
  const { entity, field, lookup } = mapped;
  const report = (key: 'key' | 'on' | 'field' | 'entity', finding: Omit<Finding, 'code'>): void =>
    ctx.report(mapping, lookupPath(mapped, key), { code: 'mapping.lookup', ...finding });
  const here = canonicalModel[entity];
  const there = canonicalModel[lookup.entity as EntityName];
  const keySpec = here[lookup.key];
  if (keySpec === undefined) {
    report('key', {
      message: `${entity} has no field \`${lookup.key}\` to hold the key.${didYouMean(lookup.key, Object.keys(here))}`,
    });
  } else {
    // Without `fields`, every canonical field is read from the column of its own name.
    const fields = mapping.spec.entities[entity]?.fields;
    const keySource = fields?.[lookup.key];
    if (fields !== undefined && (keySource === undefined || keySource.lookup !== undefined))
      report('key', {
        message: `The key \`${lookup.key}\` of ${entity} is ${keySource === undefined ? 'not mapped' : 'itself looked up'}.`,
        hint: `Map \`${lookup.key}\` from a column (or \`derive\`/\`const\`) so each row has its key.`,
      });
  }
  for (const key of ['on', 'field'] as const) {
    if (there[lookup[key]] === undefined)
      report(key, {
        message: `${lookup.entity} has no field \`${lookup[key]}\`.${didYouMean(lookup[key], Object.keys(there))}`,
      });
  }
  const type = here[field]?.type;
  const otherType = there[lookup.field]?.type;
  if (type !== undefined && otherType !== undefined && type !== otherType)
    report('field', {
      message: `${entity}.${field} is a ${type} but ${lookup.entity}.${lookup.field} is a ${otherType}.`,
      hint: 'Look up a field of the same type.',
    });
  const onType = there[lookup.on]?.type;
  if (keySpec !== undefined && onType !== undefined && keySpec.type !== onType)
    report('on', {
      message: `The key ${entity}.${lookup.key} is a ${keySpec.type} but ${lookup.entity}.${lookup.on} is a ${onType}.`,
      hint: 'Match fields of the same type.',
    });
}

function lookupPath(mapped: MappedLookup, key: string): (string | number)[] {
  return ['spec', 'entities', mapped.entity, 'fields', mapped.field, 'lookup', key];
}
