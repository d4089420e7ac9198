import { definePolicySchema } from './define.js';
import { withUnit } from './units.js';
import type { JsonSchema } from './define.js';

const namedRule: JsonSchema = {
  type: 'object',
  required: ['id', 'when'],
  additionalProperties: false,
  properties: {
    id: {
      $ref: '#/$defs/identifier',
      description: 'Rule id, unique within this policy; named in explanations and reports.',
    },
    description: { $ref: '#/$defs/description' },
    when: { $ref: '#/$defs/logic', description: 'The rule applies to a lead when this JSON Logic rule is true.' },
  },
};

const scoringCategory = (what: string, withDecay: boolean): JsonSchema => ({
  type: 'object',
  required: ['rules'],
  additionalProperties: false,
  description: `${what} scoring: the points of every matching rule are added, then capped.`,
  properties: {
    cap: { type: 'number', minimum: 0, maximum: 1000, description: 'Most points this category can contribute.' },
    ...(withDecay
      ? {
          decay: {
            type: 'object',
            description: 'Engagement points fade with time since the lead last engaged.',
            required: ['halfLife', 'from'],
            additionalProperties: false,
            properties: {
              halfLife: {
                $ref: '#/$defs/duration',
                description: withUnit(
                  'After this long without engagement, points are halved (calendar time).',
                  'duration',
                ),
              },
              from: {
                $ref: '#/$defs/identifier',
                description: 'Timestamp field the decay is measured from, e.g. `last_engaged_at`.',
              },
            },
          },
        }
      : {}),
    rules: {
      type: 'array',
      description: `${what} rules; every matching rule adds its points.`,
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        required: ['id', 'points'],
        additionalProperties: false,
        properties: {
          id: { $ref: '#/$defs/identifier', description: 'Rule id, unique within this policy.' },
          description: { $ref: '#/$defs/description' },
          points: {
            description: 'Points given: a number, or a JSON Logic rule that computes them (e.g. 2 per page view).',
            if: { type: 'number' },
            then: { type: 'number', minimum: -1000, maximum: 1000 },
            else: { $ref: '#/$defs/logic' },
          },
          when: {
            $ref: '#/$defs/logic',
            description: 'Points are given when this rule is true. Leave out to always apply.',
          },
        },
      },
    },
  },
});

export const leadDefinitionSchema = definePolicySchema({
  kind: 'LeadDefinition',
  file: 'lead-definition.schema.json',
  title: 'Lead definition',
  description:
    'The one shared definition of a good lead: who is excluded, who raised a hand, how fit and engagement ' +
    'are scored, and which scores make a lead MQL or SQL.',
  spec: {
    type: 'object',
    required: ['funnel', 'classes', 'defaultClass'],
    additionalProperties: false,
    properties: {
      funnel: { $ref: '#/$defs/policy-ref', description: 'Name of the Funnel policy whose stages the classes map to.' },
      exclusions: {
        type: 'array',
        maxItems: 200,
        description:
          'Leads matching any exclusion are classed `excluded` and never scored (competitors, students, ' +
          'existing customers…).',
        items: namedRule,
      },
      handRaisers: {
        type: 'array',
        maxItems: 200,
        description:
          'Leads that asked for sales (demo request, contact form) skip scoring and go straight to `classifyAs`.',
        items: {
          ...namedRule,
          required: ['id', 'when', 'classifyAs'],
          properties: {
            ...(namedRule.properties as JsonSchema),
            classifyAs: { $ref: '#/$defs/identifier', description: 'Class the hand-raiser gets; one of `classes`.' },
          },
        },
      },
      scoring: {
        type: 'object',
        description: 'Fit (who they are) and engagement (what they did) scores, summed into the lead score.',
        additionalProperties: false,
        properties: {
          fit: scoringCategory('Fit', false),
          engagement: scoringCategory('Engagement', true),
        },
      },
      classes: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        description: 'Qualified classes from highest to lowest. A lead gets the first class whose thresholds it meets.',
        items: {
          type: 'object',
          required: ['id', 'stage'],
          additionalProperties: false,
          properties: {
            id: { $ref: '#/$defs/identifier', description: 'Class id, e.g. `mql`.' },
            description: { $ref: '#/$defs/description' },
            stage: { $ref: '#/$defs/stage-ref', description: 'Funnel stage a lead of this class belongs in.' },
            minScore: {
              type: 'number',
              minimum: -10000,
              maximum: 10000,
              description: 'Least total score (fit + engagement).',
            },
            minFit: { type: 'number', minimum: -10000, maximum: 10000, description: 'Least fit score.' },
            minEngagement: { type: 'number', minimum: -10000, maximum: 10000, description: 'Least engagement score.' },
            when: { $ref: '#/$defs/logic', description: 'An extra condition the lead must also meet.' },
          },
        },
      },
      defaultClass: {
        $ref: '#/$defs/identifier',
        description: 'Class of leads that are not excluded and meet no class, e.g. `nurture`.',
      },
    },
  },
});
