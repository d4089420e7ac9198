import type { SemanticCheck } from './context.js';
import { isValidTimeZone, timeZoneHint } from './context.js';

/** Every mapped field has exactly one source, and time zones are real. */
export const fieldMappingValid: SemanticCheck = {
  name: 'fieldMappingValid',
  run(ctx) {
    for (const mapping of ctx.set.FieldMapping) {
      const { spec } = mapping;
      if (spec.timeZone !== undefined && !isValidTimeZone(spec.timeZone)) {
        ctx.report(mapping, ['spec', 'timeZone'], {
          code: 'calendar.time-zone',
          message: `\`${spec.timeZone}\` is not an IANA time zone.`,
          hint: timeZoneHint(spec.timeZone),
        });
      }
      const files = new Map<string, string>();
      for (const [entity, entityMapping] of Object.entries(spec.entities)) {
        if (entityMapping === undefined) continue;
        const other = entityMapping.file === undefined ? undefined : files.get(entityMapping.file);
        if (other !== undefined && entityMapping.file !== undefined) {
          ctx.report(mapping, ['spec', 'entities', entity, 'file'], {
            code: 'mapping.file-twice',
            message: `File \`${entityMapping.file}\` is already mapped to ${other}.`,
            hint: 'Each export file holds one entity.',
          });
        }
        if (entityMapping.file !== undefined) files.set(entityMapping.file, entity);
        for (const [field, source] of Object.entries(entityMapping.fields ?? {})) {
          const path = ['spec', 'entities', entity, 'fields', field];
          const given = (['column', 'derive', 'const', 'lookup'] as const).filter((k) => source[k] !== undefined);
          if (given.length !== 1) {
            ctx.report(mapping, path, {
              code: 'mapping.source',
              message: `Field \`${field}\` must give exactly one of \`column\`, \`derive\`, \`const\` or \`lookup\`${given.length > 1 ? ` (it gives ${given.join(' and ')})` : ''}.`,
              hint: "`column` reads an export column, `derive` computes the value with JSON Logic, `const` fixes it, `lookup` takes it from another entity's row.",
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
