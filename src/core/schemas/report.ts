import type { DataFormat, DataIssueCode } from '../data/types.js';
import type { Severity } from '../issue.js';
import { entityNames } from '../model/canonical.js';
import type { CompMetric } from '../report/comp.js';
import { REPORT_SCHEMA_VERSION } from '../report/index.js';
import { compMetrics } from './comp-plan.js';
import { SCHEMA_BASE_URI } from './define.js';
import type { JsonSchema } from './define.js';
import { policyKinds } from './kinds.js';
import { constraintMetrics, goalMetrics } from './revenue-goal.js';
import { sharedDefs } from './shared.js';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

// Records keyed by a union type: the compiler rejects a missing or unknown member, so these enums follow the types.
const severities: Record<Severity, true> = { error: true, warning: true };
const dataFormats: Record<DataFormat, true> = { csv: true, ndjson: true, json: true };
const dataIssueCodes: Record<DataIssueCode, true> = {
  'data.missing-required': true,
  'data.bad-number': true,
  'data.bad-boolean': true,
  'data.bad-date': true,
  'data.bad-datetime': true,
  'data.bad-value': true,
  'data.bad-encoding': true,
  'data.unmapped-value': true,
  'data.derive-failed': true,
  'data.ragged-row': true,
  'data.unterminated-quote': true,
  'data.bad-quote': true,
  'data.row-too-long': true,
  'data.bad-json': true,
  'data.not-an-object': true,
  'data.forbidden-key': true,
  'data.empty-file': true,
  'data.header-empty': true,
  'data.header-duplicate': true,
  'data.header-forbidden': true,
  'data.missing-column': true,
  'data.ambiguous-column': true,
  'data.bad-mapping': true,
  'data.unknown-format': true,
  'data.bad-json-shape': true,
  'data.entity-twice': true,
  'data.too-many-issues': true,
};

/** How the report writes the value and target of each comp metric: money to cents, counts whole, fractions to 4 dp. */
export const compMetricKinds: Readonly<Record<CompMetric, 'money' | 'count' | 'fraction'>> = {
  won_amount: 'money',
  sourced_won_amount: 'money',
  sourced_pipeline_amount: 'money',
  opportunities_created: 'count',
  sal_count: 'count',
  sql_count: 'count',
  meetings_held: 'count',
  goal_attainment: 'fraction',
  constraint_target_met: 'fraction',
};

type Props = Record<string, JsonSchema>;

/** An object with exactly these properties, all required except those named in `optional`. */
function object(properties: Props, options: { description?: string; optional?: readonly string[]; isNullable?: boolean } = {}): JsonSchema {
  const optional = options.optional ?? [];
  const required = Object.keys(properties).filter((name) => !optional.includes(name));
  return {
    type: options.isNullable === true ? ['object', 'null'] : 'object',
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(required.length === 0 ? {} : { required }),
    additionalProperties: false,
    properties,
  };
}

const ref = (def: string, description: string): JsonSchema => ({ $ref: `#/$defs/${def}`, description });
const list = (items: JsonSchema, description: string): JsonSchema => ({ type: 'array', description, items });
const text = (description: string): JsonSchema => ({ type: 'string', description });
const textOrNull = (description: string): JsonSchema => ({ type: ['string', 'null'], description });
const flag = (description: string): JsonSchema => ({ type: 'boolean', description });
const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
const number = (description: string): JsonSchema => ({ type: 'number', description });
const numberOrNull = (description: string): JsonSchema => ({ type: ['number', 'null'], description });
const nonNegative = (description: string): JsonSchema => ({ type: 'number', minimum: 0, description });
const nonNegativeOrNull = (description: string): JsonSchema => ({ type: ['number', 'null'], minimum: 0, description });
/** A share of a whole: 0 to 1. */
const share = (description: string): JsonSchema => ({ type: 'number', minimum: 0, maximum: 1, description });
const shareOrNull = (description: string): JsonSchema => ({ type: ['number', 'null'], minimum: 0, maximum: 1, description });
const oneOf = (values: readonly string[], description: string): JsonSchema => ({ enum: [...values], description });

const MONEY = '^-?[0-9]+\\.[0-9]{2}$';
const WHOLE = '^[0-9]+$';
const QUANTITY = '^-?[0-9]+(\\.[0-9]{1,4})?$';

const durationStats: Props = {
  count: count('How many durations.'),
  median: nonNegativeOrNull('Middle value (mean of the two middle ones for an even count); null when count is 0.'),
  p90: nonNegativeOrNull('Nearest rank: the value at rank ⌈0.9·n⌉ of the sorted values; null when count is 0.'),
};

const dealStats: Props = { ...durationStats, mean: nonNegativeOrNull('Mean of the durations; null when count is 0.') };

const issue: Props = {
  code: text('Stable machine-readable code, e.g. `yaml.duplicate-key` or `ref.stage-missing`.'),
  severity: oneOf(Object.keys(severities), 'Errors fail `validate`; warnings are reported but do not.'),
  message: text('What is wrong, in one sentence.'),
  hint: text('How to fix it, when there is something specific to say.'),
  file: text('File path as the user gave it (relative to the working directory when possible).'),
  path: text('JSON-pointer-like path to the value inside the document, e.g. `/spec/stages/2/owner`.'),
  line: count('1-based line; 0 when the problem concerns the whole file.'),
  column: count('1-based column; 0 when the problem concerns the whole file.'),
};

const slaCounts: Props = {
  eligible: count('Items whose clock started (from-event) inside the evaluated window.'),
  met: count('Stopped (to-event) at or before their deadline.'),
  breached: count('Stopped after their deadline; or not stopped and the deadline has passed at as-of; or recycled.'),
  pending: count('Not stopped, deadline still ahead at as-of, not recycled.'),
  untargeted: count("No target's `when` matched: no deadline applies."),
  invalidOrder: count('The to-event is earlier than the from-event: a data problem, counted apart, never as met.'),
  compliance: shareOrNull('met ÷ (met + breached); null when no item is decided.'),
};
const slaTargetCounts: Props = Object.fromEntries(Object.entries(slaCounts).filter(([name]) => name !== 'untargeted'));

const hoursSummary = object(
  {
    count: count('How many durations.'),
    medianHours: nonNegativeOrNull('Median in business hours; null when count is 0.'),
    p90Hours: nonNegativeOrNull('90th percentile (nearest rank) in business hours; null when count is 0.'),
  },
  { description: 'Count, median and p90 of business-hour durations (nearest rank; null when count is 0).' },
);

/** Value and target of a comp component as the metric's kind writes them. */
function componentValueRule(kind: 'money' | 'count' | 'fraction'): JsonSchema {
  const metrics = compMetrics.filter((m) => compMetricKinds[m] === kind);
  const rules: Record<typeof kind, { value: JsonSchema; target: JsonSchema }> = {
    money: {
      value: { $ref: '#/$defs/money', description: 'For a money metric: an amount in cents.' },
      target: { $ref: '#/$defs/money-or-null', description: 'For a money metric: an amount in cents, or null.' },
    },
    count: {
      value: { type: 'string', pattern: WHOLE, maxLength: 40, description: 'For a count: a whole number.' },
      target: { type: ['string', 'null'], pattern: QUANTITY, maxLength: 40, description: 'For a count: the prorated target (4 dp), or null.' },
    },
    fraction: {
      value: { type: 'string', pattern: QUANTITY, maxLength: 40, description: 'For a fraction: at most 4 dp.' },
      target: { type: 'null', description: 'A fraction has no target.' },
    },
  };
  return {
    if: { properties: { metric: { enum: metrics, description: `The ${kind} metrics.` } } },
    then: { properties: rules[kind] },
  };
}

const defs: Record<string, JsonSchema> = {
  money: {
    type: 'string',
    pattern: MONEY,
    maxLength: 40,
    description: 'An amount as an exact decimal string rounded to cents, half up: `"1250.50"`, `"-300.00"`. Never a float.',
  },
  'money-or-null': { type: ['string', 'null'], pattern: MONEY, maxLength: 40, description: 'An amount rounded to cents (`"1250.50"`), or null.' },
  instant: {
    type: 'string',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$',
    maxLength: 24,
    description: 'A moment, ISO 8601 in UTC with milliseconds: `2026-04-01T03:59:40.000Z`.',
  },
  date: { ...sharedDefs.date },
  'currency-code': { ...sharedDefs['currency-code'] },
  'period-label': {
    type: 'string',
    pattern: '^[0-9]{4}(-W[0-9]{2}|-[0-9]{2}|-Q[1-4])?$',
    maxLength: 8,
    description: 'A calendar period: an ISO week `2026-W03`, a month `2026-01`, a quarter `2026-Q1` or a year `2026`.',
  },
  issue: object(issue, { optional: ['hint'], description: 'One problem found in a policy file.' }),
  'data-issue': object(
    {
      ...issue,
      code: oneOf(Object.keys(dataIssueCodes), 'Stable code of the data problem.'),
      line: count('The physical line (1-based) where the row starts; for JSON, where the record starts.'),
      column: count('1-based index of the CSV column; 0 for JSON keys, derived and constant fields, and problems of a whole row or file.'),
      entity: oneOf(entityNames, 'The entity the file holds.'),
      field: text('Canonical field the problem concerns, when there is one.'),
      columnName: text('Header of the export column (or JSON key) the value came from.'),
      raw: text('The raw value as read, truncated to a readable length (left out of masked reports).'),
      record: { type: 'integer', minimum: 1, description: '1-based index of the record in a JSON or NDJSON file.' },
    },
    { optional: ['hint', 'field', 'columnName', 'raw', 'record'], description: 'A problem in a data file: like a policy issue, plus where in the data it is.' },
  ),
  'file-accounting': object(
    {
      file: text('The data file.'),
      entity: oneOf(entityNames, 'The entity the file holds.'),
      format: oneOf(Object.keys(dataFormats), 'How the file was read.'),
      status: oneOf(['read', 'failed'], '`failed`: the file could not be read to its end, and its issues say why.'),
      rowsRead: count('Data rows found (blank lines are not rows; the CSV header is not a row).'),
      rowsEvaluated: count('Rows that passed every check and are in the result.'),
      rowsRejected: count('Rows left out, each with at least one issue.'),
      fields: list({ type: 'string' }, 'Canonical fields the rows of this file carry.'),
      ignoredColumns: list({ type: 'string' }, 'Columns (or JSON keys) present in the file that no canonical field reads.'),
      issueCount: count('Every issue found in the file, including any not kept because of the cap.'),
    },
    { description: 'What happened to one data file: rows read = evaluated + rejected.' },
  ),
  'duration-stats': object(durationStats, { description: 'Median and 90th percentile of a set of durations.' }),
  'deal-stats': object(dealStats, { description: 'Count, median, p90 and mean of deal durations in days.' }),
  'stage-period': object(
    {
      period: ref('period-label', 'The reporting period.'),
      arrivals: count('Items that entered the stage in the period.'),
      exits: count('Items that left the stage in the period.'),
      advanced: count('Exits into a later stage (not a loss or disqualification).'),
      wipAtEnd: count('Items in the stage at the end of the period (or at as-of for the last one).'),
      conversionCohort: shareOrNull("Of this period's arrivals, the share that advanced by as-of."),
      conversionPeriod: nonNegativeOrNull('Arrivals in the next stage ÷ arrivals in this stage, both in this period.'),
    },
    { description: 'One stage in one reporting period.' },
  ),
  'stage-report': object(
    {
      id: text('Stage id.'),
      name: text('Stage name.'),
      owner: text('Team that owns the stage.'),
      entity: oneOf(['lead', 'opportunity'], 'What moves through the stage.'),
      terminal: { type: ['string', 'null'], enum: ['won', 'lost', null], description: 'The end state a terminal stage records; null for other stages.' },
      next: textOrNull('The next stage conversion is measured to; null for terminal stages.'),
      arrivals: count('Items that entered the stage within the window.'),
      exits: count('Items that left the stage within the window.'),
      advanced: count('Exits into a later stage.'),
      dropped: count('Exits to a loss or disqualification.'),
      openAtAsOf: count('Items still in the stage at as-of (entered at any time).'),
      conversionCohort: shareOrNull('Of the arrivals within the window, the share that advanced by as-of.'),
      conversionPeriod: nonNegativeOrNull('Arrivals in the next stage ÷ arrivals in this stage, within the window.'),
      timeInStageHours: ref('duration-stats', 'Hours in stage of items that left it within the window.'),
      timeInStageWithOpenHours: ref('duration-stats', 'The same, with the items still in the stage counted at their age (a lower bound).'),
      ageing: list(
        object({
          label: text('The age band, e.g. `7–30 days`.'),
          fromDays: count('Lower bound of the band in days (inclusive).'),
          toDays: { type: ['integer', 'null'], minimum: 0, description: 'Upper bound in days (exclusive); null for the last band.' },
          count: count('Open items in the band.'),
        }),
        'Open items by age at as-of, in days.',
      ),
      periods: list({ $ref: '#/$defs/stage-period' }, 'The stage in each reporting period, in order.'),
    },
    { description: 'Funnel figures of one stage over the window.' },
  ),
  'stage-load': object(
    {
      stage: text('Stage id.'),
      demandPerWeek: nonNegative('Arrivals per week over the window.'),
      capacityPerWeek: nonNegativeOrNull('Work the stage can do per week: declared headcount × per-person capacity, or observed.'),
      capacityBasis: oneOf(['declared', 'observed', 'none'], 'Where the capacity comes from.'),
      utilisation: nonNegativeOrNull('demand ÷ capacity; null without capacity.'),
      peakWeekUtilisation: nonNegativeOrNull("Highest weekly arrivals ÷ capacity over the window's full weeks."),
      peakWeek: { type: ['string', 'null'], pattern: '^[0-9]{4}-W[0-9]{2}$', maxLength: 8, description: 'The ISO week of that peak; null without capacity.' },
      throughputPerWeek: nonNegative('Exits per week over the window.'),
      wipStart: count("Items in the stage at the window's start."),
      wipEnd: count("Items in the stage at the window's end."),
      queueGrowthPerWeek: number('(wipEnd − wipStart) per week.'),
      littlesLaw: object(
        {
          averageWip: nonNegative('Average items in the stage over the window.'),
          meanWeeksInStage: nonNegativeOrNull('Mean time in stage in weeks.'),
          expectedWip: nonNegativeOrNull('throughput × mean time in stage.'),
          ratio: nonNegativeOrNull('averageWip ÷ expectedWip.'),
          isFlagged: flag('The gap is over 20 %: the stage is not in a steady state, or items wait uncounted.'),
        },
        { description: "Little's law: average WIP against throughput × mean time in stage." },
      ),
      isCandidate: flag('Whether the stage can be the constraint.'),
    },
    { description: 'Demand against capacity at one stage.' },
  ),
  'hours-summary': hoursSummary,
  'sla-target': object(
    {
      id: text('Target id.'),
      within: text('The deadline as written, e.g. `4h`.'),
      withinHours: nonNegative('The deadline in business hours.'),
      ...slaTargetCounts,
    },
    { description: 'One target of the SLA, in policy order; its counts cover the items it applies to.' },
  ),
  'sla-escalation': object(
    {
      after: text('As written, e.g. `1d`.'),
      afterHours: nonNegative('The same in business hours.'),
      notify: text('Who is notified.'),
      reached: count('Items (not invalidOrder) whose wait reached `after`: to the to-event, or to as-of when still open.'),
    },
    { description: 'One escalation step and how many items waited long enough to reach it.' },
  ),
  'sla-owner': object(
    {
      ownerId: textOrNull('User id; null for the items that have no owner.'),
      name: textOrNull('Name from the users data; null when the owner (or the field) is not there.'),
      team: textOrNull('Team from the users data; null when the owner (or the field) is not there.'),
      ...slaCounts,
    },
    { description: 'The items of one owner (the lead or opportunity owner).' },
  ),
  'sla-team': object(
    { team: textOrNull('Team; null holds items with no owner, an owner not in the users data, or an owner without a team.'), ...slaCounts },
    { description: 'The items whose owner is on one team.' },
  ),
  'sla-period': object(
    { label: ref('period-label', 'The period, e.g. the ISO week `2026-W03`.'), ...slaCounts },
    { description: 'The items whose clock started in one period.' },
  ),
  'sla-result': object(
    {
      name: text('HandoffSla policy name.'),
      file: text('HandoffSla policy file.'),
      from: text('The event that starts the clock.'),
      to: text('The event that stops the clock.'),
      calendar: text('Calendar policy name.'),
      workingDayHours: nonNegative('Length of the calendar working day in hours (what `1d` means).'),
      ownerTeam: textOrNull('Team accountable for the SLA (`spec.owner`), or null.'),
      ...slaCounts,
      response: ref('hours-summary', 'Business hours from the from-event to the to-event, for eligible items that have both (not invalidOrder).'),
      openAge: ref('hours-summary', 'Business hours from the from-event to as-of, for eligible items still open.'),
      targets: list({ $ref: '#/$defs/sla-target' }, 'The targets, in policy order.'),
      escalations: list({ $ref: '#/$defs/sla-escalation' }, 'The escalation steps, in policy order.'),
      recycled: count('Open items whose wait reached `recycle.after` (0 without a recycle rule); those with a target are counted as breached.'),
      byOwner: list({ $ref: '#/$defs/sla-owner' }, 'By owner id, ascending; the null group last.'),
      byTeam: list({ $ref: '#/$defs/sla-team' }, 'By team, ascending; the null group last.'),
      byWeek: list({ $ref: '#/$defs/sla-period' }, "By the ISO week (in the run's time zone) in which each item's clock started, in order."),
      ruleErrors: object(
        {
          count: count("Eligible items on which a target's `when` failed to evaluate."),
          example: object({ id: text('Id of the first such item.'), message: text('What failed.') }, { isNullable: true, description: 'The first one; null when none.' }),
        },
        { description: "Eligible items on which a target's `when` failed to evaluate: counted as untargeted; the first one as an example." },
      ),
    },
    { description: 'What one HandoffSla policy measured on the evaluated window. Hours are business hours of its calendar (2 dp), fractions 0–1 (4 dp).' },
  ),
  'comp-period': object(
    {
      label: ref('period-label', '`2026-01`, `2026-Q1` or `2026`.'),
      start: ref('instant', 'Start of the whole calendar period.'),
      end: ref('instant', 'End of the whole calendar period.'),
      covered: share('Share of the period inside the evaluated window (1 = all of it). Targets are not reduced for it.'),
    },
    { description: 'One payout period that had started by the as-of moment.' },
  ),
  'comp-component-line': {
    ...object(
      {
        id: text('Component id.'),
        metric: oneOf(compMetrics, 'What the component measures.'),
        value: {
          type: 'string',
          pattern: QUANTITY,
          maxLength: 40,
          description: 'The metric for the person in the period: cents for money, a whole number for counts, a fraction (4 dp) for goal_attainment and constraint_target_met.',
        },
        target: {
          type: ['string', 'null'],
          pattern: QUANTITY,
          maxLength: 40,
          description: 'Target for the period (the yearly target prorated to the period); null for metrics that are fractions already, or when there is none.',
        },
        attainment: numberOrNull('value ÷ target (or the value itself for fractions), rounded to 4 dp; null when there is no usable target.'),
        factor: number('Earning factor after tiers and cap, rounded to 4 dp: payout = period target variable × weight × factor.'),
        isUnknown: flag('Whether the value could not be known (no goal, constraint status unknown) and counted as 0.'),
        isGated: flag('Whether a gate that failed held this component back (payout 0).'),
        isCapped: flag('Whether the cap lowered the factor.'),
        payout: ref('money', 'What the component pays.'),
      },
      { description: 'One component of variable pay.' },
    ),
    allOf: (['money', 'count', 'fraction'] as const).map(componentValueRule),
  },
  'comp-person-period': object(
    {
      period: ref('period-label', 'The payout period.'),
      isActive: flag('false for a period in which the person was not on the plan but had a deal clawed back.'),
      components: list({ $ref: '#/$defs/comp-component-line' }, 'The components of variable pay.'),
      gates: list(
        object(
          {
            id: text('Gate id.'),
            metric: oneOf(compMetrics, "The gate's metric."),
            value: numberOrNull("Attainment of the gate's metric, rounded to 4 dp; null when it cannot be measured (the gate then fails)."),
            min: number('The gate passes when value ≥ min.'),
            isPassed: flag('Whether the gate passed.'),
            components: list({ type: 'string' }, 'Components the gate holds back.'),
          },
          { description: 'One gate: the components it holds back pay nothing when `value < min`.' },
        ),
        'The gates of the plan.',
      ),
      multipliers: list(
        object(
          {
            id: text('Multiplier id.'),
            metric: oneOf(compMetrics, "The multiplier's metric."),
            value: numberOrNull('Attainment of the whole team (sum of values ÷ sum of targets), rounded to 4 dp; null when it cannot be measured.'),
            min: number('The multiplier applies when value ≥ min.'),
            multiplier: number('The factor applied to component pay.'),
            isApplied: flag('Whether it applied.'),
          },
          { description: "One team multiplier: applies when the whole team's attainment is at least `min`." },
        ),
        'The team multipliers of the plan.',
      ),
      multiplier: number('Product of the multipliers applied (1 when none).'),
      componentPay: ref('money', 'Sum of the component payouts (after gates).'),
      variablePay: ref('money', 'componentPay × multiplier.'),
      spiffs: list(
        object(
          { id: text('SPIF id.'), opportunityId: text('The won opportunity.'), amount: ref('money', 'What the SPIF pays.') },
          { description: 'A SPIF paid for one won opportunity.' },
        ),
        'SPIFs paid in the period.',
      ),
      clawbacks: list(
        object(
          {
            id: text('Clawback rule id.'),
            opportunityId: text('The reversed opportunity.'),
            closedIn: ref('period-label', 'Period in which the deal closed and earned the commission now taken back.'),
            amount: ref('money', 'Negative.'),
          },
          { description: 'Commission taken back for a won opportunity reversed soon after its close.' },
        ),
        'Amounts are negative.',
      ),
      total: ref('money', 'variablePay + SPIFs + clawbacks; below zero only through clawbacks.'),
    },
    { description: 'What one person earned in one period.' },
  ),
  'comp-plan': object(
    {
      name: text('Policy name (`metadata.name`).'),
      file: text('Policy file.'),
      team: text('Team the plan is for.'),
      roles: list({ type: 'string' }, 'Roles the plan applies to.'),
      currency: ref('currency-code', 'Currency of every amount in the plan.'),
      periodUnit: oneOf(['month', 'quarter', 'year'], 'Payout period.'),
      isTeamCredit: flag(
        "Whether the plan's people own no leads, so that `sourced_won_amount` and `sourced_pipeline_amount` credit each of them with the whole team's inbound opportunities.",
      ),
      periods: list({ $ref: '#/$defs/comp-period' }, 'Payout periods that had started by as-of, in time order.'),
      people: list(
        object(
          {
            id: text('User id.'),
            name: textOrNull('Name from the users data, or null.'),
            team: textOrNull('Team from the users data, or null.'),
            periods: list({ $ref: '#/$defs/comp-person-period' }, 'Periods in which the person was on the plan, or had a clawback; in time order.'),
          },
          { description: 'A person on the plan in at least one period.' },
        ),
        'People on the plan, by id.',
      ),
      totals: object(
        {
          periods: list(
            object({ period: ref('period-label', 'The payout period.'), total: ref('money', "Sum of every person's total in the period.") }),
            "Sum of every person's total in each period, in the order of `periods`.",
          ),
          total: ref('money', 'The plan over the window.'),
        },
        { description: 'What the plan pays.' },
      ),
    },
    { description: 'One comp plan over the evaluated window.' },
  ),
};

const sections: Props = {
  classification: object(
    {
      definition: text('Name of the LeadDefinition policy.'),
      leads: count('Leads classed (created by the as-of moment).'),
      classes: list(
        object({
          class: text('Lead class id.'),
          stage: textOrNull('Funnel stage the class qualifies for; null for none.'),
          count: count('Leads in the class.'),
          share: share('Share of the leads classed.'),
        }),
        'Leads per class.',
      ),
      byRule: list(
        object({
          reason: oneOf(['exclusion', 'hand-raiser', 'threshold', 'default'], 'What kind of rule decided.'),
          rule: textOrNull('Rule id; null for the default.'),
          count: count('Leads it decided.'),
        }),
        'Leads per deciding rule: exclusions, hand-raisers and thresholds by id.',
      ),
      modelledEntries: list(
        object({ stage: text('Stage id.'), count: count('Leads whose entry time is modelled.'), basis: text('What the entry time is taken from.') }),
        'Leads the policy puts in a stage the CRM never recorded; their entry time is modelled.',
      ),
      notQualified: list(
        object({ stage: text('Stage id.'), count: count('Leads recorded in the stage but not qualified for it.') }),
        'Leads the CRM recorded in a stage that this policy does not qualify them for.',
      ),
    },
    { isNullable: true, description: 'How each lead is classed by the lead definition; null without a Funnel and LeadDefinition.' },
  ),
  funnel: object(
    {
      funnel: text('Name of the Funnel policy.'),
      periodUnit: oneOf(['week', 'month'], 'Reporting period.'),
      periods: list({ $ref: '#/$defs/period-label' }, 'The reporting periods of the window, in order.'),
      stages: list({ $ref: '#/$defs/stage-report' }, 'Every stage, in funnel order.'),
    },
    { isNullable: true, description: 'Funnel figures per stage; null without a Funnel policy.' },
  ),
  constraint: object(
    {
      stages: list({ $ref: '#/$defs/stage-load' }, 'Load of every non-terminal stage.'),
      stage: textOrNull('The candidate stage with the highest utilisation; null when no stage has a capacity.'),
      runnerUp: textOrNull('The candidate stage with the next highest utilisation, or null.'),
      declared: object(
        {
          goal: text('Name of the RevenueGoal policy.'),
          stage: text('The stage it declares as the constraint.'),
          metric: oneOf(constraintMetrics, 'The metric watched there.'),
          target: object(
            { max: number('The metric should be at most this.'), min: number('The metric should be at least this.') },
            { optional: ['max', 'min'], description: 'The target as declared.' },
          ),
          value: numberOrNull('The metric measured at that stage over the window; null when it cannot be measured.'),
          isMet: { type: ['boolean', 'null'], description: 'Whether the value meets the target; null without a value.' },
        },
        { isNullable: true, description: 'What the RevenueGoal declares, and its metric measured at that stage.' },
      ),
      agrees: { type: ['boolean', 'null'], description: 'The data names the same stage as the policy; null without a declaration or a constraint.' },
    },
    { isNullable: true, description: 'Where the funnel is constrained, and whether the policy agrees; null without a Funnel policy.' },
  ),
  slas: list({ $ref: '#/$defs/sla-result' }, 'One result per HandoffSla policy, by name.'),
  comp: object(
    {
      moneyRounding: {
        const: 'cents-half-up',
        description:
          'How money is rounded: every line item (component payout, variable pay after multipliers, SPIF, clawback) to cents, half up; every total is the sum of the rounded line items below it, so each table adds up exactly.',
      },
      plans: list({ $ref: '#/$defs/comp-plan' }, 'Every plan, by name.'),
      totals: object(
        {
          byPlan: list(
            object({ plan: text('Plan name.'), team: text('Team.'), currency: ref('currency-code', 'Currency.'), total: ref('money', 'What the plan pays.') }),
            'Per plan.',
          ),
          byTeam: list(object({ team: text('Team.'), currency: ref('currency-code', 'Currency.'), total: ref('money', 'What the team is paid.') }), 'Per team and currency, ordered by team then currency.'),
          overall: list(object({ currency: ref('currency-code', 'Currency.'), total: ref('money', 'Everything paid in it.') }), 'Per currency, ordered by currency.'),
        },
        { description: 'Totals across plans, kept apart per currency: amounts in different currencies are never added.' },
      ),
      warnings: list({ type: 'string' }, 'Problems that did not stop the computation (a metric with no target, an unknown constraint, …).'),
    },
    {
      isNullable: true,
      description:
        'Compensation: what every plan pays each person per payout period, with the attainment, tiers, caps, gates, team multipliers, SPIFs and clawbacks behind it; null without a CompPlan policy.',
    },
  ),
  goal: object(
    {
      name: text('Name of the RevenueGoal policy.'),
      metric: oneOf(goalMetrics, 'What the goal counts.'),
      currency: ref('currency-code', 'Currency of the goal.'),
      period: object({ start: ref('date', 'First day.'), end: ref('date', 'Last day.') }, { description: 'The goal period, as declared.' }),
      target: ref('money', 'The goal target.'),
      actual: ref('money', "The metric from the period's start to as-of."),
      attainment: number('actual ÷ target, 4 dp.'),
      elapsed: share('Share of the goal period elapsed at as-of.'),
      pace: numberOrNull('attainment ÷ elapsed: above 1 is ahead of a straight line to the target; null before the period starts.'),
      velocity: object(
        {
          openOpportunities: count('Open opportunities at as-of.'),
          winRate: shareOrNull('won ÷ (won + lost); null when none closed.'),
          averageWonAmount: ref('money-or-null', 'The average won deal; null when none was won.'),
          cycleDays: nonNegativeOrNull('Mean days from creation to close of won deals; null when none was won.'),
          perDay: ref('money-or-null', '(open × win rate × average won) ÷ cycle days, per day.'),
        },
        { description: 'Pipeline velocity.' },
      ),
      forecast: object(
        {
          remainingDays: nonNegative('Days left in the goal period after as-of.'),
          projected: ref('money-or-null', 'actual + velocity × remaining days; null without a velocity.'),
          projectedAttainment: numberOrNull('projected ÷ target; null without a projection.'),
        },
        { description: 'Where the goal is heading.' },
      ),
    },
    { isNullable: true, description: 'The shared revenue goal: where it stands and where it is heading; null without a RevenueGoal policy.' },
  ),
  deals: object(
    {
      currency: textOrNull("The opportunities' currency; null when they mix currencies (amounts are then summed as given)."),
      total: count('Opportunities created by as-of.'),
      open: count('Open at as-of.'),
      won: count('Closed won by as-of.'),
      lost: count('Closed lost by as-of.'),
      winRate: shareOrNull('won ÷ (won + lost); null when none closed.'),
      wonAmount: ref('money', 'Sum of the won amounts.'),
      averageWonAmount: ref('money-or-null', 'The average won deal, rounded to cents, half up; null when none was won.'),
      cycleDays: object(
        { won: ref('deal-stats', 'Won deals.'), lost: ref('deal-stats', 'Lost deals.') },
        { description: 'Days from `created_at` to `closed_at`.' },
      ),
      openAgeDays: object({ ...dealStats, over90: count('Open deals older than 90 days.') }, { description: 'Age of the open deals in days at as-of.' }),
      byOwner: list(
        object({ ownerId: text('User id of the owner.'), won: count('Deals won.'), wonAmount: ref('money', 'Sum of their amounts.') }),
        'Won deals per owner, by amount (descending) then id.',
      ),
    },
    { description: 'Closed and open deals as of the run.' },
  ),
};

/** The schema of the Report that `revops evaluate --format json` writes. */
export const reportSchema: JsonSchema = {
  $schema: DRAFT,
  $id: SCHEMA_BASE_URI + 'report.schema.json',
  title: 'Evaluation report',
  description:
    'The result of one evaluation (`revops evaluate --format json`): the contract between the engine, the reporters and CI. Deterministic: the same policies and data give the same bytes (the wall-clock time only with --timestamp).',
  ...object({
    schemaVersion: { const: REPORT_SCHEMA_VERSION, description: "Version of the Report's shape; a change that breaks readers bumps it." },
    kind: { const: 'evaluation', description: 'Always `evaluation`.' },
    stamp: object(
      {
        engine: { const: 'revops-policy', description: 'The engine that wrote the report.' },
        engineVersion: { type: 'string', minLength: 1, description: 'Its version.' },
        policyHash: { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64, description: 'sha256 over the policy files (path and content, in path order).' },
        dataHash: { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64, description: 'sha256 over the data files (path and content, in path order).' },
        asOf: ref('instant', 'The as-of moment.'),
        asOfSource: oneOf(['option', 'data'], '`option`: given with --as-of; `data`: the latest timestamp in the data.'),
        generatedAt: ref('instant', 'Wall-clock time of the run; only when asked for (reports are deterministic otherwise).'),
      },
      { optional: ['generatedAt'], description: 'Where the report came from, so anyone can reproduce it.' },
    ),
    window: object(
      {
        start: ref('instant', 'Start of the window.'),
        end: ref('instant', 'End of the window: the as-of moment.'),
        weeks: nonNegative('Length of the window in weeks, 2 dp.'),
        timeZone: text('IANA time zone periods begin in.'),
        periodUnit: oneOf(['week', 'month'], 'Reporting period of the funnel.'),
      },
      { description: 'The evaluated window; it ends at as-of. Periods begin in `timeZone`.' },
    ),
    data: object(
      {
        files: list({ $ref: '#/$defs/file-accounting' }, 'What was read, per file.'),
        totals: object(
          {
            rowsRead: count('Rows read in every file.'),
            rowsEvaluated: count('Rows evaluated.'),
            rowsRejected: count('Rows rejected.'),
            issueCount: count('Issues found, including those not kept.'),
          },
          { description: 'The sums over the files.' },
        ),
        issues: list({ $ref: '#/$defs/data-issue' }, 'Rejections and file problems as found (capped per file; `issueCount` counts them all).'),
        absent: list(oneOf(entityNames, 'An entity.'), 'Entities the data has no file for.'),
        ignoredFiles: list({ type: 'string' }, 'Files in the data directory that hold no entity.'),
      },
      { description: 'What was read, per file: rows read = evaluated + rejected, with the rejections.' },
    ),
    policies: object(
      {
        files: list(
          object({ file: text('Policy file.'), kind: oneOf(policyKinds, 'Policy kind.'), name: text('Policy name (`metadata.name`).') }),
          'The policies evaluated, by file then name.',
        ),
        warnings: list({ $ref: '#/$defs/issue' }, 'Warnings found while validating the policies.'),
      },
      { description: 'The policies evaluated.' },
    ),
    warnings: list({ type: 'string' }, 'Problems met while evaluating that change no figure silently (e.g. rule errors on rows).'),
    ...sections,
    isMasked: flag('Whether identifiers of people and leads were replaced by pseudonyms.'),
  }),
  $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : 1))),
};
