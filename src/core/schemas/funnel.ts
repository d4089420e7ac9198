import { definePolicySchema } from './define.js';
import { withUnit } from './units.js';

export const funnelSchema = definePolicySchema({
  kind: 'Funnel',
  file: 'funnel.schema.json',
  title: 'Funnel',
  description:
    'The stages of the revenue engine in order, the team that owns each, its capacity, and the events that ' +
    'move a lead or deal from one stage to the next.',
  spec: {
    type: 'object',
    required: ['teams', 'events', 'stages'],
    additionalProperties: false,
    properties: {
      teams: {
        type: 'array',
        description: 'The teams that own stages. Comp plans, SLAs and capacity refer to them by id.',
        minItems: 1,
        maxItems: 100,
        items: {
          type: 'object',
          required: ['id', 'function'],
          additionalProperties: false,
          properties: {
            id: { $ref: '#/$defs/identifier', description: 'Team id, e.g. `sdr`.' },
            name: { $ref: '#/$defs/display-name' },
            function: {
              enum: ['marketing', 'sales', 'customer-success', 'operations'],
              description:
                'Which side of the house the team belongs to; sales and marketing comp plans must share the goal.',
            },
            roles: {
              type: 'array',
              description: 'User roles (the `role` column of users) that make up this team.',
              maxItems: 50,
              items: { $ref: '#/$defs/identifier' },
            },
          },
        },
      },
      events: {
        type: 'array',
        description:
          'Named moments in the pipeline data. Each is read from a timestamp field, or is the first ' +
          'activity of given types after the previous stage was entered.',
        minItems: 1,
        maxItems: 200,
        items: {
          type: 'object',
          required: ['id', 'entity'],
          additionalProperties: false,
          properties: {
            id: { $ref: '#/$defs/identifier', description: 'Event id, e.g. `mql_reached`.' },
            description: { $ref: '#/$defs/description' },
            entity: {
              enum: ['lead', 'opportunity'],
              description: 'Whether the event happens to a lead or to an opportunity.',
            },
            field: {
              $ref: '#/$defs/identifier',
              description:
                'Timestamp field of the entity that records the event, e.g. `mql_at`. Give either `field` ' +
                'or `activity`.',
            },
            activity: {
              type: 'object',
              description: 'The event is the first matching activity on the entity. Give either `field` or `activity`.',
              required: ['types'],
              additionalProperties: false,
              properties: {
                types: {
                  type: 'array',
                  minItems: 1,
                  maxItems: 50,
                  items: { $ref: '#/$defs/identifier' },
                  description: 'Activity types that count, e.g. `[call, email]`.',
                },
                byRoles: {
                  type: 'array',
                  maxItems: 50,
                  items: { $ref: '#/$defs/identifier' },
                  description: 'Only activities by users with these roles count.',
                },
                after: { $ref: '#/$defs/event-ref', description: 'Only activities after this event count.' },
              },
            },
            when: {
              $ref: '#/$defs/logic',
              description: 'The event only happens to entities for which this rule is true.',
            },
          },
        },
      },
      stages: {
        type: 'array',
        description: 'Stages in funnel order. Terminal stages (won, lost) come last.',
        minItems: 2,
        maxItems: 50,
        items: {
          type: 'object',
          required: ['id', 'owner', 'entry'],
          additionalProperties: false,
          properties: {
            id: { $ref: '#/$defs/identifier', description: 'Stage id, e.g. `mql`.' },
            name: { $ref: '#/$defs/display-name' },
            description: { $ref: '#/$defs/description' },
            owner: { $ref: '#/$defs/team-ref', description: 'The team that works items in this stage.' },
            entry: { $ref: '#/$defs/event-ref', description: 'The event that moves an item into this stage.' },
            terminal: {
              enum: ['won', 'lost'],
              description: 'Marks an end stage: items stop here. Leave out for working stages.',
            },
            capacity: {
              type: 'object',
              description:
                'How much work the owning team can take per week: headcount × perPersonPerWeek. Leave it ' +
                'out where capacity does not limit throughput; a Funnel that declares no capacity at all ' +
                'is measured on the throughput it shows (the busiest full week).',
              required: ['headcount', 'perPersonPerWeek'],
              additionalProperties: false,
              properties: {
                headcount: {
                  type: 'number',
                  exclusiveMinimum: 0,
                  maximum: 100000,
                  description: withUnit('People working this stage (fractions for part-time).', 'count'),
                },
                perPersonPerWeek: {
                  type: 'number',
                  exclusiveMinimum: 0,
                  maximum: 100000,
                  description: withUnit('Items one person can handle in a week.', 'count'),
                },
                unit: {
                  type: 'string',
                  maxLength: 50,
                  description: 'What an item is, for reports, e.g. `leads` or `deals`.',
                },
              },
            },
          },
        },
      },
      sourcing: {
        type: 'object',
        description:
          'How a lead source counts in the marketing- vs sales-sourced share of pipeline and revenue: the sources listed in `sales` are sales-sourced, every other set source is marketing-sourced, a lead without a source (or with one listed in `unattributed`) is unattributed. Without this block, `outbound` alone is sales-sourced.',
        required: ['sales'],
        additionalProperties: false,
        properties: {
          sales: {
            type: 'array',
            maxItems: 200,
            uniqueItems: true,
            description: 'Lead sources (the `source` field of leads) that sales generates, e.g. `outbound`, `sdr`.',
            items: { type: 'string', minLength: 1, maxLength: 200 },
          },
          unattributed: {
            type: 'array',
            maxItems: 200,
            uniqueItems: true,
            description:
              'Source values that name no source (e.g. `unknown`, `(none)`): such leads are unattributed, like a lead without one.',
            items: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
      },
      projection: {
        type: 'object',
        description:
          'Declared assumptions of the impact flow projection (`revops impact`): what a lead the head newly qualifies converts at where history is too thin, the sample history needs, and what one more person costs.',
        additionalProperties: false,
        properties: {
          minimumSample: {
            type: 'integer',
            minimum: 1,
            maximum: 100000,
            description: 'Worked marginal leads a stage needs before their own conversion is used (default 30).',
          },
          marginalConversion: {
            type: 'object',
            description:
              'Per stage id: the share of newly qualified leads worked there that advance, used when history has fewer than `minimumSample` of them. Without it the Wilson 95 % lower bound of what history there is is used.',
            propertyNames: { $ref: '#/$defs/identifier' },
            additionalProperties: {
              type: 'number',
              minimum: 0,
              maximum: 1,
              description: withUnit('Share of newly qualified leads worked at this stage that advance.', 'ratio'),
            },
          },
          costPerHead: {
            type: 'object',
            description:
              'Per team id: the yearly cost of one more person (e.g. `"95000"`), in the RevenueGoal currency. Without it the OTE of the comp plan paying that team is used.',
            propertyNames: { $ref: '#/$defs/identifier' },
            additionalProperties: {
              $ref: '#/$defs/decimal',
              description: withUnit('Yearly cost of one more person on this team.', 'money'),
            },
          },
        },
      },
    },
  },
});
