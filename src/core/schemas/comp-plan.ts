import { definePolicySchema } from './define.js';
import type { JsonSchema } from './define.js';
import type { UnitKind } from './units.js';
import { withMetricUnits, withUnit } from './units.js';

export const compMetrics = [
  'won_amount',
  'sourced_won_amount',
  'sourced_pipeline_amount',
  'opportunities_created',
  'sal_count',
  'sql_count',
  'meetings_held',
  'goal_attainment',
  'constraint_target_met',
  'blended_cac',
] as const;

/** How a quota or component target is written, per metric (the engine's metric kinds: money, count, fraction). */
export const compMetricUnits: Readonly<Record<(typeof compMetrics)[number], UnitKind>> = {
  won_amount: 'money',
  sourced_won_amount: 'money',
  sourced_pipeline_amount: 'money',
  opportunities_created: 'count',
  sal_count: 'count',
  sql_count: 'count',
  meetings_held: 'count',
  goal_attainment: 'ratio',
  constraint_target_met: 'ratio',
  blended_cac: 'money',
};

const band: JsonSchema = {
  type: 'object',
  required: ['from', 'rate'],
  additionalProperties: false,
  properties: {
    from: {
      $ref: '#/$defs/fraction',
      description: withUnit('Attainment where this band starts (1 = 100 % of quota).', 'ratio'),
    },
    to: {
      $ref: '#/$defs/fraction',
      description: withUnit('Attainment where it ends; leave out on the last band.', 'ratio'),
    },
    rate: {
      type: 'number',
      minimum: 0,
      maximum: 100,
      description: withUnit(
        'Payout multiplier in this band: 1 pays target variable at par, above 1 accelerates, below 1 decelerates.',
        'multiplier',
      ),
    },
  },
};

export const compPlanSchema = definePolicySchema({
  kind: 'CompPlan',
  file: 'comp-plan.schema.json',
  title: 'Compensation plan',
  description:
    'How a role is paid: on-target earnings, quota, components with tiers, gates, caps, team multipliers, ' +
    'SPIFs and clawbacks, all tied to the shared revenue goal.',
  spec: {
    type: 'object',
    required: ['roles', 'team', 'currency', 'period', 'targetVariable', 'components'],
    additionalProperties: false,
    properties: {
      goal: {
        $ref: '#/$defs/policy-ref',
        description:
          'Name of the shared RevenueGoal this plan pays on. Sales and marketing plans should name the same goal.',
      },
      roles: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: { $ref: '#/$defs/identifier' },
        description: 'User roles paid by this plan, e.g. `[ae]`.',
      },
      team: { $ref: '#/$defs/team-ref', description: 'Team (from the Funnel) whose members are on this plan.' },
      currency: { $ref: '#/$defs/currency-code' },
      period: { enum: ['month', 'quarter', 'year'], description: 'How often variable pay is calculated and paid.' },
      onTargetEarnings: {
        $ref: '#/$defs/decimal',
        description: withUnit('Yearly base plus target variable, per person, in `currency`.', 'money'),
      },
      targetVariable: {
        $ref: '#/$defs/decimal',
        description: withUnit('Yearly variable pay at 100 % attainment, per person, in `currency`.', 'money'),
      },
      quota: {
        type: 'object',
        description: 'Yearly quota per person; prorated to the payout period.',
        required: ['metric', 'amount'],
        additionalProperties: false,
        properties: {
          metric: { enum: [...compMetrics], description: 'What the quota counts.' },
          amount: {
            $ref: '#/$defs/decimal',
            description: withMetricUnits('Yearly quota of the metric per person.', compMetricUnits),
          },
        },
      },
      components: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        description: 'Parts of variable pay. Weights must add up to 1.',
        items: {
          type: 'object',
          required: ['id', 'metric', 'weight'],
          additionalProperties: false,
          properties: {
            id: { $ref: '#/$defs/identifier' },
            description: { $ref: '#/$defs/description' },
            metric: { enum: [...compMetrics], description: 'What this component pays on.' },
            weight: {
              $ref: '#/$defs/fraction',
              description: withUnit('Share of target variable, e.g. `0.7`.', 'ratio'),
            },
            target: {
              $ref: '#/$defs/decimal',
              description: withMetricUnits(
                'Yearly target of the metric for 100 % attainment when it differs from the quota.',
                compMetricUnits,
              ),
            },
            tiers: {
              type: 'object',
              required: ['mode', 'bands'],
              additionalProperties: false,
              description:
                'Attainment bands. `marginal` pays each band its own rate; `retroactive` pays all ' +
                'attainment at the rate of the band reached.',
              properties: {
                mode: {
                  enum: ['marginal', 'retroactive'],
                  description: 'How bands combine: `marginal` or `retroactive`.',
                },
                bands: {
                  type: 'array',
                  minItems: 1,
                  maxItems: 20,
                  items: band,
                  description: 'Attainment bands from 0 upwards, contiguous.',
                },
              },
            },
            cap: {
              $ref: '#/$defs/fraction',
              description: withUnit(
                'Most this component pays, as a multiple of its target (`2` = 200 %).',
                'multiplier',
              ),
            },
          },
        },
      },
      gates: {
        type: 'array',
        maxItems: 20,
        description: 'Conditions that must hold for variable pay to be paid at all, e.g. 70 % of the shared goal.',
        items: {
          type: 'object',
          required: ['id', 'metric', 'min'],
          additionalProperties: false,
          properties: {
            id: { $ref: '#/$defs/identifier' },
            description: { $ref: '#/$defs/description' },
            metric: { enum: [...compMetrics], description: 'What the gate measures.' },
            min: {
              $ref: '#/$defs/fraction',
              description: withUnit('Least attainment of the metric (as a fraction of its target).', 'ratio'),
            },
            components: {
              type: 'array',
              items: { $ref: '#/$defs/identifier' },
              maxItems: 20,
              description: 'Components the gate holds back; leave out for all.',
            },
          },
        },
      },
      teamMultipliers: {
        type: 'array',
        maxItems: 20,
        description: 'Multiply the whole payout when the team meets a shared outcome.',
        items: {
          type: 'object',
          required: ['id', 'metric', 'min', 'multiplier'],
          additionalProperties: false,
          properties: {
            id: { $ref: '#/$defs/identifier' },
            description: { $ref: '#/$defs/description' },
            metric: { enum: [...compMetrics], description: 'The shared outcome measured.' },
            min: { $ref: '#/$defs/fraction', description: withUnit('Least attainment of that outcome.', 'ratio') },
            multiplier: {
              type: 'number',
              minimum: 0,
              maximum: 10,
              description: withUnit('Factor applied to the whole payout, e.g. `1.1`.', 'multiplier'),
            },
          },
        },
      },
      spiffs: {
        type: 'array',
        maxItems: 50,
        description: 'One-off bonuses per matching deal within a date window.',
        items: {
          type: 'object',
          required: ['id', 'amount', 'when', 'from', 'to'],
          additionalProperties: false,
          properties: {
            id: { $ref: '#/$defs/identifier' },
            description: { $ref: '#/$defs/description' },
            amount: {
              $ref: '#/$defs/decimal',
              description: withUnit('Paid per matching won opportunity, in `currency`.', 'money'),
            },
            when: { $ref: '#/$defs/logic', description: 'Which won opportunities qualify.' },
            from: { $ref: '#/$defs/date' },
            to: { $ref: '#/$defs/date' },
          },
        },
      },
      clawbacks: {
        type: 'array',
        maxItems: 20,
        description: 'Payouts taken back when a paid deal is reversed soon after.',
        items: {
          type: 'object',
          required: ['id', 'within', 'share'],
          additionalProperties: false,
          properties: {
            id: { $ref: '#/$defs/identifier' },
            description: { $ref: '#/$defs/description' },
            within: {
              $ref: '#/$defs/duration',
              description: withUnit('Reversals within this long of close are clawed back (calendar time).', 'duration'),
            },
            share: {
              $ref: '#/$defs/fraction',
              description: withUnit('Share of the original payout taken back.', 'ratio'),
            },
          },
        },
      },
    },
  },
});
