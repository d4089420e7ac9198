/** Shapes of the projection's payouts (`projection.payouts`), each tied to its TypeScript type. */
import type {
  PayMetricUnknown,
  ProjectedPayMetric,
  ProjectedPayouts,
  ProjectedPayoutTotal,
  ProjectedPlanPayout,
} from '../report/projection-payouts.js';
import { compMetrics } from './comp-plan.js';
import type { JsonSchema } from './define.js';
import { count, list, nonNegative, oneOf, ref, text, textOrNull } from './report-builders.js';
import { objectOf } from './typed-object.js';

// A record keyed by the union: a code added to the type without a place here fails to compile.
const metricUnknown: Record<PayMetricUnknown, true> = {
  'not-reported': true,
  'observed-unknown': true,
  'goal-unknown': true,
  'constraint-not-projected': true,
  'cost-not-projected': true,
};
const unknown = (description: string): JsonSchema => ({
  type: ['string', 'null'],
  enum: [...Object.keys(metricUnknown), null],
  description,
});
const money = (description: string): JsonSchema => ref('money-or-null', description);

const total = objectOf<ProjectedPayoutTotal>(
  {
    currency: ref('currency-code', 'Currency of the payouts.'),
    base: money('Under the base; null when a plan in this currency is unknown.'),
    head: money('Under the head; null when unknown.'),
    delta: money('head − base.'),
    headLow: money('The head with every marginal conversion at its low bound.'),
    headHigh: money('The head with every marginal conversion at its high bound.'),
    deltaLow: money('headLow − base.'),
    deltaHigh: money('headHigh − base.'),
  },
  { description: 'Projected payouts of every plan in one currency.' },
);

/** Shapes `projection.payouts` refers to by `$ref`. */
export const projectedPayoutDefs: Record<string, JsonSchema> = {
  'projected-plan-payout': objectOf<ProjectedPlanPayout>(
    {
      plan: text('Name of the CompPlan policy.'),
      currency: ref('currency-code', 'Currency of the payouts.'),
      periods: list(
        objectOf<ProjectedPlanPayout['periods'][number]>(
          {
            label: ref('period-label', 'The payout period.'),
            weeksProjected: nonNegative('Weeks of it after as-of, paid on the flow (4 dp); the rest is observed.'),
          },
          { description: 'One payout period paid on projected values.' },
        ),
        'From the period in progress at as-of to the one the goal period ends in.',
      ),
      people: objectOf<ProjectedPlanPayout['people']>(
        { base: count('Under the base.'), head: count('Under the head.') },
        { description: 'People paid: those on the plan at as-of.' },
      ),
      metrics: list(
        objectOf<ProjectedPayMetric>(
          {
            metric: oneOf(compMetrics, 'The comp metric.'),
            basis: oneOf(
              ['stage', 'kept', 'goal', 'constraint'],
              "`stage`: each person's observed value per arrival at the stage × its projected arrivals; `kept`: the observed rate per week (the projection does not move it); `goal`: goal attainment with the projected won revenue; `constraint`: the constraint stage's projected utilisation against its target.",
            ),
            stage: textOrNull('The stage that drives it; null for `kept` and `goal`.'),
            unknown: unknown('Why it cannot be projected; null when it is.'),
          },
          { description: 'How one metric the plan pays on is projected.' },
        ),
        'Every metric the plan pays on.',
      ),
      payout: {
        oneOf: [{ $ref: '#/$defs/plan-payout-change' }, { type: 'null' }],
        description: 'Base vs head by part with coded reasons; null when a metric cannot be projected.',
      },
      range: objectOf<ProjectedPlanPayout['range']>(
        {
          headLow: money('The head with every marginal conversion at its low bound.'),
          headHigh: money('The head with every marginal conversion at its high bound.'),
          deltaLow: money('headLow − base.'),
          deltaHigh: money('headHigh − base.'),
        },
        { description: "The head's total at the bounds of its marginal conversions; null when unknown." },
      ),
      unknown: unknown('The first reason a metric cannot be projected; null when the payout is known.'),
    },
    { description: 'One comp plan paid on projected values, base vs head.' },
  ),
  'projected-payouts': objectOf<ProjectedPayouts>(
    {
      plans: list(ref('projected-plan-payout', 'A plan.'), 'Every plan of either side, by name.'),
      totals: list(total, 'Per currency.'),
      unknown: {
        type: ['string', 'null'],
        enum: ['no-goal', 'no-flow', null],
        description: 'Why no plan was paid: no goal period left, or no flow; null when computed.',
      },
    },
    { description: "Comp plans paid on the projected volumes to the goal period's end." },
  ),
};
