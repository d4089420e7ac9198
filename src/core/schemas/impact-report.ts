import { cacImpactSection } from './report-cac.js';
import { attributionImpactSection } from './impact-report-attribution.js';
import { impactPeriodsSection } from './impact-report-periods.js';
import type { ImpactInputs, ImpactReport } from '../report/impact.js';
import type { JsonSchema } from './define.js';
import { SCHEMA_BASE_URI } from './define.js';
import { impactReportDefs, moneyDeltaProperties } from './impact-report-defs.js';
import { impactPayoutDefs } from './impact-report-payouts.js';
import { impactProjectionDefs, projectionSchema } from './impact-report-projection.js';
import { count, DRAFT, flag, list, oneOf, ref, text, textOrNull } from './report-builders.js';
import { reportSchema } from './report.js';
import { objectOf } from './typed-object.js';
import { leadingIndicatorSchema } from './impact-report-history.js';

/** Shapes shared with the evaluation Report, taken from its schema so the two cannot drift apart. */
const reportProperties = reportSchema.properties as Record<string, JsonSchema>;
const reportDefs = reportSchema.$defs as Record<string, JsonSchema>;

const side = (name: 'base' | 'head', isGate: boolean): JsonSchema =>
  objectOf<ImpactReport['base']>(
    {
      ref: text('The git ref, or the directory the policies were read from.'),
      sha: {
        type: ['string', 'null'],
        pattern: '^([0-9a-f]{40}|[0-9a-f]{64})$',
        maxLength: 64,
        description: 'The full commit SHA; null when the policies were read from a directory.',
      },
      policyHash: {
        type: 'string',
        pattern: '^[0-9a-f]{64}$',
        maxLength: 64,
        description: 'sha256 over the policy files.',
      },
    },
    { isClosedForReaders: isGate, description: `The ${name} policies.` },
  );

const inputs = objectOf<ImpactInputs>(
  {
    dataFrom: oneOf(
      ['base', 'head', 'worktree'],
      'Where the data was read: the base commit, the head commit or the working tree.',
    ),
    dataDir: text('The data directory.'),
    dataChanges: list({ $ref: '#/$defs/data-file-change' }, 'Data files that differ between base and head.'),
    mappingChanges: list(text('`kind name change`.'), 'FieldMapping policies added, removed, renamed or changed.'),
    isChanged: flag('Whether data or a mapping changed: the `data_changed` guardrail metric.'),
    note: textOrNull('Why the data was read where it was, when that is worth saying; null otherwise.'),
  },
  { description: 'Where the replayed data came from, and what the change does to the data and the mappings.' },
);

type Comp = ImpactReport['comp'];

const comp = objectOf<Comp>(
  {
    total: list({ $ref: '#/$defs/money-delta' }, 'Total payout per currency.'),
    byPlan: list(
      objectOf<Comp['byPlan'][number]>(
        { plan: text('Name of the CompPlan policy.'), ...moneyDeltaProperties },
        { description: 'A payout total of one plan.' },
      ),
      'Payout per plan and currency.',
    ),
    byTeam: list(
      objectOf<Comp['byTeam'][number]>(
        { team: text('Team id.'), ...moneyDeltaProperties },
        { description: 'A payout total of one team.' },
      ),
      'Payout per team and currency.',
    ),
    byPerson: list(
      objectOf<Comp['byPerson'][number]>(
        {
          plan: text('Name of the CompPlan policy.'),
          personId: text('User id (a pseudonym when masked).'),
          name: textOrNull('Display name; null when unknown or masked.'),
          ...moneyDeltaProperties,
        },
        { description: 'A payout total of one person under one plan.' },
      ),
      'Payout per person, plan and currency.',
    ),
    countedAsZero: objectOf<Comp['countedAsZero']>(
      { base: list(text('A comp metric.'), 'Under the base.'), head: list(text('A comp metric.'), 'Under the head.') },
      { description: 'Metrics each side could not know and counted as 0 in these payouts (sorted).' },
    ),
    plans: list(
      { $ref: '#/$defs/plan-payout-change' },
      'Each plan by component (and multipliers, SPIFs, clawbacks), with the coded reason of every change and the gates that failed on each side.',
    ),
  },
  { description: 'Payouts under base and head.' },
);

/** The schema of the report `revops impact --format json` writes and `revops check` reads. */
export const impactReportSchema: JsonSchema = {
  $schema: DRAFT,
  $id: SCHEMA_BASE_URI + 'impact-report.schema.json',
  title: 'Impact report',
  description:
    'What a policy change does (`revops impact --format json`): the base and the head policies evaluated on the same data, and the difference. `revops check` reads it to gate a merge. Readers (`revops check`, the library) refuse an unknown key only inside the objects marked closed for readers (`head`, `guardrails` and what they hold), and a prototype-like key anywhere; elsewhere they ignore keys a newer version adds.',
  ...objectOf<ImpactReport>(
    {
      schemaVersion: {
        const: 1,
        description: "Version of the impact report's shape; a change that breaks readers bumps it.",
      },
      kind: { const: 'impact', description: 'Always `impact`.' },
      base: side('base', false),
      head: side('head', true),
      stamp: objectOf<ImpactReport['stamp']>(
        {
          engine: { const: 'revops-policy', description: 'The engine that wrote the report.' },
          engineVersion: { type: 'string', minLength: 1, description: 'Its version.' },
          dataHash: {
            type: 'string',
            pattern: '^[0-9a-f]{64}$',
            maxLength: 64,
            description: 'sha256 over the data files.',
          },
          asOf: ref('instant', 'The as-of moment.'),
          asOfSource: oneOf(
            ['option', 'data'],
            '`option`: given with --as-of; `data`: the latest timestamp in the data.',
          ),
          generatedAt: ref('instant', 'Wall-clock time of the run; only when asked for.'),
        },
        { optional: { generatedAt: true }, description: 'Where the report came from, so anyone can reproduce it.' },
      ),
      inputs,
      hasChanges: flag('Whether any policy changed in meaning.'),
      policyChanges: list({ $ref: '#/$defs/policy-change' }, 'The semantic diff of the policies.'),
      classTransitions: objectOf<ImpactReport['classTransitions']>(
        {
          moved: count('Leads whose class differs.'),
          leads: count('Leads classed.'),
          transitions: list({ $ref: '#/$defs/class-transition' }, 'Moves from one class to another.'),
        },
        { description: 'Lead class transitions.' },
      ),
      stages: list({ $ref: '#/$defs/stage-impact' }, 'Every stage of either side.'),
      constraint: objectOf<ImpactReport['constraint']>(
        {
          stage: ref('delta-text', 'The constraint stage under each side (delta is always null).'),
          isMoved: flag('Whether the constraint stage differs.'),
          utilisation: ref('delta', 'Utilisation of the constraint stage.'),
          crossesCapacity: {
            type: ['string', 'null'],
            enum: ['over', 'under', null],
            description:
              '`over`: base demand within capacity, head above it; `under`: back within it; null when neither (or unknown).',
          },
          declared: ref('declared-sides', "The RevenueGoal's declared constraint under each side."),
        },
        { description: 'Whether the constraint moved.' },
      ),
      leadingIndicator: leadingIndicatorSchema,
      slas: list({ $ref: '#/$defs/sla-impact' }, 'One per HandoffSla policy.'),
      comp,
      goal: objectOf<NonNullable<ImpactReport['goal']>>(
        {
          forecast: ref('delta-money', 'Forecast of the goal metric.'),
          projectedAttainment: ref('delta', 'Projected attainment, 4 dp.'),
          projectedAttainmentExact: ref('delta-exact', 'The same, exact.'),
          currency: {
            type: ['string', 'null'],
            pattern: '^[A-Z]{3}$',
            maxLength: 3,
            description: 'Currency of the forecast.',
          },
        },
        { isNullable: true, description: 'The goal forecast; null without a RevenueGoal.' },
      ),
      mqlVolume: objectOf<ImpactReport['mqlVolume']>(
        {
          base: {
            type: ['integer', 'null'],
            minimum: 0,
            description: 'Arrivals under the base; null without the stage.',
          },
          head: {
            type: ['integer', 'null'],
            minimum: 0,
            description: 'Arrivals under the head; null without the stage.',
          },
          delta: { type: ['integer', 'null'], description: 'head − base; null when either is null.' },
          stage: textOrNull('The stage lead classes qualify into.'),
          stageName: textOrNull('Its name in the funnel.'),
        },
        { description: 'Lead volume: arrivals at the stage lead classes qualify into.' },
      ),
      projection: projectionSchema,
      guardrails: list(
        { $ref: '#/$defs/guardrail-result' },
        'Every guardrail of the base policies; `revops check` gates on them.',
      ),
      cac: cacImpactSection,
      attribution: attributionImpactSection,
      periods: impactPeriodsSection,
      data: reportProperties.data as JsonSchema,
      warnings: list({ $ref: '#/$defs/engine-warning' }, 'Problems met while evaluating either side, as codes.'),
      isMasked: flag('Whether identifiers of people and leads were replaced by pseudonyms.'),
    },
    { optional: { cac: true, attribution: true, periods: true } },
  ),
  $defs: sortedDefs({
    ...pickDefs(reportDefs, [
      'money',
      'money-or-null',
      'exact-or-null',
      'instant',
      'currency-code',
      'file-accounting',
      'data-issue',
      'engine-warning',
      'period-label',
    ]),
    ...impactReportDefs,
    ...impactPayoutDefs,
    ...impactProjectionDefs,
  }),
};

function pickDefs(defs: Record<string, JsonSchema>, names: readonly string[]): Record<string, JsonSchema> {
  return Object.fromEntries(
    names.map((name) => {
      const def = defs[name];
      if (def === undefined) throw new Error(`the Report schema has no $defs/${name}`);
      return [name, def];
    }),
  );
}

function sortedDefs(defs: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : 1)));
}
