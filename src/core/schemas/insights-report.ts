import type {
  AttributeInsight,
  ConversionFigures,
  GroupInsight,
  InsightsReport,
  StageInsight,
  Suggestion,
  SweepRange,
} from '../insights/types.js';
import type { JsonSchema } from './define.js';
import { SCHEMA_BASE_URI } from './define.js';
import { count, DRAFT, flag, list, number, oneOf, text, textOrNull } from './report-builders.js';
import { reportSchema } from './report.js';
import { objectOf } from './typed-object.js';

const reportProperties = reportSchema.properties as Record<string, JsonSchema>;
const reportDefs = reportSchema.$defs as Record<string, JsonSchema>;

const rate = (description: string): JsonSchema => ({ type: ['number', 'null'], minimum: 0, maximum: 1, description });

const figures: { [K in keyof ConversionFigures]-?: JsonSchema } = {
  entered: count('Items that entered the stage in the window.'),
  matured: count('Of those, the items that entered at least the maturity lag before as-of: the cohort.'),
  advanced: count('Matured items that advanced to the next stage by as-of.'),
  rate: rate('advanced ÷ matured, 4 dp; null when nothing matured.'),
  low: rate('Low end of the Wilson 95 % interval, 4 dp; null when nothing matured.'),
  high: rate('High end of the Wilson 95 % interval, 4 dp; null when nothing matured.'),
};

const conversion = objectOf<ConversionFigures>(figures, { description: 'A conversion on the matured cohort.' });

const group = objectOf<GroupInsight>(
  {
    ...figures,
    value: textOrNull(
      'The value as the data holds it (flags and numbers as text; a score band: its lowest score); null for an empty value and for `other`.',
    ),
    isOther: flag('The values past the cap, counted together (an item in several counts once).'),
    range: objectOf<NonNullable<GroupInsight['range']>>(
      { from: number('Lowest score of the band.'), to: number('The band holds scores below this.') },
      { isNullable: true, description: 'A score band: from ≤ score < to; null for other attributes.' },
    ),
    lift: { type: ['number', 'null'], minimum: 0, description: "rate ÷ the stage's rate, 4 dp; null when unknown." },
    signal: oneOf(
      ['above', 'below', 'within', 'small'],
      "`above`/`below`: the whole interval lies above/below the stage's rate; `small`: fewer matured items than the minimum sample (not ranked).",
    ),
    rank: {
      type: ['integer', 'null'],
      minimum: 1,
      description: '1 = highest lift among the ranked groups; null when not ranked.',
    },
  },
  { description: 'Conversion of one value of an attribute.' },
);

const attribute = objectOf<AttributeInsight>(
  {
    attribute: text('The field name, or the kind for derived attributes.'),
    kind: oneOf(
      ['field', 'score-band', 'scoring-rule', 'qualified-by'],
      '`field`: a lead or opportunity field; `score-band`: fit + engagement without decay, leads qualified by score; `scoring-rule`: the rules that gave points (a lead counts under each); `qualified-by`: `reason:rule` that decided the class.',
    ),
    isPersonal: flag('Whether the values identify people (pseudonyms under --mask).'),
    valueCount: count('Distinct values among the stage’s items.'),
    otherValueCount: count('Values summed into `other`.'),
    groups: list(group, 'The kept values (by matured items, or by band), then `other`.'),
  },
  { description: 'Conversion by the values of one attribute.' },
);

const stage = objectOf<StageInsight>(
  {
    stage: text('Stage id.'),
    name: text('Stage name.'),
    role: oneOf(['constraint', 'after-constraint'], 'The constraint, or the stage after it.'),
    next: text('The stage conversion is measured to.'),
    nextName: text('Its name.'),
    entity: oneOf(['lead', 'opportunity'], 'What passes through the stage.'),
    maturity: objectOf<StageInsight['maturity']>(
      {
        days: {
          type: ['number', 'null'],
          minimum: 0,
          description: 'The maturity lag in days (4 dp); null when no item left the stage (nothing is matured).',
        },
        left: count('Items that entered in the window and left by as-of: the sample of the lag.'),
        quantile: number('The quantile of their time in stage the lag is.'),
      },
      { description: 'How long before as-of an item must have entered to count.' },
    ),
    overall: conversion,
    attributes: list(
      attribute,
      "Derived attributes first, then fields in name order, then the owner's manager (`owner_id.manager_id`, from the users); fields with one value are left out.",
    ),
  },
  { description: 'Conversion from one stage to its next.' },
);

const sweep = objectOf<SweepRange>(
  {
    path: text('Path in the lead definition, as `revops impact --sweep` reads it.'),
    from: number('First value.'),
    to: number('Last value.'),
    step: number('Step.'),
  },
  { description: 'Values `revops impact --sweep PATH=FROM..TO:STEP` can try.' },
);

const common = {
  stage: text('The stage whose conversion is the evidence.'),
  definition: text('The LeadDefinition policy.'),
  evidence: group,
  overallRate: rate("The stage's rate, 4 dp."),
};

type Of<C extends Suggestion['code']> = Extract<Suggestion, { code: C }>;

const suggestion: JsonSchema = {
  description: 'A scoring change the data supports, as coded facts.',
  oneOf: [
    objectOf<Of<'raise-threshold' | 'lower-threshold'>>(
      {
        ...common,
        code: oneOf(['raise-threshold', 'lower-threshold'], 'Raise or lower a class minScore.'),
        class: text('The class whose minScore changes.'),
        from: number('Its minScore now.'),
        to: number('The value suggested.'),
        leadsMoved: count('Leads of the window the change moves into or out of the class.'),
        utilisation: { type: ['number', 'null'], minimum: 0, description: 'Utilisation of the constraint.' },
        sweep,
      },
      { description: 'A threshold change.' },
    ),
    objectOf<Of<'raise-points' | 'lower-points'>>(
      {
        ...common,
        code: oneOf(['raise-points', 'lower-points'], "Raise or lower a scoring rule's points."),
        category: oneOf(['fit', 'engagement'], 'The scoring category.'),
        rule: text('The scoring rule id.'),
        points: { type: ['number', 'null'], description: 'Its fixed points; null when computed by a rule.' },
        to: { type: ['number', 'null'], description: 'The points suggested; null when computed.' },
        sweep: { oneOf: [sweep, { type: 'null' }], description: 'Null when the points are computed.' },
      },
      { description: 'A points change.' },
    ),
    objectOf<Of<'add-rule'>>(
      {
        ...common,
        code: { const: 'add-rule', description: 'Add a scoring rule.' },
        attribute: text('A lead field no rule of the definition reads.'),
        value: text('The value that converts above the stage.'),
      },
      { description: 'A new scoring rule.' },
    ),
  ],
};

/** The JSON Schema of `revops insights --format json`. */
export const insightsReportSchema: JsonSchema = {
  $schema: DRAFT,
  $id: SCHEMA_BASE_URI + 'insights-report.schema.json',
  title: 'Insights report',
  description:
    'What converts at the constraint (`revops insights --format json`): conversion from the constraint stage and the stage after it to their next stages, on matured cohorts, by attribute value, with Wilson intervals and lift, and the scoring changes the data supports.',
  ...objectOf<InsightsReport>(
    {
      schemaVersion: { const: 1, description: "Version of the insights report's shape." },
      kind: { const: 'insights', description: 'Always `insights`.' },
      stamp: reportProperties.stamp as JsonSchema,
      window: objectOf<InsightsReport['window']>(
        {
          start: { $ref: '#/$defs/instant', description: "The window's start." },
          end: { $ref: '#/$defs/instant', description: 'Its end: as-of.' },
        },
        { description: 'Items that entered the stage in this window are counted.' },
      ),
      constraint: objectOf<InsightsReport['constraint']>(
        {
          stage: textOrNull('The stage looked at first; null without one.'),
          source: {
            enum: ['declared', 'measured', 'option', null],
            description: 'Declared by the RevenueGoal, the highest utilisation, or --stage.',
          },
          utilisation: { type: ['number', 'null'], minimum: 0, description: 'Its utilisation; null without capacity.' },
        },
        { description: 'The constraint stage and how it was chosen.' },
      ),
      definition: textOrNull('The LeadDefinition grouped by; null without one.'),
      minimumSample: count('Matured items a group needs to be ranked or suggested.'),
      maxGroups: count('Values kept per attribute.'),
      bandWidth: count('Score band width in points.'),
      stages: list(stage, 'The constraint stage, then the stage after it when it converts to a later one.'),
      suggestions: list(suggestion, 'Scoring changes to try.'),
      noSuggestion: {
        enum: ['no-lead-definition', 'not-a-lead-stage', 'no-clear-signal', null],
        description: 'Why there is no suggestion; null when there are some (or nothing was measured).',
      },
      unknown: {
        enum: ['no-funnel', 'no-constraint', 'no-next-stage', 'unknown-stage', null],
        description: 'Why no stage was measured; null when stages were.',
      },
      data: reportProperties.data as JsonSchema,
      warnings: list({ $ref: '#/$defs/engine-warning' }, 'Problems met while evaluating, as codes.'),
      isMasked: flag('Whether values that identify people were replaced by pseudonyms.'),
    },
    {},
  ),
  $defs: {},
};
insightsReportSchema.$defs = collectReportDefs(insightsReportSchema);

/** The Report's $defs this schema refers to, transitively, in name order. */
function collectReportDefs(root: JsonSchema): Record<string, JsonSchema> {
  const found: Record<string, JsonSchema> = {};
  const queue: unknown[] = [root];
  while (queue.length > 0) {
    const node = queue.pop();
    if (Array.isArray(node)) queue.push(...node);
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
          const name = value.slice('#/$defs/'.length);
          const def = reportDefs[name];
          if (def === undefined) throw new Error(`the Report schema has no $defs/${name}`);
          if (!(name in found)) queue.push((found[name] = def));
        } else if (key !== '$defs') queue.push(value);
      }
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => (a < b ? -1 : 1)));
}
