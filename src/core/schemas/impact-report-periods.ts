/** Shape of the impact report's per-period series (`periods`), tied to its TypeScript type. */
import type { ImpactPeriods, PeriodDelta } from '../report/impact-periods.js';
import type { JsonSchema } from './define.js';
import { list, numberOrNull, ref, text, textOrNull } from './report-builders.js';
import { objectOf } from './typed-object.js';

const series = (description: string): JsonSchema =>
  list(
    objectOf<PeriodDelta>(
      {
        period: ref('period-label', 'The period, e.g. the ISO week `2026-W03`.'),
        base: numberOrNull('Under the base; null when that side has no figure for the period.'),
        head: numberOrNull('Under the head; null when that side has no figure for the period.'),
        delta: numberOrNull('head − base; null when either is null.'),
      },
      { description: 'One period under each side.' },
    ),
    description,
  );

/** `periods`: optional, so reports written before it still read. */
export const impactPeriodsSection: JsonSchema = objectOf<ImpactPeriods>(
  {
    constraint: objectOf<ImpactPeriods['constraint']>(
      {
        stage: textOrNull("The stage charted: the head's constraint, else the base's."),
        periodUnit: {
          type: ['string', 'null'],
          enum: ['week', 'month', null],
          description: "The funnel's reporting period; null without a funnel.",
        },
        capacityPerWeek: ref('delta', 'Capacity per week on each side; null where the stage has none.'),
        arrivals: series('Arrivals at the stage per period, in order.'),
      },
      { description: 'Arrivals at the constraint per period against its weekly capacity.' },
    ),
    slas: list(
      objectOf<ImpactPeriods['slas'][number]>(
        {
          name: text('Name of the HandoffSla policy.'),
          compliance: series('Compliance by the ISO week the clock started, in order.'),
        },
        { description: "One SLA's compliance per week." },
      ),
      'Each SLA of either side, by name.',
    ),
  },
  { description: 'Per-period series under each side, for charts.' },
);
