import type { EntityName, FieldSpec, FieldType } from '../model/canonical.js';
import { canonicalModel, entityNames } from '../model/canonical.js';
import { SCHEMA_BASE_URI } from './define.js';
import type { JsonSchema } from './define.js';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** How each field type is written in a data file (CSV cells are the same text, unquoted). */
const typeSchemas: Readonly<Record<FieldType, { schema: JsonSchema; how: string }>> = {
  string: { schema: { type: 'string' }, how: 'Text, kept exactly; ids are always text.' },
  integer: {
    schema: { type: ['integer', 'string'], pattern: '^ *[+-]?[0-9]+(\\.0+)? *$', maxLength: 40 },
    how: 'A whole number, e.g. `42` (`"42"` in JSON too).',
  },
  decimal: {
    schema: { type: ['string', 'number'], pattern: '^ *[+-]?([0-9]+(\\.[0-9]+)?|\\.[0-9]+) *$', maxLength: 60 },
    how: 'An exact decimal, e.g. `1250.50`; in JSON write it as a string so no digit is lost.',
  },
  number: {
    schema: {
      type: ['number', 'string'],
      pattern: '^ *[+-]?([0-9]+(\\.[0-9]+)?|\\.[0-9]+)([eE][+-]?[0-9]{1,3})? *$',
      maxLength: 60,
    },
    how: 'A number, e.g. `0.25`.',
  },
  boolean: {
    schema: { type: ['boolean', 'string'], pattern: '^ *([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]) *$', maxLength: 12 },
    how: '`true` or `false` (any case).',
  },
  date: {
    schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 },
    how: 'A calendar date, `YYYY-MM-DD`.',
  },
  datetime: {
    schema: {
      type: 'string',
      pattern:
        '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)$',
      maxLength: 40,
    },
    how:
      'An ISO 8601 date-time with `Z` or an offset, e.g. `2025-01-06T09:15:00Z` (other forms need a ' +
      'FieldMapping with `format` and `timeZone`).',
  },
};

function fieldSchema(spec: FieldSpec): JsonSchema {
  const { schema, how } = typeSchemas[spec.type];
  const types = ([] as unknown[]).concat(schema.type);
  const empty = spec.required === true ? '' : ' Empty (or `null`) when unknown.';
  return {
    ...schema,
    type: spec.required === true ? schema.type : [...types, 'null'],
    description: `${spec.description} ${how}${empty}`,
  };
}

/** The file name of an entity's schema: `stage_events` → `stage-events.schema.json`. */
export function dataSchemaFile(entity: EntityName): string {
  return `${entity.replace(/_/g, '-')}.schema.json`;
}

/**
 * The schema of one record of an entity as a data file holds it: a CSV row (by header), an
 * NDJSON line, or an element of a JSON array (or of a `records` array). Columns that are
 * not canonical fields are allowed and ignored.
 */
function defineDataSchema(entity: EntityName): JsonSchema {
  const fields = canonicalModel[entity];
  return {
    $schema: DRAFT,
    $id: SCHEMA_BASE_URI + dataSchemaFile(entity),
    title: `Pipeline data: ${entity}`,
    description: `One ${entity} record in a data file named \`${entity}.csv\`, \`${entity}.ndjson\` or \`${entity}.json\`. Other columns are ignored.`,
    type: 'object',
    required: Object.entries(fields)
      .filter(([, spec]) => spec.required === true)
      .map(([name]) => name),
    properties: Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, fieldSchema(spec)])),
  };
}

/** One schema per canonical entity, built from the canonical model. */
export const dataSchemas: readonly JsonSchema[] = entityNames.map(defineDataSchema);
