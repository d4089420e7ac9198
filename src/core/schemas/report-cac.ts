import { count, list, MONEY, object, oneOf, textOrNull, text } from './report-builders.js';
import type { JsonSchema } from './define.js';

const money = (description: string): JsonSchema => ({
  type: 'string',
  pattern: '^[0-9]+\\.[0-9]{2}$',
  maxLength: 40,
  description,
});
const unknowns = ['no-spend', 'no-customers', 'mixed-currencies', 'sales-cost-unpriced'];

const figure = (description: string): JsonSchema =>
  object(
    {
      value: {
        type: ['string', 'null'],
        pattern: '^[0-9]+\\.[0-9]{2}$',
        maxLength: 40,
        description: 'The cost, to cents; null when unknown.',
      },
      unknown: { enum: [...unknowns, null], description: 'Why it is unknown; null when known.' },
    },
    { description },
  );

const period = (description: string): JsonSchema =>
  object(
    {
      label: text('Report period (`2026-01`, `2026-W03`), or `window`.'),
      spend: object(
        {
          marketing: money('Marketing spend allocated to the span.'),
          sales: money('Sales cost: its spend rows, else headcount × cost per head.'),
          total: money('Marketing + sales.'),
          paid: money('Spend that names a source (paid channels).'),
        },
        { description: 'Spend allocated to the span by days covered, to cents.' },
      ),
      salesCostBasis: oneOf(['spend', 'headcount', 'none', 'mixed'], 'Where the sales cost came from.'),
      customers: count('New customers won in the span.'),
      paidCustomers: count('Of them, those whose lead came from a paid source.'),
      cohortCustomers: count('New customers won by as-of whose lead arrived in the span.'),
      blended: figure('Blended CAC: all spend ÷ new customers.'),
      marketing: figure('Marketing spend ÷ new customers.'),
      sales: figure('Sales cost ÷ new customers.'),
      paid: figure('Paid CAC: paid-channel spend ÷ new customers from paid channels.'),
      cohort: figure("Cohort CAC: the span's spend ÷ new customers whose lead arrived in it."),
    },
    { description },
  );

const channel = object({
  source: text('Source (channel) the spend names.'),
  campaign: textOrNull('Campaign; null in the per-source list.'),
  spend: money('Its spend in the window.'),
  customers: count('New customers won in the window from it.'),
  cac: figure('Its spend ÷ its new customers.'),
});

/** The Report's `cac` section (see `report/cac.ts`). */
export const cacSection: JsonSchema = object(
  {
    currency: textOrNull("The spend's currency; null without spend or when it mixes currencies."),
    unknown: {
      enum: ['no-spend', 'mixed-currencies', null],
      description: 'Why nothing can be computed; null otherwise.',
    },
    currencies: list({ type: 'string' }, 'The currencies of the spend rows when they are more than one.'),
    rows: object(
      { read: count('Spend rows read.'), outsideWindow: count('Rows with no day in the window (not counted).') },
      { description: 'Spend rows.' },
    ),
    headcountCost: list(
      object({
        team: text('Sales team.'),
        headcount: count('Largest headcount declared at its stages.'),
        costPerHead: { type: 'string', description: 'Yearly cost of one person, exact.' },
        basis: oneOf(['declared', 'ote'], "Funnel `projection.costPerHead`, or the comp plan's OTE."),
      }),
      'Sales teams costed from headcount for periods without sales spend rows.',
    ),
    paidSources: list({ type: 'string' }, 'Sources that carry spend: their leads are the paid channels.'),
    periods: list(period('CAC of one report period.'), 'Per report period.'),
    window: period('CAC over the whole window.'),
    bySource: list(channel, 'Per source that carries spend, over the window.'),
    byCampaign: list(channel, 'Per source and campaign that carry spend, over the window.'),
  },
  {
    description:
      'Customer acquisition cost from the spend rows: per period (no lag and cohort), blended and paid, per source and campaign.',
  },
);

const sides = (description: string): JsonSchema =>
  object({ base: figure('Under the base.'), head: figure('Under the head.') }, { description });

/** The impact report's `cac` section (see `impact/cac-impact.ts`). */
export const cacImpactSection: JsonSchema = object(
  {
    currency: textOrNull("The spend's currency; null without spend or when it mixes currencies."),
    blended: sides('Blended CAC over the window.'),
    paid: sides('Paid CAC over the window.'),
    customers: object(
      { base: count('Under the base.'), head: count('Under the head.') },
      { description: 'New customers won in the window.' },
    ),
    customersDelta: { type: 'integer', description: 'Head minus base new customers.' },
    salesCost: object(
      { base: money('Under the base.'), head: money('Under the head.') },
      { description: "Sales cost over the window, heads priced at the base's cost per head." },
    ),
    changePct: {
      type: ['number', 'null'],
      description: "Blended CAC's change in % of the base, 2 dp; null when unknown.",
    },
    paidChangePct: {
      type: ['number', 'null'],
      description: "Paid CAC's change in % of the base, 2 dp; null when unknown.",
    },
    salesCostDelta: {
      type: 'string',
      pattern: MONEY,
      maxLength: 40,
      description: 'Head minus base sales cost over the window, exact (negative when the head costs less).',
    },
  },
  { description: "CAC under base and head, sales heads priced at the base's cost per head." },
);
