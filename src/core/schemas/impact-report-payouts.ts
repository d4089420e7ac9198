/** Shapes of the impact report's payout changes (`comp.plans`), each tied to its TypeScript type. */
import type { Delta } from '../report/impact.js';
import type {
  GateHold,
  PayoutLineChange,
  PayoutPartChange,
  PayoutReason,
  PayoutReasonCode,
  PayoutReasonSummary,
  PlanPayoutChange,
} from '../report/impact-payouts.js';
import { compMetrics } from './comp-plan.js';
import type { JsonSchema } from './define.js';
import { count, flag, list, numberOrNull, oneOf, ref, text, textOrNull } from './report-builders.js';
import { objectOf } from './typed-object.js';

type ReasonOf<C extends PayoutReasonCode> = Extract<PayoutReason, { code: C }>;

// Every reason code in exactly one group: a code added to the type without a group fails to compile.
const reasonGroups = {
  plain: ['person-joined', 'person-left', 'component-added', 'component-removed', 'base-pay-changed', 'terms-changed'],
  gate: ['gate-failed', 'gate-passed'],
  cap: ['cap-hit', 'cap-released', 'cap-changed'],
  tier: ['tier-crossed'],
  moved: ['metric-moved'],
  unknown: ['metric-unknown'],
  target: ['target-changed'],
  multiplier: ['multiplier-applied', 'multiplier-lost'],
} as const satisfies Record<string, readonly PayoutReasonCode[]>;
type Grouped = (typeof reasonGroups)[keyof typeof reasonGroups][number];
export const everyReasonCodeGrouped: Exclude<PayoutReasonCode, Grouped> extends never ? true : never = true;

/** Every payout reason code. */
export const payoutReasonCodes: readonly PayoutReasonCode[] = Object.values(reasonGroups).flat();

const metric = oneOf(compMetrics, 'The comp metric.');
const numbers = (description: string): JsonSchema => ref('delta', description);
const tiers = objectOf<Delta<number | null>>(
  {
    base: {
      type: ['integer', 'null'],
      minimum: 0,
      description: 'Tier index (from 0) under the base; null without one.',
    },
    head: {
      type: ['integer', 'null'],
      minimum: 0,
      description: 'Tier index (from 0) under the head; null without one.',
    },
    delta: { type: ['integer', 'null'], description: 'head − base; null when either is null.' },
  },
  { description: 'The tier band reached under base and head.' },
);

const reasonBranches: JsonSchema[] = [
  objectOf<ReasonOf<(typeof reasonGroups.plain)[number]>>(
    { code: oneOf(reasonGroups.plain, 'A reason about the person or the terms.') },
    { description: 'A change of who is on the plan, of its components, of the pay multiplied or of the terms.' },
  ),
  objectOf<ReasonOf<(typeof reasonGroups.gate)[number]>>(
    {
      code: oneOf(reasonGroups.gate, '`gate-failed`: fails under the head only; `gate-passed`: under the base only.'),
      gate: text('Gate id.'),
      metric,
      min: numbers("The gate's minimum per side; null where the gate is absent."),
      value: numbers("The gate's attainment per side, 4 dp; null when it could not be measured."),
    },
    { description: 'A gate holding the component fails on one side only.' },
  ),
  objectOf<ReasonOf<(typeof reasonGroups.cap)[number]>>(
    {
      code: oneOf(reasonGroups.cap, 'The cap lowers the factor under the head only, the base only, or both.'),
      factor: numbers('The earning factor per side, 4 dp.'),
    },
    { description: 'The cap changes the earning factor.' },
  ),
  objectOf<ReasonOf<'tier-crossed'>>(
    {
      code: oneOf(reasonGroups.tier, 'The attainment reaches another tier band.'),
      metric,
      tier: tiers,
      attainment: numbers('Attainment per side, 4 dp.'),
    },
    { description: 'Another tier band is reached.' },
  ),
  objectOf<ReasonOf<'metric-moved'>>(
    {
      code: oneOf(reasonGroups.moved, 'The measured metric differs.'),
      metric,
      value: ref('delta-exact', 'The metric per side as the comp report writes it; delta null across metrics.'),
      attainment: numbers('Attainment per side, 4 dp.'),
    },
    { description: 'The measured metric differs.' },
  ),
  objectOf<ReasonOf<'metric-unknown'>>(
    {
      code: oneOf(reasonGroups.unknown, 'The metric could not be known and counted as 0.'),
      metric,
      sides: { ...list(oneOf(['base', 'head'], 'A side.'), 'The sides where it was unknown.'), minItems: 1 },
    },
    { description: 'The metric was unknown on a side.' },
  ),
  objectOf<ReasonOf<'target-changed'>>(
    {
      code: oneOf(reasonGroups.target, 'The period target differs.'),
      metric,
      target: ref('delta-exact', 'The period target per side; null without one.'),
    },
    { description: 'The period target differs.' },
  ),
  objectOf<ReasonOf<(typeof reasonGroups.multiplier)[number]>>(
    {
      code: oneOf(reasonGroups.multiplier, 'A team multiplier applies under the head only / the base only.'),
      multiplier: text('Multiplier id.'),
      metric,
      value: numbers("The team's attainment per side, 4 dp; null when unmeasured or absent."),
      min: numbers("The multiplier's minimum per side; null where it is absent."),
    },
    { description: 'A team multiplier applies on one side only.' },
  ),
];

const payout = (description: string): JsonSchema => ref('payout-delta', description);
const periods = (description: string): JsonSchema => list(ref('period-label', 'A payout period.'), description);

const gateHold = objectOf<GateHold>(
  {
    gate: text('Gate id.'),
    metric,
    min: { type: 'number', description: 'The gate passes when its attainment ≥ min.' },
    components: list(text('Component id.'), 'The components it held.'),
    periods: periods('Periods where it failed, in time order.'),
    people: count('People it held back.'),
    lines: count('Person-periods it held back.'),
    lowest: numberOrNull('Lowest attainment among the failed lines, 4 dp; null when none could be measured.'),
    highest: numberOrNull('Highest attainment among the failed lines, 4 dp; null when none could be measured.'),
  },
  { description: 'A gate that failed on one side: the components it held back, where and for how many.' },
);

const sides = (description: string): JsonSchema =>
  objectOf<PlanPayoutChange['exists']>(
    { base: flag('Under the base.'), head: flag('Under the head.') },
    { description },
  );

/** Shapes `comp.plans` refers to by `$ref`. */
export const impactPayoutDefs: Record<string, JsonSchema> = {
  'payout-delta': objectOf<Delta<string>>(
    {
      base: ref('money', 'Under the base policies.'),
      head: ref('money', 'Under the head policies.'),
      delta: ref('money', 'head − base.'),
    },
    { description: 'A payout under base and head, and its change.' },
  ),
  'payout-reason': {
    oneOf: reasonBranches,
    description: 'Why a payout changed, as a code and its parameters (reporters phrase it).',
  },
  'plan-payout-change': objectOf<PlanPayoutChange>(
    {
      plan: text('Name of the CompPlan policy.'),
      currency: ref('currency-code', 'Currency of the payouts.'),
      exists: sides('Whether the plan exists under each side.'),
      total: payout("The plan's payout."),
      parts: list(
        objectOf<PayoutPartChange>(
          {
            part: oneOf(['component', 'multipliers', 'spiffs', 'clawbacks'], 'Which part of the pay.'),
            id: textOrNull('Component id; null for the other parts.'),
            metric: {
              type: ['string', 'null'],
              enum: [...compMetrics, null],
              description: "The component's metric (the head's, else the base's); null for the other parts.",
            },
            payout: payout('What the part pays.'),
            reasons: list(
              objectOf<PayoutReasonSummary>(
                {
                  code: oneOf(payoutReasonCodes, 'The reason code.'),
                  subject: textOrNull('The gate, multiplier or metric it is about; null for a person or the terms.'),
                  periods: periods('Periods where it applies, in time order.'),
                  people: count('People concerned.'),
                  lines: count('Person-periods concerned.'),
                  delta: ref('money', 'Sum of their payout changes; a line with several reasons counts under each.'),
                  example: ref('payout-reason', 'The reason on the first such line.'),
                  isUniform: flag("Whether every such line has exactly the example's values."),
                },
                { description: 'The lines sharing one reason (code and subject), with what they add up to.' },
              ),
              'The reasons of the changed lines, grouped.',
            ),
            lines: list(
              objectOf<PayoutLineChange>(
                {
                  personId: text('User id (a pseudonym when masked).'),
                  period: ref('period-label', 'The payout period.'),
                  payout: payout('What the part pays the person in the period.'),
                  reasons: {
                    ...list(ref('payout-reason', 'A reason.'), 'Every reason found, most direct first.'),
                    minItems: 1,
                  },
                },
                { description: 'One person in one period whose pay from this part changed.' },
              ),
              'The changed person-periods, by person then period.',
            ),
          },
          { description: 'One part of the pay: a component, or the multipliers, SPIFs or clawbacks.' },
        ),
        'Every component, then multipliers, SPIFs and clawbacks when they pay on a side; they add up to the total.',
      ),
      heldByGates: objectOf<PlanPayoutChange['heldByGates']>(
        { base: list(gateHold, 'Under the base.'), head: list(gateHold, 'Under the head.') },
        { description: 'Gates that failed on each side.' },
      ),
      isZeroByGate: sides('Whether the plan pays exactly 0 on a side where some gate failed.'),
    },
    { description: "One comp plan's payout, base vs head, by part, with the coded reason of every change." },
  ),
};
