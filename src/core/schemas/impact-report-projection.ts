/** Shapes of the impact report's flow projection (`projection`), each tied to its TypeScript type. */
import type {
  HeadcountCost,
  MarginalConversion,
  ProjectedMoney,
  ProjectedStage,
  ProjectionSection,
  ProjectionUnknown,
} from '../report/projection.js';
import type { JsonSchema } from './define.js';
import { projectedPayoutDefs } from './impact-report-projection-payouts.js';
import {
  count,
  flag,
  list,
  nonNegative,
  number,
  nonNegativeOrNull,
  numberOrNull,
  oneOf,
  ref,
  share,
  shareOrNull,
  text,
  textOrNull,
} from './report-builders.js';
import { objectOf } from './typed-object.js';

// A record keyed by the union: a code added to the type without a place here fails to compile.
const unknownCodes: Record<ProjectionUnknown, true> = {
  'no-funnel': true,
  'no-goal': true,
  'period-over': true,
  'rates-unknown': true,
  'no-deal-amounts': true,
  'no-cost-per-head': true,
  'not-computed': true,
};

const unknown = (description: string): JsonSchema => ({
  type: ['string', 'null'],
  enum: [...Object.keys(unknownCodes), null],
  description,
});
const money = (description: string): JsonSchema => ref('money-or-null', description);
const currency: JsonSchema = {
  type: ['string', 'null'],
  pattern: '^[A-Z]{3}$',
  maxLength: 3,
  description: 'Currency of the amounts; null when neither the goal nor the deals give one.',
};
const capacityBasis = oneOf(['declared', 'observed', 'none'], 'Where the capacity comes from; `none`: unbounded.');

const projectedMoneyProperties = {
  base: money('Under the base policies; null when unknown (see `unknown`).'),
  head: money('Under the head policies; null when unknown.'),
  delta: money('head − base; null when either is null.'),
  headLow: money('The head with every marginal conversion at its low bound.'),
  headHigh: money('The head with every marginal conversion at its high bound.'),
  deltaLow: money('headLow − base.'),
  deltaHigh: money('headHigh − base.'),
  unknown: unknown('Why the amounts are null; null when known.'),
} satisfies Record<keyof ProjectedMoney, JsonSchema>;

const range = {
  headLow: numberOrNull('The head with every marginal conversion at its low bound, 4 dp.'),
  headHigh: numberOrNull('The head with every marginal conversion at its high bound, 4 dp.'),
};

const marginal = objectOf<MarginalConversion>(
  {
    basis: oneOf(
      ['history', 'score-band', 'declared', 'conservative'],
      '`history`: their own outcomes; `score-band`: matured scored leads (no hand-raisers) just above the score threshold the change lowers; `declared`: Funnel `projection.marginalConversion`; `conservative`: Wilson lower bound of a small sample.',
    ),
    worked: count('Marginal leads worked at the stage (left it by as-of).'),
    advanced: count('How many of them advanced.'),
    minimumSample: count('Worked leads needed before their own conversion is used.'),
    scoreBand: objectOf<NonNullable<MarginalConversion['scoreBand']>>(
      {
        from: number('Lowest score of the band: the threshold the change lowers (base minScore).'),
        to: number('The band ends below this score.'),
        addedFrom: number('The head minScore: the change adds scores [addedFrom, from).'),
        widths: count('How many widths of the added range the band spans (more than 1: widened to reach the sample).'),
        items: count('Band leads that entered the stage in the window.'),
        matured: count('Of those, the matured ones (entered at least the maturity lag before as-of).'),
        advanced: count('How many of them advanced.'),
      },
      {
        isNullable: true,
        description: 'The nearest score band above a lowered threshold; null when the change lowers none.',
      },
    ),
    rate: share('The conversion used.'),
    low: share('Low bound the range uses (Wilson 95 % for history; the declared value when declared).'),
    high: share('High bound the range uses.'),
  },
  { isNullable: true, description: "Marginal leads' conversion here; null where the head sends none through." },
);

/** Shapes `projection` refers to by `$ref`. */
export const impactProjectionDefs: Record<string, JsonSchema> = {
  ...projectedPayoutDefs,
  'projected-money': objectOf<ProjectedMoney>(projectedMoneyProperties, {
    description: 'An amount under base and head, with the range the marginal conversions give.',
  }),
  'projected-stage': objectOf<ProjectedStage>(
    {
      stage: text('Stage id.'),
      name: text('Its name in the funnel.'),
      demandPerWeek: ref('delta', 'Arrivals per week.'),
      arrivalsToPeriodEnd: ref('delta', "Arrivals projected to the goal period's end, 1 dp; null without a horizon."),
      capacityPerWeek: ref('delta', 'Capacity per week; null where the stage has none (unbounded).'),
      capacityBasis: objectOf<ProjectedStage['capacityBasis']>(
        { base: capacityBasis, head: capacityBasis },
        { description: "Where each side's capacity comes from." },
      ),
      throughputPerWeek: ref('delta', 'Exits per week.'),
      queueGrowthPerWeek: ref('delta', 'demand − throughput: work that queues every week.'),
      advancedPerWeek: ref('delta', 'Advances to the next stage per week.'),
      conversion: ref('delta', 'Conversion per worked item of the leads both sides qualify; null at the last stage.'),
      conversionBasis: {
        type: ['string', 'null'],
        enum: ['matured', 'window', null],
        description:
          '`matured`: the cohort that entered at least the maturity lag before as-of; `window`: next arrivals ÷ arrivals (no item left, or none matured); null at the last stage.',
      },
      maturity: objectOf<NonNullable<ProjectedStage['maturity']>>(
        {
          lagDays: nonNegative('Maturity lag in days, 4 dp: the quantile of time-in-stage of the items that left.'),
          quantile: share('The quantile the lag is read at.'),
          left: count('Items that left the stage in the window (the lag sample).'),
          items: count('Items that entered in the window.'),
          matured: count('Of those, entered at least the lag before as-of.'),
          advanced: count('Matured items that advanced by as-of.'),
        },
        { isNullable: true, description: 'The matured cohort (base); null where the basis is not `matured`.' },
      ),
      utilisation: objectOf<NonNullable<ProjectedStage['utilisation']>>(
        {
          window: nonNegative('Base utilisation over the window (the projection uses it), 4 dp.'),
          recent: nonNegative('Base utilisation over the last `recentWeeks` weeks, 4 dp.'),
          recentWeeks: count('Weeks before as-of the recent figure covers.'),
          threshold: nonNegative('A gap at least this large is material.'),
          isDifferent: flag('The two differ by at least `threshold`.'),
        },
        {
          isNullable: true,
          description:
            'Recent against window utilisation; null without a base capacity or a window under twice the recent weeks.',
        },
      ),
      marginal,
      undeliveredRevenuePerWeek: money("Won revenue per week the head's queue here does not deliver; null when none."),
    },
    { description: 'One stage of the steady-state flow, per week, base vs head.' },
  ),
  'headcount-cost': objectOf<HeadcountCost>(
    {
      team: text('Team id.'),
      headcount: ref('delta', 'Declared headcount per side; null where none is declared.'),
      costPerHead: ref('exact-or-null', "Yearly cost of one person (the base's); null when none is given."),
      costBasis: {
        type: ['string', 'null'],
        enum: ['declared', 'ote', null],
        description: "`declared`: Funnel `projection.costPerHead`; `ote`: the comp plan's OTE; null without a cost.",
      },
      perYear: money('Δheadcount × costPerHead; null without a cost.'),
      overHorizon: money('perYear × horizon weeks ÷ 52; null without a cost or a horizon.'),
      unknown: unknown('Why a cost is null; null when known.'),
    },
    { description: 'Headcount cost of a team whose declared capacity changes.' },
  ),
};

/** The `projection` property of the impact report. */
export const projectionSchema: JsonSchema = objectOf<ProjectionSection>(
  {
    entryStage: textOrNull('The stage the flow starts at (lead classes qualify into it); null without a funnel.'),
    windowWeeks: nonNegative('Weeks of data the rates come from, 4 dp.'),
    horizonWeeks: nonNegativeOrNull('Weeks left in the goal period, 4 dp; null without a goal.'),
    stages: list(ref('projected-stage', 'A stage.'), 'The stages the flow passes, in order, down to won.'),
    marginalLeads: objectOf<ProjectionSection['marginalLeads']>(
      { added: count('Leads only the head qualifies.'), removed: count('Leads only the base qualifies.') },
      { description: 'Leads qualified under one side only.' },
    ),
    wonPerWeek: objectOf<ProjectionSection['wonPerWeek']>(
      {
        base: numberOrNull('Under the base, 4 dp.'),
        head: numberOrNull('Under the head, 4 dp.'),
        delta: numberOrNull('head − base; null when either is null.'),
        ...range,
      },
      { description: 'Won deals per week the constrained system produces.' },
    ),
    dealSize: objectOf<ProjectionSection['dealSize']>(
      {
        amount: money('Won amount ÷ won deals carrying an amount; null when unknown.'),
        deals: count('Won deals carrying an amount.'),
        currency,
        median: money('Median won deal; null without the sample.'),
        min: money('Smallest won deal; null without the sample.'),
        max: money('Largest won deal; null without the sample.'),
        largestShare: shareOrNull("The largest deal's share of the won amount, 4 dp."),
        amountWithoutLargest: money('The average without the largest deal; null below 2 deals.'),
        isThin: flag('Fewer won deals than `thinBelow`: a thin sample.'),
        thinBelow: count('The sample size below which the average is flagged thin.'),
      },
      { description: 'The average won deal and the sample behind it.' },
    ),
    wonRevenue: ref('projected-money', 'Won revenue projected over the horizon.'),
    goalForecast: objectOf<ProjectionSection['goalForecast']>(
      {
        ...projectedMoneyProperties,
        target: money('The goal target; null without a goal.'),
        attainment: objectOf<ProjectionSection['goalForecast']['attainment']>(
          {
            base: numberOrNull('Under the base, 4 dp.'),
            head: numberOrNull('Under the head, 4 dp.'),
            delta: numberOrNull('head − base; null when either is null.'),
            ...range,
          },
          { description: 'Forecast ÷ target, 4 dp; null when unknown.' },
        ),
      },
      { description: 'Goal actual to as-of + projected won revenue, and its attainment.' },
    ),
    costs: list(ref('headcount-cost', 'A team.'), 'Teams whose declared headcount differs, by id.'),
    totalCost: money('Σ cost over the horizon; null when none changes or one is unknown.'),
    totalCostPerYear: money('The same per year.'),
    currency,
    payouts: ref('projected-payouts', "Comp plans paid on the projected volumes to the goal period's end."),
    minimumSample: count(
      'Worked marginal leads needed before their own conversion is used (the base Funnel’s `projection.minimumSample`, else 30).',
    ),
    unknown: unknown('Why the projection is empty; null when it was computed.'),
  },
  { description: 'The change carried through the constrained funnel to won deals, revenue, the goal and cost.' },
);
