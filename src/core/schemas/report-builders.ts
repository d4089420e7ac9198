/** Building blocks of the Report's JSON Schema: property builders, patterns and shared shapes. */
import type { DataFormat, DataIssueCode } from '../data/types.js';
import type { Severity } from '../issue.js';
import type { CompMetric } from '../report/comp.js';
import { compMetrics } from './comp-plan.js';
import type { JsonSchema } from './define.js';

export const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

// Records keyed by a union type: the compiler rejects a missing or unknown member, so these enums follow the types.
export const severities: Record<Severity, true> = { error: true, warning: true };
export const dataFormats: Record<DataFormat, true> = { csv: true, ndjson: true, json: true };
export const dataIssueCodes: Record<DataIssueCode, true> = {
  'data.missing-required': true,
  'data.impossible-order': true,
  'data.bad-number': true,
  'data.bad-boolean': true,
  'data.bad-date': true,
  'data.bad-datetime': true,
  'data.bad-value': true,
  'data.bad-encoding': true,
  'data.unmapped-value': true,
  'data.derive-failed': true,
  'data.ragged-row': true,
  'data.unterminated-quote': true,
  'data.bad-quote': true,
  'data.row-too-long': true,
  'data.bad-json': true,
  'data.not-an-object': true,
  'data.forbidden-key': true,
  'data.future-date': true,
  'data.duplicate-id': true,
  'data.negative-number': true,
  'data.invisible-character': true,
  'data.lookup-no-match': true,
  'data.lookup-ambiguous': true,
  'data.distinct-conflict': true,
  'data.empty-file': true,
  'data.header-empty': true,
  'data.header-duplicate': true,
  'data.header-forbidden': true,
  'data.header-too-wide': true,
  'data.missing-column': true,
  'data.ambiguous-column': true,
  'data.bad-mapping': true,
  'data.unknown-format': true,
  'data.bad-json-shape': true,
  'data.entity-twice': true,
  'data.not-a-file': true,
  'data.file-absent': true,
  'data.lookup-unavailable': true,
  'data.too-many-issues': true,
};

/** How the report writes the value and target of each comp metric: money to cents, counts whole, fractions to 4 dp. */
export const compMetricKinds: Readonly<Record<CompMetric, 'money' | 'count' | 'fraction'>> = {
  won_amount: 'money',
  sourced_won_amount: 'money',
  sourced_pipeline_amount: 'money',
  opportunities_created: 'count',
  sal_count: 'count',
  sql_count: 'count',
  meetings_held: 'count',
  goal_attainment: 'fraction',
  constraint_target_met: 'fraction',
  blended_cac: 'money',
};

export type Props = Record<string, JsonSchema>;

/** An object with exactly these properties, all required except those named in `optional`. */
export function object(
  properties: Props,
  options: { description?: string; optional?: readonly string[]; isNullable?: boolean } = {},
): JsonSchema {
  const optional = options.optional ?? [];
  const required = Object.keys(properties).filter((name) => !optional.includes(name));
  return {
    type: options.isNullable === true ? ['object', 'null'] : 'object',
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(required.length === 0 ? {} : { required }),
    additionalProperties: false,
    properties,
  };
}

export const ref = (def: string, description: string): JsonSchema => ({ $ref: `#/$defs/${def}`, description });
export const list = (items: JsonSchema, description: string): JsonSchema => ({ type: 'array', description, items });
export const text = (description: string): JsonSchema => ({ type: 'string', description });
export const textOrNull = (description: string): JsonSchema => ({ type: ['string', 'null'], description });
export const flag = (description: string): JsonSchema => ({ type: 'boolean', description });
export const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
export const number = (description: string): JsonSchema => ({ type: 'number', description });
export const numberOrNull = (description: string): JsonSchema => ({ type: ['number', 'null'], description });
export const nonNegative = (description: string): JsonSchema => ({ type: 'number', minimum: 0, description });
export const nonNegativeOrNull = (description: string): JsonSchema => ({
  type: ['number', 'null'],
  minimum: 0,
  description,
});
/** A share of a whole: 0 to 1. */
export const share = (description: string): JsonSchema => ({ type: 'number', minimum: 0, maximum: 1, description });
export const shareOrNull = (description: string): JsonSchema => ({
  type: ['number', 'null'],
  minimum: 0,
  maximum: 1,
  description,
});
export const oneOf = (values: readonly string[], description: string): JsonSchema => ({
  enum: [...values],
  description,
});

export const MONEY = '^-?[0-9]+\\.[0-9]{2}$';
export const WHOLE = '^[0-9]+$';
export const QUANTITY = '^-?[0-9]+(\\.[0-9]{1,4})?$';

export const durationStats: Props = {
  count: count('How many durations.'),
  median: nonNegativeOrNull('Middle value (mean of the two middle ones for an even count); null when count is 0.'),
  p90: nonNegativeOrNull('Nearest rank: the value at rank ⌈0.9·n⌉ of the sorted values; null when count is 0.'),
};

export const dealStats: Props = {
  ...durationStats,
  mean: nonNegativeOrNull('Mean of the durations; null when count is 0.'),
};

export const issue: Props = {
  code: text('Stable machine-readable code, e.g. `yaml.duplicate-key` or `ref.stage-missing`.'),
  severity: oneOf(Object.keys(severities), 'Errors fail `validate`; warnings are reported but do not.'),
  message: text('What is wrong, in one sentence.'),
  hint: text('How to fix it, when there is something specific to say.'),
  file: text('File path as the user gave it (relative to the working directory when possible).'),
  path: text('JSON-pointer-like path to the value inside the document, e.g. `/spec/stages/2/owner`.'),
  line: count('1-based line; 0 when the problem concerns the whole file.'),
  column: count('1-based column; 0 when the problem concerns the whole file.'),
};

export const slaCounts: Props = {
  eligible: count('Items whose clock started (from-event) inside the evaluated window.'),
  met: count('Stopped (to-event) at or before their deadline.'),
  breached: count('Stopped after their deadline; or not stopped and the deadline has passed at as-of; or recycled.'),
  pending: count('Not stopped, deadline still ahead at as-of, not recycled.'),
  untargeted: count("No target's `when` matched: no deadline applies."),
  invalidOrder: count('The to-event is earlier than the from-event: a data problem, counted apart, never as met.'),
  compliance: shareOrNull('met ÷ (met + breached); null when no item is decided.'),
};
export const slaTargetCounts: Props = Object.fromEntries(
  Object.entries(slaCounts).filter(([name]) => name !== 'untargeted'),
);

export const hoursSummary = object(
  {
    count: count('How many durations.'),
    medianHours: nonNegativeOrNull('Median in business hours; null when count is 0.'),
    p90Hours: nonNegativeOrNull('90th percentile (nearest rank) in business hours; null when count is 0.'),
  },
  { description: 'Count, median and p90 of business-hour durations (nearest rank; null when count is 0).' },
);

/** Value and target of a comp component as the metric's kind writes them. */
export function componentValueRule(kind: 'money' | 'count' | 'fraction'): JsonSchema {
  const metrics = compMetrics.filter((m) => compMetricKinds[m] === kind);
  const rules: Record<typeof kind, { value: JsonSchema; target: JsonSchema }> = {
    money: {
      value: { $ref: '#/$defs/money', description: 'For a money metric: an amount in cents.' },
      target: { $ref: '#/$defs/money-or-null', description: 'For a money metric: an amount in cents, or null.' },
    },
    count: {
      value: { type: 'string', pattern: WHOLE, maxLength: 40, description: 'For a count: a whole number.' },
      target: {
        type: ['string', 'null'],
        pattern: QUANTITY,
        maxLength: 40,
        description: 'For a count: the prorated target (4 dp), or null.',
      },
    },
    fraction: {
      value: { type: 'string', pattern: QUANTITY, maxLength: 40, description: 'For a fraction: at most 4 dp.' },
      target: { type: 'null', description: 'A fraction has no target.' },
    },
  };
  return {
    if: { properties: { metric: { enum: metrics, description: `The ${kind} metrics.` } } },
    then: { properties: rules[kind] },
  };
}
