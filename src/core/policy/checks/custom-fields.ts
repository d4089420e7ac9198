import { canonicalModel } from '../../model/canonical.js';
import type { EntityName } from '../../model/canonical.js';
import type { SemanticCheck } from './context.js';
import { isValidTimeZone, timeZoneHint } from './context.js';

/**
 * Custom fields of a FieldMapping: no canonical name (a rule could not tell the two apart),
 * at most one source each, real time zones.
 */
export const customFieldsValid: SemanticCheck = {
  name: 'customFieldsValid',
  run(ctx) {
    for (const mapping of ctx.set.FieldMapping) {
      for (const [entity, entityMapping] of Object.entries(mapping.spec.entities)) {
        const canonical = canonicalModel[entity as EntityName];
        for (const [name, source] of Object.entries(entityMapping?.custom ?? {})) {
          const path = ['spec', 'entities', entity, 'custom', name];
          if (Object.hasOwn(canonical, name)) {
            ctx.report(mapping, path, {
              code: 'mapping.custom-canonical',
              message: `\`${name}\` is a canonical field of ${entity}; a custom field cannot have its name.`,
              hint: `Map the column to the canonical field under \`fields: {${name}: {column: …}}\`, or give the custom field another name.`,
              at: 'key',
            });
          }
          const given = (['column', 'derive', 'const'] as const).filter((k) => source[k] !== undefined);
          if (given.length > 1) {
            ctx.report(mapping, path, {
              code: 'mapping.source',
              message: `Custom field \`${name}\` gives ${given.join(' and ')}; give at most one (without any, it reads the column \`${name}\`).`,
              hint: '`column` reads an export column, `derive` computes the value with JSON Logic, `const` fixes it.',
              at: 'key',
            });
          }
          if (source.timeZone !== undefined && !isValidTimeZone(source.timeZone)) {
            ctx.report(mapping, [...path, 'timeZone'], {
              code: 'calendar.time-zone',
              message: `\`${source.timeZone}\` is not an IANA time zone.`,
              hint: timeZoneHint(source.timeZone),
            });
          }
        }
      }
    }
  },
};
