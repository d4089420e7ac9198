/** Shapes of a guardrail's crossings (`guardrails[].crossings`), each tied to its TypeScript type. */
import type { GuardrailCrossing, UnmeasurableReason } from '../report/impact.js';
import type { JsonSchema } from './define.js';
import { impactMetrics } from './guardrails.js';
import { policyKinds } from './kinds.js';
import { list, number, oneOf, text } from './report-builders.js';
import { objectOf } from './typed-object.js';

type CrossingOf<C extends GuardrailCrossing['code']> = Extract<GuardrailCrossing, { code: C }>;

const metric = oneOf(impactMetrics, 'The impact metric of the guardrail.');
// Closed for readers: an unknown key in a reason to block a merge could change what it means.
const closed = { isClosedForReaders: true } as const;

type ReasonOf<C extends UnmeasurableReason['code']> = Extract<UnmeasurableReason, { code: C }>;
const side = oneOf(['base', 'head'], 'The side.');
const reasonOf = (code: string, description: string): JsonSchema => ({ const: code, description });

// Keyed by the code: a reason added to the type without its schema fails to compile.
const reasons: { [C in UnmeasurableReason['code']]: JsonSchema } = {
  'no-figure': objectOf<ReasonOf<'no-figure'>>(
    { code: reasonOf('no-figure', 'Neither side has the figure.') },
    { ...closed, description: 'No figure.' },
  ),
  'from-zero': objectOf<ReasonOf<'from-zero'>>(
    { code: reasonOf('from-zero', 'A change in % of a base of 0.') },
    { ...closed, description: 'From zero.' },
  ),
  'counted-as-zero': objectOf<ReasonOf<'counted-as-zero'>>(
    { code: reasonOf('counted-as-zero', 'A payout is built on a metric counted as 0.') },
    { ...closed, description: 'Counted as 0.' },
  ),
  'currency-from-zero': objectOf<ReasonOf<'currency-from-zero'>>(
    {
      code: reasonOf('currency-from-zero', 'Payouts in a currency go from 0 to more than 0.'),
      currency: text('The currency.'),
    },
    { ...closed, description: 'A new currency.' },
  ),
  'stage-unmeasured': objectOf<ReasonOf<'stage-unmeasured'>>(
    {
      code: reasonOf('stage-unmeasured', 'A stage has a figure on one side only.'),
      stage: text('Stage id (untrusted).'),
      side,
    },
    { ...closed, description: 'A stage without a figure on `side`.' },
  ),
  'sla-one-side': objectOf<ReasonOf<'sla-one-side'>>(
    {
      code: reasonOf('sla-one-side', 'An SLA is measured on one side only.'),
      sla: text('HandoffSla name (untrusted).'),
      side,
    },
    { ...closed, description: 'An SLA measured on `side` only.' },
  ),
  'sla-unknown': objectOf<ReasonOf<'sla-unknown'>>(
    { code: reasonOf('sla-unknown', "An SLA's change cannot be computed."), sla: text('HandoffSla name (untrusted).') },
    { ...closed, description: 'An SLA without a change.' },
  ),
};

// Keyed by the code: a crossing added to the type without its schema fails to compile.
const crossings: { [C in GuardrailCrossing['code']]: JsonSchema } = {
  above: objectOf<CrossingOf<'above'>>(
    {
      code: { const: 'above', description: 'The metric is above the threshold `above`.' },
      metric,
      value: number("The metric's value, 4 dp."),
      limit: number('The threshold.'),
    },
    { ...closed, description: 'Above its threshold.' },
  ),
  below: objectOf<CrossingOf<'below'>>(
    {
      code: { const: 'below', description: 'The metric is below the threshold `below`.' },
      metric,
      value: number("The metric's value, 4 dp."),
      limit: number('The threshold.'),
    },
    { ...closed, description: 'Below its threshold.' },
  ),
  'is-true': objectOf<CrossingOf<'is-true'>>(
    { code: { const: 'is-true', description: 'A true-or-false metric is true.' }, metric },
    { ...closed, description: 'A flag metric is true.' },
  ),
  'data-changed': objectOf<CrossingOf<'data-changed'>>(
    { code: { const: 'data-changed', description: 'The change edits data files or mappings (see `inputs`).' } },
    { ...closed, description: 'data_changed is true.' },
  ),
  unmeasurable: objectOf<CrossingOf<'unmeasurable'>>(
    {
      code: { const: 'unmeasurable', description: 'The metric cannot be measured: its approvers decide.' },
      metric,
      reason: { oneOf: Object.values(reasons), description: 'Why it cannot be measured, as a code and its facts.' },
    },
    { ...closed, description: 'The metric cannot be measured on this change.' },
  ),
  'policies-changed': objectOf<CrossingOf<'policies-changed'>>(
    {
      code: { const: 'policies-changed', description: 'A policy of one of `changedKinds` changed.' },
      policies: {
        ...list(
          objectOf<CrossingOf<'policies-changed'>['policies'][number]>(
            { kind: oneOf(policyKinds, 'Policy kind.'), name: text('Policy name (from the head: untrusted).') },
            { ...closed, description: 'A changed policy.' },
          ),
          'The changed policies of those kinds.',
        ),
        minItems: 1,
      },
    },
    { ...closed, description: 'Policies of a watched kind changed.' },
  ),
};

/** Shapes `guardrails` refers to by `$ref`. */
export const impactGuardrailDefs: Record<string, JsonSchema> = {
  'guardrail-crossing': {
    oneOf: Object.values(crossings),
    description: 'One reason a guardrail is crossed, as a code and its facts (reporters phrase it).',
  },
};
