import { forbiddenPathSegments } from '../logic/operators.js';
import type { EntityName } from '../model/canonical.js';
import type { JsonSchema } from './define.js';
import { sharedDefs } from './shared.js';

/** Entities whose rows policy rules read, so the only ones a custom field can serve. */
export const customFieldEntities = ['leads', 'opportunities'] as const;
export type CustomFieldEntity = (typeof customFieldEntities)[number];

export function isCustomFieldEntity(entity: EntityName): entity is CustomFieldEntity {
  return (customFieldEntities as readonly string[]).includes(entity);
}

/** Types a custom field may have: the canonical model's. */
export const customFieldTypes = ['string', 'integer', 'number', 'decimal', 'boolean', 'date', 'datetime'] as const;

/** Most custom fields one entity may declare: each is a column kept in every row. */
export const MAX_CUSTOM_FIELDS = 100;

/**
 * `custom:` of an entity mapping: extra fields the CRM has and the canonical model lacks,
 * each with its type and the same sources as a canonical field. Names are plain identifiers
 * (rules read them as `{"var": name}`); a name of the canonical model is refused by `validate`.
 */
export function customFieldSchema(entity: CustomFieldEntity): JsonSchema {
  // A custom field is read from its own row: `lookup` (a canonical field from another entity) is not offered.
  const sourceProperties = Object.fromEntries(
    Object.entries((sharedDefs['field-source'] as { properties: Record<string, JsonSchema> }).properties).filter(
      ([key]) => key !== 'lookup',
    ),
  );
  return {
    type: 'object',
    maxProperties: MAX_CUSTOM_FIELDS,
    description:
      `Extra ${entity} fields the export has and the canonical model lacks (e.g. a HubSpot custom property), ` +
      'kept in the rows so rules can read them as `{"var": "<name>"}`. Columns declared nowhere are dropped.',
    propertyNames: {
      type: 'string',
      pattern: '^[a-z][a-z0-9_]*$',
      maxLength: 63,
      not: { enum: [...forbiddenPathSegments] },
      description: 'Lower-case letters, digits and `_`; starts with a letter. Not a canonical field name.',
    },
    additionalProperties: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      description: 'A custom field: its type, and where it comes from (exactly one of `column`, `derive` or `const`).',
      properties: {
        type: {
          enum: [...customFieldTypes],
          description:
            'How the value is read and checked, as for canonical fields: `string`, `integer`, `number`, ' +
            '`decimal`, `boolean`, `date` (`YYYY-MM-DD`) or `datetime`.',
        },
        description: { type: 'string', maxLength: 500, description: 'What the field holds, for readers.' },
        ...sourceProperties,
      },
    },
  };
}
