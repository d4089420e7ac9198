import {
  allowedOperators,
  forbiddenPathSegments,
  LOGIC_MAX_DEPTH,
  MAX_PATTERN_LENGTH,
  operatorDescriptions,
} from '../logic/operators.js';
import type { JsonSchema } from './define.js';
import { lookupDef } from './joins.js';

/** Marks the schema of a JSON Logic operator object, so validation errors there can be explained as such. */
export const logicObjectMarker = 'revops: JSON Logic operator object';

const forbiddenSegment = `(^|\\.)(${forbiddenPathSegments.join('|')})(\\.|$)`;

/** Every allowed operator with what it does, one per line: editors show it on the operator list. */
function describeOperators(): string {
  const lines = allowedOperators.map((op) => `- \`${op}\`: ${operatorDescriptions[op]}`);
  return ['Allowed JSON Logic operators (`log` and `method` are not allowed):', ...lines].join('\n');
}

/** The depth-bounded JSON Logic rule: `logic-1` is the whole rule, `logic-N` its deepest level. */
function logicLevels(): Record<string, JsonSchema> {
  const levels: Record<string, JsonSchema> = {};
  for (let depth = 1; depth <= LOGIC_MAX_DEPTH; depth++) {
    const next = depth === LOGIC_MAX_DEPTH ? '#/$defs/logic-too-deep' : `#/$defs/logic-${depth + 1}`;
    levels[`logic-${depth}`] = {
      if: { type: 'object' },
      then: {
        $comment: logicObjectMarker,
        type: 'object',
        minProperties: 1,
        maxProperties: 1,
        propertyNames: { $ref: '#/$defs/logic-operator' },
        properties: {
          var: { $ref: '#/$defs/logic-var' },
          missing: { $ref: '#/$defs/logic-field-list' },
          missing_some: {
            type: 'array',
            prefixItems: [{ type: 'integer', minimum: 0 }, { $ref: '#/$defs/logic-field-list' }],
            minItems: 2,
            maxItems: 2,
          },
        },
        additionalProperties: { $ref: next },
        allOf: [{ $ref: '#/$defs/logic-literal-args' }],
      },
      else: { if: { type: 'array' }, then: { type: 'array', maxItems: 1000, items: { $ref: next } } },
    };
  }
  return levels;
}

export const sharedDefs: Record<string, JsonSchema> = {
  metadata: {
    type: 'object',
    description: 'Who owns this policy and what it is for.',
    required: ['name', 'owner', 'description'],
    additionalProperties: false,
    properties: {
      name: {
        $ref: '#/$defs/identifier',
        description: 'Unique name of this policy within the repository; other policies refer to it by this name.',
      },
      owner: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        description: 'Team or person accountable for this policy, e.g. `revops` or a GitHub handle.',
      },
      description: {
        type: 'string',
        minLength: 1,
        maxLength: 2000,
        description: 'What this policy is for, in a sentence or two.',
      },
      labels: {
        type: 'object',
        description: 'Free-form labels (string values) for grouping and search.',
        maxProperties: 50,
        propertyNames: { $ref: '#/$defs/identifier' },
        additionalProperties: { type: 'string', maxLength: 200 },
      },
    },
  },
  identifier: {
    type: 'string',
    description: 'Lower-case letters, digits, `-` and `_`; starts with a letter.',
    pattern: '^[a-z][a-z0-9_-]*$',
    minLength: 1,
    maxLength: 63,
  },
  'display-name': {
    type: 'string',
    minLength: 1,
    maxLength: 200,
    description: 'Human-readable name shown in reports.',
  },
  description: {
    type: 'string',
    maxLength: 2000,
    description: 'Why this rule exists, for the people reading reports and reviews.',
  },
  decimal: {
    type: ['string', 'number'],
    description: 'An exact decimal number. Write money as a quoted string (e.g. `"1250.50"`) so no precision is lost.',
    pattern: '^-?[0-9]{1,15}(\\.[0-9]{1,6})?$',
    maxLength: 23,
  },
  fraction: {
    type: 'number',
    minimum: 0,
    maximum: 10,
    description: 'A ratio where 1 means 100 %, e.g. `0.7` for 70 %.',
  },
  date: {
    type: 'string',
    description: 'A calendar date, `YYYY-MM-DD`.',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
    maxLength: 10,
  },
  datetime: {
    type: 'string',
    description:
      'A moment in time, ISO 8601 with its offset, e.g. `2026-03-04T14:05:00Z` or `2026-03-04T09:05:00-05:00`.',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?(Z|[+-][0-9]{2}:[0-9]{2})$',
    maxLength: 35,
  },
  'time-of-day': {
    type: 'string',
    description: 'A wall-clock time, `HH:MM` (24-hour), quoted.',
    pattern: '^([01][0-9]|2[0-4]):[0-5][0-9]$',
    maxLength: 5,
  },
  duration: {
    type: 'string',
    description:
      'A duration: a number and a unit, `m` (minutes), `h` (hours), `d` (days) or `w` (weeks), e.g. `30m`, ' +
      '`4h`, `2d`. Inside an SLA these count business time of its calendar.',
    pattern: '^[0-9]{1,6}(\\.[0-9]{1,3})?(m|h|d|w)$',
    maxLength: 12,
  },
  'currency-code': {
    type: 'string',
    pattern: '^[A-Z]{3}$',
    maxLength: 3,
    description: 'ISO 4217 currency code, e.g. `USD`.',
  },
  logic: {
    description:
      'A JSON Logic rule (https://jsonlogic.com). Each object holds exactly one operator from the allowed ' +
      'list; `var` reads a field of the canonical data model.',
    $ref: '#/$defs/logic-1',
  },
  ...logicLevels(),
  'logic-too-deep': {
    description: `JSON Logic rules may nest at most ${LOGIC_MAX_DEPTH} objects and arrays deep.`,
    type: ['string', 'number', 'boolean', 'null'],
  },
  'logic-operator': {
    description: describeOperators(),
    enum: [...allowedOperators],
  },
  'logic-literal-args': {
    description:
      'Operators whose last argument is read when the rule is compiled, so it must be written out in the rule.',
    type: 'object',
    properties: {
      matches: {
        description: operatorDescriptions.matches,
        type: 'array',
        prefixItems: [true, { $ref: '#/$defs/logic-pattern' }],
        minItems: 2,
        maxItems: 2,
      },
      business_hours_between: {
        description: operatorDescriptions.business_hours_between,
        type: 'array',
        prefixItems: [
          true,
          true,
          { $ref: '#/$defs/policy-ref', description: 'The `metadata.name` of a Calendar policy.' },
        ],
        minItems: 3,
        maxItems: 3,
      },
    },
  },
  'logic-pattern': {
    type: 'string',
    minLength: 1,
    maxLength: MAX_PATTERN_LENGTH,
    description: `A regular expression in RE2 syntax (no backreferences or lookaround; matching takes linear time), at most ${MAX_PATTERN_LENGTH} characters, e.g. \`^[^@]+@(gmail|yahoo)\\.com$\`.`,
  },
  'logic-path': {
    type: 'string',
    maxLength: 200,
    description: 'A dotted field path such as `employee_count`.',
    not: { pattern: forbiddenSegment },
  },
  'logic-var': {
    description: 'A field path, or `[path, default]`.',
    if: { type: 'array' },
    then: {
      type: 'array',
      prefixItems: [{ $ref: '#/$defs/logic-path' }, { type: ['string', 'number', 'boolean', 'null'] }],
      minItems: 1,
      maxItems: 2,
    },
    else: { type: ['string', 'integer'], $ref: '#/$defs/logic-path-or-index' },
  },
  'logic-path-or-index': {
    if: { type: 'string' },
    then: { $ref: '#/$defs/logic-path' },
    else: { type: 'integer', minimum: 0 },
  },
  'logic-field-list': {
    description: 'A field path or a list of field paths.',
    if: { type: 'array' },
    then: { type: 'array', items: { $ref: '#/$defs/logic-path' }, maxItems: 200 },
    else: { $ref: '#/$defs/logic-path' },
  },
  'team-ref': { $ref: '#/$defs/identifier', description: 'Id of a team declared in the Funnel policy.' },
  'stage-ref': { $ref: '#/$defs/identifier', description: 'Id of a stage declared in the Funnel policy.' },
  'event-ref': { $ref: '#/$defs/identifier', description: 'Id of an event declared in the Funnel policy.' },
  'policy-ref': { $ref: '#/$defs/identifier', description: 'The `metadata.name` of another policy.' },
  'github-login': {
    type: 'string',
    description: 'A GitHub user login.',
    pattern: '^[A-Za-z0-9](-?[A-Za-z0-9]){0,38}$',
    maxLength: 39,
  },
  'github-team': {
    type: 'string',
    description: 'A GitHub team as `org/team-slug`.',
    pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[a-z0-9][a-z0-9_-]{0,99}$',
    maxLength: 140,
  },
  lookup: lookupDef,
  'field-source': {
    type: 'object',
    description: 'Where a canonical field comes from. Give exactly one of `column`, `derive`, `const` or `lookup`.',
    additionalProperties: false,
    properties: {
      column: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        description: 'Header of the export column this field is read from.',
      },
      derive: {
        $ref: '#/$defs/logic',
        description: 'Compute the field with JSON Logic over the raw row (columns by header).',
      },
      const: { type: ['string', 'number', 'boolean'], description: 'Use this value for every row.' },
      lookup: { $ref: '#/$defs/lookup' },
      values: {
        type: 'object',
        description:
          'Translate raw values to canonical ones, e.g. a CRM stage label to a stage id. Unlisted values ' +
          'are an error unless `otherwise` is set.',
        maxProperties: 1000,
        additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
      },
      otherwise: {
        enum: ['keep', 'error', 'empty'],
        description:
          'What to do with a value not in `values`: keep it as it is, report the row, or leave the field ' +
          'empty. Default `error`.',
      },
      format: {
        type: 'string',
        maxLength: 64,
        description:
          'Date or date-time format of the column, e.g. `yyyy-MM-dd HH:mm` or `MM/dd/yyyy`. ISO 8601 needs no format.',
      },
      timeZone: {
        type: 'string',
        maxLength: 64,
        description: 'IANA time zone of local date-times in the column, e.g. `America/Chicago`.',
      },
      numberFormat: {
        type: 'object',
        description: 'Separators used in the column, e.g. `{decimal: ",", group: "."}` for `1.000,50`.',
        additionalProperties: false,
        properties: {
          decimal: { enum: ['.', ','], description: 'Decimal separator.' },
          group: { enum: [',', '.', ' ', "'", ''], description: 'Thousands separator; empty for none.' },
        },
      },
      trueValues: {
        type: 'array',
        maxItems: 20,
        items: { type: 'string', maxLength: 50 },
        description: 'Raw values read as true.',
      },
      falseValues: {
        type: 'array',
        maxItems: 20,
        items: { type: 'string', maxLength: 50 },
        description: 'Raw values read as false.',
      },
    },
  },
};
