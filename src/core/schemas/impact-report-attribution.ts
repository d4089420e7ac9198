import { count, numberOrNull, object, oneOf, ref, shareOrNull, textOrNull } from './report-builders.js';
import type { JsonSchema } from './define.js';

const bases = ['qualified-leads', 'all-opportunities'];
const unknown = {
  enum: ['no-amounts', null],
  description: 'Why a figure is null: no deal of that side carries an amount; null when all are known.',
};

const counts = (delta: string): JsonSchema =>
  object(
    {
      base: count('Under the base.'),
      head: count('Under the head.'),
      delta: { type: 'integer', description: 'head − base.' },
    },
    { description: delta },
  );

const amounts = (description: string): JsonSchema =>
  object(
    {
      base: ref('money-or-null', 'Under the base; null when none of its deals carries an amount.'),
      head: ref('money-or-null', 'Under the head; null as for the base.'),
      delta: ref('money-or-null', 'head − base, exact; null when either is null.'),
    },
    { description },
  );

const shares = (description: string): JsonSchema =>
  object(
    {
      base: shareOrNull('Share of the amount under the base, 4 dp; null when no amount is known or the total is 0.'),
      head: shareOrNull('Under the head, as for the base.'),
      delta: numberOrNull('head − base, 4 dp; null when either is null.'),
    },
    { description },
  );

const side = (which: string): JsonSchema =>
  object(
    {
      pipeline: count('Opportunities created in the window whose lead counts.'),
      won: count('Opportunities won in the window whose lead counts.'),
      notQualified: count("Opportunities of the window whose lead the side's lead definition does not qualify."),
      withoutLead: count('Counted opportunities whose lead is not in the data (only without a lead definition).'),
    },
    { description: which },
  );

/** The impact report's `attribution` section (see `impact/attribution-impact.ts`). */
export const attributionImpactSection: JsonSchema = object(
  {
    model: oneOf(['first-touch'], "The attribution model: all credit to the lead's own source."),
    basis: object(
      {
        base: oneOf(bases, 'What the base counts.'),
        head: oneOf(bases, 'What the head counts.'),
      },
      {
        description:
          '`qualified-leads`: opportunities whose lead the side’s lead definition qualifies into a funnel stage; `all-opportunities`: every opportunity (the side has no lead definition).',
      },
    ),
    counted: object(
      { base: side('Under the base.'), head: side('Under the head.') },
      { description: 'What each side counted.' },
    ),
    rows: {
      type: 'array',
      description: 'Lead sources whose figures differ, by currency, then by the largest change first.',
      items: object({
        source: textOrNull("The lead's own source; null for none."),
        currency: textOrNull("The opportunities' currency; null for none."),
        pipelineDeals: counts('Opportunities created in the window.'),
        pipelineAmount: amounts('Σ amount of those.'),
        wonDeals: counts('Opportunities won in the window.'),
        wonAmount: amounts('Σ amount of those.'),
        unknown,
      }),
    },
    unchanged: count('Source and currency pairs with the same figures on both sides (not listed).'),
    sourced: {
      type: 'array',
      description:
        "Marketing- vs sales-sourced share of the amount per basis and currency, by each side's Funnel sourcing.",
      items: object({
        basis: oneOf(['pipeline', 'won'], 'Pipeline created or revenue won in the window.'),
        currency: textOrNull('Currency; null for deals without one.'),
        marketing: shares('Marketing-sourced share.'),
        sales: shares('Sales-sourced share.'),
        unattributed: shares('Share with no source.'),
        unknown,
      }),
    },
  },
  {
    description:
      'First-touch pipeline and won revenue per lead source under base and head, each side counting the opportunities its own lead definition qualifies.',
  },
);
