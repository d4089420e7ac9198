import type { ImpactSweepReport, SweepFigures, SweepRow, SweepRowIssue } from '../report/impact-sweep.js';
import type { JsonSchema } from './define.js';
import { SCHEMA_BASE_URI } from './define.js';
import { impactReportSchema } from './impact-report.js';
import { count, DRAFT, flag, list, numberOrNull, ref, text, textOrNull } from './report-builders.js';
import { objectOf } from './typed-object.js';

/** Shapes shared with the impact report, taken from its schema so the two cannot drift apart. */
const impact = impactReportSchema.properties as Record<string, JsonSchema>;
const subOf = (schema: JsonSchema | undefined, key: string): JsonSchema => {
  const sub = (schema?.properties as Record<string, JsonSchema> | undefined)?.[key];
  if (sub === undefined) throw new Error(`the impact report schema has no ${key}`);
  return sub;
};
const constraint = impact.constraint;
const projection = impact.projection;
const decimalText = (description: string): JsonSchema => ({
  type: 'string',
  pattern: '^-?[0-9]+(\\.[0-9]+)?$',
  maxLength: 40,
  description,
});

const issue = objectOf<SweepRowIssue>(
  {
    code: text('The issue code, as `revops validate` reports it.'),
    message: text('What is wrong.'),
    file: text('The policy file.'),
    path: text('JSON pointer into the document.'),
    line: count('Line, from 1 (0 when unknown).'),
    column: count('Column, from 1 (0 when unknown).'),
  },
  { description: 'An error the policy checks found with the head once this value was set.' },
);

const figures = objectOf<SweepFigures>(
  {
    entryPerWeek: ref('delta', 'Arrivals per week at the entry stage (`projection.stages[entry].demandPerWeek`).'),
    entryArrivals: ref('delta', 'Arrivals at the entry stage over the window (`mqlVolume`).'),
    constraint: objectOf<SweepFigures['constraint']>(
      {
        stage: subOf(constraint, 'stage'),
        isMoved: subOf(constraint, 'isMoved'),
        utilisation: subOf(constraint, 'utilisation'),
        crossesCapacity: subOf(constraint, 'crossesCapacity'),
      },
      { description: 'The constraint, as `impact` reports it.' },
    ),
    wonPerWeek: subOf(projection, 'wonPerWeek'),
    wonRevenue: subOf(projection, 'wonRevenue'),
    currency: subOf(projection, 'currency'),
    goalAttainment: subOf(subOf(projection, 'goalForecast'), 'attainment'),
    headcountCost: objectOf<SweepFigures['headcountCost']>(
      {
        total: subOf(projection, 'totalCost'),
        teams: count('Teams whose declared headcount changes (`projection.costs`).'),
      },
      { description: "Headcount cost of the capacity changes to the goal period's end." },
    ),
    slas: list(
      objectOf<SweepFigures['slas'][number]>(
        {
          name: text('Name of the HandoffSla policy.'),
          replayed: ref('delta', 'Compliance replayed on the data under each side.'),
          modelled: numberOrNull('Compliance the queue model projects for the head; null without a steady state.'),
          modelledChangePts: numberOrNull('modelled − base compliance, in percentage points.'),
        },
        { description: 'One SLA.' },
      ),
      'One per HandoffSla policy.',
    ),
    payout: list({ $ref: '#/$defs/money-delta' }, 'Total payout per currency.'),
    guardrails: list(
      objectOf<SweepFigures['guardrails'][number]>(
        {
          id: ref('identifier', 'Id of the guardrail in the base policies.'),
          crossings: list(ref('guardrail-crossing', 'One reason it is crossed.'), 'Why it is crossed.'),
        },
        { description: 'A crossed guardrail.' },
      ),
      'The base guardrails this value crosses.',
    ),
  },
  { isNullable: true, description: 'The figures of this value; null when the checks rejected it.' },
);

const row = objectOf<SweepRow>(
  {
    value: decimalText('The value, exact.'),
    isBase: flag("Whether it is the value the base's document holds."),
    isHead: flag("Whether it is the head's own value."),
    figures,
    issues: list(issue, 'The errors the policy checks found with this value; empty when valid.'),
  },
  { description: 'One value of the sweep.' },
);

type Sweep = ImpactSweepReport['sweep'];

/** The schema of the report `revops impact --sweep … --format json` writes. */
export const impactSweepReportSchema: JsonSchema = {
  $schema: DRAFT,
  $id: SCHEMA_BASE_URI + 'impact-sweep-report.schema.json',
  title: 'Impact sweep report',
  description:
    'One policy value swept over a range (`revops impact --sweep PATH=FROM..TO[:STEP] --format json`): per value, the figures `revops impact` reports for the head with that value, against the base.',
  ...objectOf<ImpactSweepReport>(
    {
      schemaVersion: { const: 1, description: "Version of the sweep report's shape." },
      kind: { const: 'impact-sweep', description: 'Always `impact-sweep`.' },
      base: impact.base as JsonSchema,
      head: impact.head as JsonSchema,
      stamp: impact.stamp as JsonSchema,
      sweep: objectOf<Sweep>(
        {
          policy: objectOf<Sweep['policy']>(
            { kind: text('Policy kind.'), name: text('`metadata.name`.'), file: text('The policy file.') },
            { description: "The head's document the path is in." },
          ),
          path: text('The path as given, e.g. `spec.classes[id=mql].minScore`.'),
          from: decimalText('FROM, exact.'),
          to: decimalText('TO, exact.'),
          step: decimalText('STEP, exact.'),
          baseValue: { ...decimalText("The base document's value there."), type: ['string', 'null'] },
          headValue: { ...decimalText("The head document's value there."), type: ['string', 'null'] },
          maxValues: count('The most values a sweep takes.'),
        },
        { description: 'What was swept.' },
      ),
      entryStage: objectOf<ImpactSweepReport['entryStage']>(
        { stage: textOrNull('Stage id.'), name: textOrNull('Its name in the funnel.') },
        { description: 'The stage lead classes qualify into, whose arrivals the rows count.' },
      ),
      rows: list(row, 'One per value, in order.'),
      data: impact.data as JsonSchema,
      warnings: impact.warnings as JsonSchema,
      isMasked: impact.isMasked as JsonSchema,
    },
    {},
  ),
  $defs: impactReportSchema.$defs,
};
