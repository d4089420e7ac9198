import { definePolicySchema } from './define.js';
import { policyKinds } from './kinds.js';
import type { UnitKind } from './units.js';
import { withMetricUnits } from './units.js';

export const impactMetrics = [
  'payout_cost_change_pct',
  'constraint_utilisation',
  'max_stage_utilisation',
  'constraint_moved',
  'sla_compliance_change_pts',
  'mql_volume_change_pct',
  'goal_forecast_change_pct',
  'data_changed',
  'cac_change_pct',
] as const;

/** How `above` and `below` are written, per metric with a threshold (`constraint_moved`, `data_changed` have none). */
export const guardrailMetricUnits: Readonly<
  Record<Exclude<(typeof impactMetrics)[number], 'constraint_moved' | 'data_changed'>, UnitKind>
> = {
  payout_cost_change_pct: 'percent',
  constraint_utilisation: 'ratio',
  max_stage_utilisation: 'ratio',
  sla_compliance_change_pts: 'points',
  mql_volume_change_pct: 'percent',
  goal_forecast_change_pct: 'percent',
  cac_change_pct: 'percent',
};

/** Metrics that are true or false: crossed when true, with no threshold. */
export const booleanMetrics: readonly string[] = ['constraint_moved', 'data_changed'];

export const guardrailsSchema = definePolicySchema({
  kind: 'Guardrails',
  file: 'guardrails.schema.json',
  title: 'Guardrails',
  description:
    'Impact thresholds that need a named approver when a pull request crosses them. Always read from the ' +
    'base branch, so a change cannot loosen the guardrail that judges it.',
  spec: {
    type: 'object',
    required: ['rules'],
    additionalProperties: false,
    properties: {
      rules: {
        type: 'array',
        description: 'The guardrails; each is checked on every pull request.',
        minItems: 1,
        maxItems: 100,
        items: {
          type: 'object',
          required: ['id', 'approvers'],
          additionalProperties: false,
          description:
            'One guardrail: crossed when its metric passes `above`/`below`, or when a policy of one of ' +
            '`changedKinds` changes.',
          properties: {
            id: { $ref: '#/$defs/identifier' },
            description: { $ref: '#/$defs/description' },
            metric: {
              enum: [...impactMetrics],
              description:
                'Impact figure compared with the threshold; percentages and points are head minus base. ' +
                '`constraint_moved` and `data_changed` (a data file in the repository or a FieldMapping ' +
                'added, removed or changed) are crossed when true.',
            },
            above: {
              type: 'number',
              description: withMetricUnits('Crossed when the metric is greater than this.', guardrailMetricUnits),
            },
            below: {
              type: 'number',
              description: withMetricUnits('Crossed when the metric is less than this.', guardrailMetricUnits),
            },
            changedKinds: {
              type: 'array',
              minItems: 1,
              maxItems: 8,
              uniqueItems: true,
              items: { enum: [...policyKinds] },
              description: 'Crossed when any policy of these kinds is added, removed or changed.',
            },
            approvers: {
              type: 'object',
              minProperties: 1,
              additionalProperties: false,
              description: 'Who must approve the pull request when this guardrail is crossed.',
              properties: {
                users: {
                  type: 'array',
                  maxItems: 50,
                  items: { $ref: '#/$defs/github-login' },
                  description: 'GitHub logins.',
                },
                teams: {
                  type: 'array',
                  maxItems: 20,
                  items: { $ref: '#/$defs/github-team' },
                  description: 'GitHub teams as `org/team-slug`.',
                },
                requires: {
                  enum: ['any', 'all'],
                  description:
                    '`any` (default): `minApprovals` of the listed users and team members must approve. ' +
                    '`all`: every listed user and one member of every listed team, each a different person ' +
                    '(then leave `minApprovals` out).',
                },
                minApprovals: {
                  type: 'integer',
                  minimum: 1,
                  maximum: 10,
                  description: 'With `requires: any`, how many different people of them must approve. Default 1.',
                },
              },
            },
          },
        },
      },
    },
  },
});
