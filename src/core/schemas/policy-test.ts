import { canonicalModel } from '../model/canonical.js';
import type { FieldType } from '../model/canonical.js';
import { definePolicySchema } from './define.js';
import { MAX_CUSTOM_FIELDS } from './field-mapping-custom.js';
import type { CustomFieldEntity } from './field-mapping-custom.js';
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

/** The canonical fields of one entity, each as a test case writes it. */
function entityProperties(entity: CustomFieldEntity): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(canonicalModel[entity]).map(([name, spec]) => [name, valueSchema(spec.type, spec.description)]),
  );
}

/**
 * A lead or opportunity of a test case: canonical fields, typed here, and custom fields a
 * FieldMapping declares for the entity, typed and named by `validate` (the schema cannot see
 * the mappings: an undeclared name is an error there, with the closest name).
 */
function entityObject(entity: CustomFieldEntity, description: string): JsonSchema {
  return {
    type: 'object',
    description,
    maxProperties: Object.keys(canonicalModel[entity]).length + MAX_CUSTOM_FIELDS,
    properties: entityProperties(entity),
    propertyNames: { type: 'string', maxLength: 63 },
    additionalProperties: {
      type: ['string', 'number', 'boolean', 'null'],
      maxLength: 2000,
      description: `A custom field a FieldMapping declares under \`custom:\` of ${entity}, written as its type says.`,
    },
  };
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

const caseName: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  description: 'What the case proves, as a sentence.',
};

function casesOf(description: string, item: JsonSchema): JsonSchema {
  return {
    type: 'array',
    minItems: 1,
    maxItems: 1000,
    description,
    items: { type: 'object', additionalProperties: false, ...item },
  };
}

const leadDefinitionTest: JsonSchema = {
  type: 'object',
  required: ['leadDefinition', 'asOf', 'cases'],
  additionalProperties: false,
  properties: {
    leadDefinition: {
      $ref: '#/$defs/policy-ref',
      description:
        'Name of the LeadDefinition under test (a test file names exactly one of `leadDefinition`, ' +
        '`handoffSla` or `compPlan`).',
    },
    asOf: {
      $ref: '#/$defs/datetime',
      description: 'The moment the tests are evaluated at (decay and `hours_since` count to it).',
    },
    cases: casesOf('Example leads and what the lead definition must make of each.', {
      required: ['name', 'lead', 'expect'],
      properties: {
        name: caseName,
        lead: entityObject(
          'leads',
          'The lead, with canonical field names and the custom fields a FieldMapping declares; fields left out are empty.',
        ),
        expect: {
          type: 'object',
          minProperties: 1,
          additionalProperties: false,
          description: 'What the lead definition must give; only what is listed is checked.',
          properties: {
            class: { $ref: '#/$defs/identifier', description: 'Expected class, e.g. `mql`, `nurture` or `excluded`.' },
            reason: {
              enum: ['exclusion', 'hand-raiser', 'threshold', 'default'],
              description: 'How the class is decided.',
            },
            rule: {
              $ref: '#/$defs/identifier',
              description: 'Id of the exclusion, hand-raiser or class that decides.',
            },
            fit: { ...expectedNumber, description: 'Fit score after its cap: a value or `{min, max}`.' },
            engagement: {
              ...expectedNumber,
              description: 'Engagement score after decay and cap: a value or `{min, max}`.',
            },
            score: { ...expectedNumber, description: 'Total score: a value or `{min, max}`.' },
          },
        },
      },
    }),
  },
};

const handoffSlaTest: JsonSchema = {
  type: 'object',
  required: ['handoffSla', 'asOf', 'cases'],
  additionalProperties: false,
  properties: {
    handoffSla: { $ref: '#/$defs/policy-ref', description: 'Name of the HandoffSla under test.' },
    asOf: {
      $ref: '#/$defs/datetime',
      description:
        'The moment the tests are evaluated at: a clock with no `to` by then is open, and a `to` after it ' +
        'has not happened yet.',
    },
    cases: casesOf('Example handoffs and the outcome the SLA must give each.', {
      required: ['name', 'from', 'expect'],
      properties: {
        name: caseName,
        lead: entityObject(
          'leads',
          "The lead whose clock runs, with canonical field names and declared custom fields (the targets' `when` rules read it); fields left out are empty. Give `lead` or `opportunity`, not both.",
        ),
        opportunity: entityObject(
          'opportunities',
          'The opportunity whose clock runs, for an SLA that starts on an opportunity event, with canonical ' +
            'and declared custom fields; fields left out are empty.',
        ),
        from: { $ref: '#/$defs/datetime', description: "When the clock starts (the SLA's `from` event)." },
        to: {
          $ref: '#/$defs/datetime',
          description: 'When it stops (the `to` event); leave it out while nobody has responded.',
        },
        expect: {
          type: 'object',
          required: ['status'],
          additionalProperties: false,
          description: 'What the SLA must make of the handoff; only what is listed is checked.',
          properties: {
            status: {
              enum: ['met', 'breached', 'pending', 'untargeted'],
              description:
                'Outcome at `asOf`: `met`, `breached`, `pending` (open, deadline not reached) or ' +
                '`untargeted` (no target applies).',
            },
            target: { $ref: '#/$defs/identifier', description: 'Id of the target that applies.' },
            responseHours: {
              ...expectedNumber,
              description:
                "Business hours of the SLA's calendar from `from` to `to` (or to `asOf` while open): a value or `{min, max}`.",
            },
          },
        },
      },
    }),
  },
};

const compPlanTest: JsonSchema = {
  type: 'object',
  required: ['compPlan', 'cases'],
  additionalProperties: false,
  properties: {
    compPlan: { $ref: '#/$defs/policy-ref', description: 'Name of the CompPlan under test.' },
    asOf: {
      $ref: '#/$defs/datetime',
      description:
        "The moment the tests are evaluated at; by default the end of each case's period. Nothing after it counts.",
    },
    cases: casesOf('Example people, their deals in one period, and what the plan must pay them.', {
      required: ['name', 'period', 'person', 'expect'],
      properties: {
        name: caseName,
        period: {
          type: 'string',
          pattern: '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$',
          maxLength: 7,
          description:
            'The span evaluated: a year `2026`, a quarter `2026-Q1` or a month `2026-02`, in the time zone ' +
            'of the Calendar policy (UTC without one).',
        },
        person: {
          type: 'object',
          required: ['id'],
          additionalProperties: false,
          description: 'The person paid: a user on the plan, active all period.',
          properties: {
            id: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              description: 'User id; deals are credited to it through `owner_id`.',
            },
            role: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              description: "Role; by default the first of the plan's roles.",
            },
            team: { type: 'string', minLength: 1, maxLength: 200, description: "Team; by default the plan's team." },
          },
        },
        opportunities: {
          type: 'array',
          maxItems: 1000,
          description:
            'The opportunities of the scenario, with canonical field names (money as quoted decimals); ' +
            '`id` defaults to `o1`, `o2`, … and `owner_id` to the person.',
          items: entityObject('opportunities', 'An opportunity, with canonical and declared custom fields.'),
        },
        leads: {
          type: 'array',
          maxItems: 1000,
          description: 'Leads of the scenario, for metrics credited to the lead owner (sourced pipeline and revenue).',
          items: entityObject('leads', 'A lead, with canonical and declared custom fields.'),
        },
        goalAttainment: {
          type: 'number',
          minimum: 0,
          maximum: 100,
          description:
            'Attainment of the shared RevenueGoal over the period as a fraction (0.82 = 82 %); left out, ' +
            'it is unknown and counts as 0.',
        },
        constraintMet: {
          type: 'boolean',
          description:
            "Whether the RevenueGoal's constraint met its target over the period; left out, it is unknown and counts as 0.",
        },
        expect: {
          type: 'object',
          required: ['payout'],
          additionalProperties: false,
          description: 'What the plan must pay the person for the period.',
          properties: {
            payout: {
              $ref: '#/$defs/decimal',
              description: "Total payout in the plan's currency: variable pay, SPIFs and clawbacks, to the cent.",
            },
            components: {
              type: 'object',
              minProperties: 1,
              maxProperties: 100,
              description: 'Payout per component id, after gates and before team multipliers.',
              additionalProperties: { $ref: '#/$defs/decimal', description: 'Payout of the component, to the cent.' },
            },
          },
        },
      },
    }),
  },
};

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  return (schema.properties ?? {}) as Record<string, JsonSchema>;
}

/**
 * `keys`, each described as the first of `shapes` that has it describes it, and accepting any value
 * (the shape validates).
 */
function describedKeys(keys: readonly string[], shapes: readonly JsonSchema[]): Record<string, JsonSchema> {
  return Object.fromEntries(
    keys.map((key) => [
      key,
      { description: String(shapes.map((s) => propertiesOf(s)[key]).find((p) => p !== undefined)?.description ?? key) },
    ]),
  );
}

const shapes = [leadDefinitionTest, handoffSlaTest, compPlanTest];
const caseShapes = shapes.map((s) => propertiesOf(s).cases?.items as JsonSchema);

// `revops fmt` orders keys by every branch at once; listing the union here, in this order,
// keeps the policy under test first and each case's `expect` last whatever the shape.
const keyOrder: JsonSchema = {
  properties: {
    ...describedKeys(['leadDefinition', 'handoffSla', 'compPlan', 'asOf'], shapes),
    cases: {
      type: 'array',
      description: 'The test cases; their shape follows the kind of policy under test.',
      items: {
        type: 'object',
        properties: describedKeys(
          [
            'name',
            'period',
            'person',
            'lead',
            'opportunity',
            'from',
            'to',
            'opportunities',
            'leads',
            'goalAttainment',
            'constraintMet',
            'expect',
          ],
          caseShapes,
        ),
      },
    },
  },
};

export const policyTestSchema = definePolicySchema({
  kind: 'PolicyTest',
  file: 'policy-test.schema.json',
  title: 'Policy test',
  description:
    'Unit tests for policies: example leads and the class, rule and scores a lead definition must give ' +
    'them (with outcome coverage); example handoffs and the outcome a handoff SLA must give them; example ' +
    'deals and what a comp plan must pay. `revops test` runs them.',
  // The property naming the policy under test picks the shape, so errors speak of one shape only.
  spec: {
    type: 'object',
    ...keyOrder,
    if: { properties: { handoffSla: { description: 'Present: a test of a HandoffSla.' } }, required: ['handoffSla'] },
    then: handoffSlaTest,
    else: {
      if: { properties: { compPlan: { description: 'Present: a test of a CompPlan.' } }, required: ['compPlan'] },
      then: compPlanTest,
      else: leadDefinitionTest,
    },
  },
});
