import { constraintMetrics } from './revenue-goal.js';
import {
  count,
  list,
  nonNegative,
  number,
  numberOrNull,
  object,
  oneOf,
  ref,
  shareOrNull,
  text,
  textOrNull,
} from './report-builders.js';
import type { Props } from './report-builders.js';
import type { JsonSchema } from './define.js';

const sourcedPart = (who: string): JsonSchema =>
  object(
    {
      deals: count('Deals.'),
      amount: ref('money-or-null', 'Σ amount; null when none of the deals carries one.'),
      dealShare: shareOrNull('Deals ÷ all deals of the basis and currency, 4 dp; null when there are none.'),
      amountShare: shareOrNull('Amount ÷ all amounts of the basis and currency, 4 dp; null when unknown or 0.'),
    },
    { description: who },
  );

const utilisationOrNull = (description: string): JsonSchema => ({ type: ['number', 'null'], minimum: 0, description });

/** The attribution and constraint-history sections of the Report. */
export const historySections: Props = {
  attribution: object(
    {
      deals: object(
        {
          pipeline: count('Opportunities created in the window.'),
          won: count('Opportunities won in the window.'),
          withoutLead: count('Of those, opportunities whose lead is not in the data.'),
          withoutAmount: count('Of those, opportunities without an amount.'),
        },
        { description: 'The opportunities attributed.' },
      ),
      activityTouches: count("Campaign touches (activities with a `campaign`) before their lead's opportunities."),
      multiTouchUnknown: {
        enum: ['no-campaign-touches', 'too-many-touches', null],
        description: 'Why last-touch and linear are not given; null when they are.',
      },
      tables: list(
        object({
          model: oneOf(['first-touch', 'last-touch', 'linear'], 'The attribution model.'),
          dimension: oneOf(['source', 'campaign'], 'What the credit is grouped by.'),
          rows: list(
            object({
              key: textOrNull('The source or campaign; null for none.'),
              currency: textOrNull("The opportunities' currency; null for none."),
              pipelineDeals: nonNegative('Opportunities created in the window, credited (4 dp).'),
              pipelineAmount: ref('money-or-null', 'Σ credited amount; null when none carries an amount.'),
              wonDeals: nonNegative('Opportunities won in the window, credited (4 dp).'),
              wonAmount: ref('money-or-null', 'Σ credited won amount; null when none carries an amount.'),
            }),
            'Credit per key and currency.',
          ),
        }),
        'One table per model and dimension.',
      ),
      sourcing: object(
        {
          sales: list({ type: 'string' }, 'Lead sources counted as sales-sourced.'),
          unattributed: list({ type: 'string' }, 'Source values that name no source (counted unattributed).'),
          basis: oneOf(['declared', 'default'], 'Declared in the Funnel (`sourcing`) or the default (`outbound`).'),
        },
        { description: 'How lead sources split into marketing- and sales-sourced.' },
      ),
      sourced: list(
        object({
          basis: oneOf(['pipeline', 'won'], 'Pipeline created or revenue won in the window.'),
          currency: textOrNull('Currency; null for deals without one.'),
          marketing: sourcedPart('Marketing-sourced: a set source not listed as sales.'),
          sales: sourcedPart('Sales-sourced: a source listed as sales.'),
          unattributed: sourcedPart('No source, or no lead in the data.'),
        }),
        'Marketing- vs sales-sourced share per basis and currency, by the lead source.',
      ),
    },
    {
      isNullable: true,
      description:
        'Pipeline and won revenue credited to lead sources and campaigns per attribution model; null without opportunities.',
    },
  ),
  constraintHistory: object(
    {
      periodUnit: oneOf(['month'], 'The history is by calendar month.'),
      periods: list(
        object({
          period: text('Period label, e.g. `2026-01`.'),
          start: ref('instant', 'Start of the period inside the window.'),
          end: ref('instant', 'End of the period inside the window.'),
          stages: list(
            object({
              stage: text('Stage id.'),
              utilisation: utilisationOrNull(
                'Arrivals per week ÷ weekly capacity over the period (4 dp); null when unknown.',
              ),
            }),
            'Every stage with a capacity, in funnel order.',
          ),
          constraint: textOrNull('The stage with the highest utilisation; null when none is measured.'),
          unknown: {
            enum: ['period-too-short', 'no-capacity', null],
            description: 'Why no constraint is named; null when one is.',
          },
          declared: object(
            {
              value: numberOrNull('The declared constraint metric over the period; null when unknown.'),
              isMet: { type: ['boolean', 'null'], description: 'Whether it meets its target; null without a value.' },
              agrees: {
                type: ['boolean', 'null'],
                description: "Whether the declared stage is the period's constraint; null when none is named.",
              },
            },
            { isNullable: true, description: 'The RevenueGoal over the period; null without one.' },
          ),
        }),
        'The months of the window, in order.',
      ),
      moves: list(
        object({
          from: text('The constraint before.'),
          to: text('The constraint after.'),
          before: object(
            {
              period: text('The last period with the old constraint.'),
              from: utilisationOrNull('Utilisation of the old constraint then.'),
              to: utilisationOrNull('Utilisation of the new constraint then.'),
            },
            { description: 'Evidence before the move.' },
          ),
          after: object(
            {
              period: text('The first period with the new constraint.'),
              from: utilisationOrNull('Utilisation of the old constraint then.'),
              to: utilisationOrNull('Utilisation of the new constraint then.'),
            },
            { description: 'Evidence after the move.' },
          ),
        }),
        'Each move between consecutive measured periods.',
      ),
      current: object(
        {
          stage: text('The constraint of the latest measured period.'),
          periods: count('Measured periods in a row it has held.'),
          since: text('The first of them.'),
        },
        {
          isNullable: true,
          description: 'The latest constraint and how long it has held; null when none is measured.',
        },
      ),
      declared: object(
        {
          goal: text('Name of the RevenueGoal policy.'),
          stage: text('The stage it declares.'),
          metric: oneOf(constraintMetrics, 'The metric watched there.'),
          target: object(
            { max: number('At most this.'), min: number('At least this.') },
            { optional: ['max', 'min'], description: 'The target as declared.' },
          ),
        },
        { isNullable: true, description: 'What the RevenueGoal declares; null without one.' },
      ),
      agreement: object(
        {
          agreed: count('Periods whose constraint is the declared stage.'),
          disagreed: count('Periods whose constraint is another stage.'),
          unknown: count('Periods without a constraint (with a declaration).'),
        },
        { description: 'Declared vs data, counted over the periods.' },
      ),
    },
    { isNullable: true, description: 'The constraint month by month; null without a Funnel policy.' },
  ),
};
