import { canonicalModel } from '../model/canonical.js';
import type { FieldType } from '../model/canonical.js';
import { definePolicySchema } from './define.js';
import type { JsonSchema } from './define.js';

/** How a canonical field's value is written in a test case. */
function valueSchema(type: FieldType, description: string): JsonSchema {
  switch (type) {
    case 'integer':
      return { type: ['integer', 'null'], description };
    case 'number':
      return { type: ['number', 'null'], description };
    case 'boolean':
      return { type: ['boolean', 'null'], description };
    case 'decimal':
      return { $ref: '#/$defs/decimal', description };
    case 'date':
      return { $ref: '#/$defs/date', description };
    case 'datetime':
      return { $ref: '#/$defs/datetime', description };
    default:
      return { type: ['string', 'null'], maxLength: 2000, description };
  }
}

const expectedNumber: JsonSchema = {
  description: 'An exact value, or a range `{min, max}` (both ends included).',
  if: { type: 'number' },
  then: { type: 'number' },
  else: {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: {
      min: { type: 'number', description: 'Least value.' },
      max: { type: 'number', description: 'Greatest value.' },
    },
  },
};

export const policyTestSchema = definePolicySchema({
  kind: 'PolicyTest',
  file: 'policy-test.schema.json',
  title: 'Policy test',
  description:
    'Unit tests for policies: example leads and the class, rule and scores the lead definition must give them. `revops test` runs them, with clause coverage.',
  spec: {
    type: 'object',
    required: ['leadDefinition', 'asOf', 'cases'],
    additionalProperties: false,
    properties: {
      leadDefinition: { $ref: '#/$defs/policy-ref', description: 'Name of the LeadDefinition under test.' },
      asOf: { $ref: '#/$defs/datetime', description: 'The moment the tests are evaluated at (decay and `hours_since` count to it).' },
      cases: {
        type: 'array',
        minItems: 1,
        maxItems: 1000,
        description: 'Example leads and what the lead definition must make of each.',
        items: {
          type: 'object',
          required: ['name', 'lead', 'expect'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200, description: 'What the case proves, as a sentence.' },
            lead: {
              type: 'object',
              description: 'The lead, with canonical field names; fields left out are empty.',
              additionalProperties: false,
              properties: Object.fromEntries(
                Object.entries(canonicalModel.leads).map(([name, spec]) => [name, valueSchema(spec.type, spec.description)]),
              ),
            },
            expect: {
              type: 'object',
              minProperties: 1,
              additionalProperties: false,
              description: 'What the lead definition must give; only what is listed is checked.',
              properties: {
                class: { $ref: '#/$defs/identifier', description: 'Expected class, e.g. `mql`, `nurture` or `excluded`.' },
                reason: { enum: ['exclusion', 'hand-raiser', 'threshold', 'default'], description: 'How the class is decided.' },
                rule: { $ref: '#/$defs/identifier', description: 'Id of the exclusion, hand-raiser or class that decides.' },
                fit: { ...expectedNumber, description: 'Fit score after its cap: a value or `{min, max}`.' },
                engagement: { ...expectedNumber, description: 'Engagement score after decay and cap: a value or `{min, max}`.' },
                score: { ...expectedNumber, description: 'Total score: a value or `{min, max}`.' },
              },
            },
          },
        },
      },
    },
  },
});
