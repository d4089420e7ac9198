import { definePolicySchema } from './define.js';
import type { UnitKind } from './units.js';
import { withMetricUnits, withUnit } from './units.js';

export const constraintMetrics = [
  'utilisation',
  'throughput_per_week',
  'conversion_rate',
  'median_time_in_stage_hours',
  'p90_time_in_stage_hours',
  'sla_compliance',
  'wip',
] as const;

export const goalMetrics = ['won_amount', 'new_arr', 'won_deals'] as const;

/** How the constraint target is written, per metric (a ratio is `0.85`, never `85`). */
export const constraintMetricUnits: Readonly<Record<(typeof constraintMetrics)[number], UnitKind>> = {
  utilisation: 'ratio',
  throughput_per_week: 'count',
  conversion_rate: 'ratio',
  median_time_in_stage_hours: 'hours',
  p90_time_in_stage_hours: 'hours',
  sla_compliance: 'ratio',
  wip: 'count',
};

/** How the goal target is written, per metric. */
export const goalMetricUnits: Readonly<Record<(typeof goalMetrics)[number], UnitKind>> = {
  won_amount: 'money',
  new_arr: 'money',
  won_deals: 'count',
};

export const revenueGoalSchema = definePolicySchema({
  kind: 'RevenueGoal',
  file: 'revenue-goal.schema.json',
  title: 'Revenue goal',
  description:
    'The one goal sales and marketing share, and the one constraint metric at the bottleneck stage that ' +
    'everyone optimises. A repository has exactly one.',
  spec: {
    type: 'object',
    required: ['goal', 'constraint'],
    additionalProperties: false,
    properties: {
      calendar: {
        $ref: '#/$defs/policy-ref',
        description:
          'Name of the Calendar policy whose time zone is the reporting zone: days, weeks, months and periods ' +
          'begin in it. Without it, the one zone of the Calendars the HandoffSlas run on, else of the only Calendar.',
      },
      goal: {
        type: 'object',
        required: ['metric', 'target', 'currency', 'period'],
        additionalProperties: false,
        description: 'The shared revenue goal.',
        properties: {
          metric: {
            enum: [...goalMetrics],
            description: 'What is counted: `won_amount` (closed-won value), `new_arr`, or `won_deals`.',
          },
          target: {
            $ref: '#/$defs/decimal',
            description: withMetricUnits('Target value for the period, e.g. `"4800000"`.', goalMetricUnits),
          },
          currency: { $ref: '#/$defs/currency-code' },
          period: {
            type: 'object',
            required: ['start', 'end'],
            additionalProperties: false,
            description: 'The goal period, both days included.',
            properties: {
              start: { $ref: '#/$defs/date' },
              end: { $ref: '#/$defs/date' },
            },
          },
        },
      },
      constraint: {
        type: 'object',
        required: ['stage', 'metric', 'target'],
        additionalProperties: false,
        description:
          'The single constraint: the stage that limits throughput, the metric watched there, and its target.',
        properties: {
          stage: { $ref: '#/$defs/stage-ref', description: 'The stage believed to be the bottleneck.' },
          metric: { enum: [...constraintMetrics], description: 'Metric of that stage that everyone optimises.' },
          target: {
            type: 'object',
            description: withMetricUnits(
              'Give `max` for metrics that should stay low (utilisation, time in stage) or `min` for ones ' +
                'that should stay high. Utilisation is work arriving ÷ capacity.',
              constraintMetricUnits,
            ),
            minProperties: 1,
            maxProperties: 1,
            additionalProperties: false,
            properties: {
              max: {
                type: 'number',
                description: withMetricUnits('The metric should be at most this.', constraintMetricUnits),
              },
              min: {
                type: 'number',
                description: withMetricUnits('The metric should be at least this.', constraintMetricUnits),
              },
            },
          },
          rationale: { $ref: '#/$defs/description', description: 'Why this stage is the constraint, for reviewers.' },
        },
      },
      sharedOutcome: {
        type: 'object',
        additionalProperties: false,
        description:
          'What ties sales and marketing pay to the same outcome. `validate` requires each sales and marketing ' +
          'CompPlan to pay at least `minShare` of its target variable on the shared goal or the constraint ' +
          'metric (components on `goal_attainment`, the goal metric, `constraint_target_met`), or to hold its ' +
          'other components behind a gate on one of them.',
        properties: {
          minShare: {
            type: 'number',
            minimum: 0,
            maximum: 1,
            description: withUnit(
              'The least share of target variable paid on the shared outcome (0.3 = 30 %, the default; 0 turns ' +
                'the rule off).',
              'ratio',
            ),
          },
        },
      },
    },
  },
});
