import { entityNames } from '../model/canonical.js';
import { definePolicySchema } from './define.js';
import { policyKinds } from './kinds.js';
import { dataIssueCodes } from './report-builders.js';

/** Text a person must really write: not empty, not only spaces. */
const statement = (description: string, maxLength: number): Record<string, unknown> => ({
  type: 'string',
  minLength: 1,
  maxLength,
  pattern: '\\S',
  description,
});

const issueCode = {
  type: 'string',
  pattern: '^[a-z][a-z0-9-]*\\.[a-zA-Z0-9.-]+$',
  maxLength: 80,
  description: 'The issue code as `validate` prints it, e.g. `logic.unknown-field`.',
};

export const waiverSchema = definePolicySchema({
  kind: 'Waiver',
  file: 'waiver.schema.json',
  title: 'Waiver',
  description:
    'Known findings accepted for a while, each with an owner, a reason and an expiry date. A waived finding ' +
    'stays visible, marked as waived, and no longer fails `validate` or needs its guardrail approvals. ' +
    'Guardrail waivers count only on the base branch: a pull request cannot waive its own guardrail.',
  spec: {
    type: 'object',
    required: ['waivers'],
    additionalProperties: false,
    properties: {
      waivers: {
        type: 'array',
        minItems: 1,
        maxItems: 200,
        description: 'The waivers; each names exactly one of `validate`, `guardrail` or `data`.',
        items: {
          type: 'object',
          required: ['owner', 'reason', 'expires'],
          additionalProperties: false,
          description: 'One accepted finding: what it is, who owns it, why, and until when.',
          properties: {
            validate: {
              type: 'object',
              required: ['code'],
              additionalProperties: false,
              description:
                'A `validate` finding: its code, in a file (path under the policy directory) or a policy ' +
                '(`kind` and `name`), optionally at one JSON path. Findings of the YAML, schema and ' +
                'waiver layers cannot be waived.',
              properties: {
                code: issueCode,
                file: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 300,
                  description: 'Policy file, relative to the policy directory, e.g. `lead-definition.yaml`.',
                },
                kind: { enum: [...policyKinds], description: 'Kind of the policy the finding is in.' },
                name: { $ref: '#/$defs/identifier', description: '`metadata.name` of the policy the finding is in.' },
                path: {
                  type: 'string',
                  pattern: '^(/|$)',
                  maxLength: 300,
                  description: 'JSON path of the finding as `validate` prints it, e.g. `/spec/classes/0/when`.',
                },
              },
            },
            guardrail: {
              $ref: '#/$defs/identifier',
              description:
                'Id of a guardrail of the Guardrails policy. Counts only when this waiver is on the base branch.',
            },
            data: {
              type: 'object',
              required: ['code'],
              additionalProperties: false,
              description: 'A data issue: its code, optionally in one entity, file or column only.',
              properties: {
                code: {
                  enum: Object.keys(dataIssueCodes),
                  description: 'The data issue code, e.g. `data.bad-number`.',
                },
                entity: { enum: [...entityNames], description: 'Only issues of this entity.' },
                file: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 300,
                  description: 'Only issues of this data file (path under the data directory, e.g. `leads.csv`).',
                },
                column: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 300,
                  description: 'Only issues of this export column (header as in the file).',
                },
              },
            },
            owner: statement('Who answers for this waiver: a team or a GitHub handle.', 200),
            reason: statement('Why the finding is accepted for now.', 2000),
            expires: {
              $ref: '#/$defs/date',
              description:
                'Last day the waiver counts, `YYYY-MM-DD`; from the next day `validate` fails until it is renewed or removed.',
            },
          },
        },
      },
    },
  },
});
