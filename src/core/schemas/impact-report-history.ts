import type { LeadingIndicator } from '../report/impact.js';
import type { JsonSchema } from './define.js';
import { count, list, object, text } from './report-builders.js';
import { objectOf } from './typed-object.js';

/** The impact's leading indicator: the base's constraint history beside the stages the change works on. */
export const leadingIndicatorSchema: JsonSchema = objectOf<LeadingIndicator>(
  {
    constraint: object(
      {
        stage: text('The constraint of the latest measured month (base policies).'),
        periods: count('Measured months in a row it has held.'),
        since: text('The first of them.'),
      },
      { isNullable: true, description: 'Where the constraint has been; null when no month names one.' },
    ),
    optimises: list(
      object({
        stage: text('Stage id.'),
        because: list({ type: 'string' }, 'The changes that name it: kind, policy name and path.'),
      }),
      'Stages whose definition, capacity or SLA the change touches, in funnel order.',
    ),
    isOnConstraint: {
      type: ['boolean', 'null'],
      description: 'Whether one of them is that constraint; null without one.',
    },
  },
  { description: 'The constraint was X for the last N months; this change optimises Y.' },
);
