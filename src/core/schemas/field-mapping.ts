import { canonicalModel, entityNames } from '../model/canonical.js';
import { customFieldSchema, isCustomFieldEntity } from './field-mapping-custom.js';
import { definePolicySchema } from './define.js';
import type { JsonSchema } from './define.js';
import { fromDef } from './joins.js';

const entityMapping = (entity: (typeof entityNames)[number]): JsonSchema => ({
  type: 'object',
  description: `Where canonical ${entity} come from.`,
  // `file` or `from`: the semantic check says which is missing (see `fieldMappingJoins`). Without
  // `fields`, canonical fields are read from columns of their own names (see `custom`).
  required: [],
  additionalProperties: false,
  properties: {
    file: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      pattern: '^[^/\\\\]+$',
      description: 'File name of the export inside the data directory, e.g. `contacts.csv`.',
    },
    from: fromDef,
    format: {
      enum: ['csv', 'ndjson', 'json'],
      description: 'Format of the file, when its name does not end in `.csv`, `.ndjson`/`.jsonl` or `.json`.',
    },
    delimiter: {
      enum: [',', ';', '\t', '|'],
      description: 'Field separator of a CSV file, e.g. `;` for exports made with a European locale. Default `,`.',
    },
    ...(isCustomFieldEntity(entity) ? { custom: customFieldSchema(entity) } : {}),
    fields: {
      type: 'object',
      description: `Canonical ${entity} fields and where each comes from. Without \`fields\`, each canonical field is read from the column of its own name.`,
      additionalProperties: false,
      properties: Object.fromEntries(
        Object.entries(canonicalModel[entity]).map(([name, spec]) => [
          name,
          { $ref: '#/$defs/field-source', description: `${spec.description} (${spec.type})` },
        ]),
      ),
    },
  },
});

export const fieldMappingSchema = definePolicySchema({
  kind: 'FieldMapping',
  file: 'field-mapping.schema.json',
  title: 'Field mapping',
  description: 'How a CRM export (HubSpot, Salesforce, or any CSV) maps onto the canonical pipeline data model.',
  spec: {
    type: 'object',
    required: ['source', 'entities'],
    additionalProperties: false,
    properties: {
      source: { enum: ['hubspot', 'salesforce', 'custom'], description: 'Which CRM the export comes from.' },
      timeZone: {
        type: 'string',
        maxLength: 64,
        description: 'Default IANA time zone for date-times without an offset.',
      },
      columnCase: {
        enum: ['exact', 'insensitive'],
        description:
          'How `column` names match export headers: `exact` (default), or `insensitive` for exports whose ' +
          'header case varies (Salesforce API names, e.g. `CloseDate` or `closedate`).',
      },
      entities: {
        type: 'object',
        minProperties: 1,
        additionalProperties: false,
        description: 'One mapping per canonical entity present in the export.',
        properties: Object.fromEntries(entityNames.map((name) => [name, entityMapping(name)])),
      },
    },
  },
});
