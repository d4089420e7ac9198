import { engineWarningCodes } from '../report/warnings.js';
import { entityNames } from '../model/canonical.js';
import type { JsonSchema } from './define.js';
import {
  count,
  dataFormats,
  dataIssueCodes,
  dealStats,
  durationStats,
  flag,
  issue,
  list,
  MONEY,
  nonNegative,
  nonNegativeOrNull,
  numberOrNull,
  object,
  oneOf,
  ref,
  shareOrNull,
  text,
  textOrNull,
} from './report-builders.js';
import { reportSlaCompDefs } from './report-defs-sla-comp.js';
import { sharedDefs } from './shared.js';
import { waiverMarkSchema } from './waiver-mark.js';

/** Shapes the Report refers to by `$ref`. */
export const reportDefs: Record<string, JsonSchema> = {
  money: {
    type: 'string',
    pattern: MONEY,
    maxLength: 40,
    description:
      'An amount as an exact decimal string rounded to cents, half up: `"1250.50"`, `"-300.00"`. Never a float.',
  },
  'money-or-null': {
    type: ['string', 'null'],
    pattern: MONEY,
    maxLength: 40,
    description: 'An amount rounded to cents (`"1250.50"`), or null.',
  },
  'exact-or-null': {
    type: ['string', 'null'],
    pattern: '^-?[0-9]+(\\.[0-9]+)?$',
    maxLength: 100,
    description:
      'A figure as an exact decimal string, never rounded (40 significant digits): `"0.69997"`; null when unknown.',
  },
  instant: {
    type: 'string',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$',
    maxLength: 24,
    description: 'A moment, ISO 8601 in UTC with milliseconds: `2026-04-01T03:59:40.000Z`.',
  },
  date: { ...sharedDefs.date },
  'currency-code': { ...sharedDefs['currency-code'] },
  'engine-warning': {
    type: 'object',
    required: ['code'],
    properties: {
      code: {
        enum: [...engineWarningCodes],
        description: 'What happened; the other fields are its parameters (see `src/core/report/warnings.ts`).',
      },
      plan: { type: 'string', description: 'The comp plan, for a `comp.*` code.' },
    },
    additionalProperties: {
      type: ['string', 'number', 'array', 'null'],
      items: { type: 'string' },
      description: 'A parameter: a name, a count, a list of names, or null (e.g. a rule message left out by masking).',
    },
    description: 'A problem met while evaluating, as a code and its parameters; reporters phrase it.',
  },
  'period-label': {
    type: 'string',
    pattern: '^[0-9]{4}(-W[0-9]{2}|-[0-9]{2}|-Q[1-4])?$',
    maxLength: 8,
    description: 'A calendar period: an ISO week `2026-W03`, a month `2026-01`, a quarter `2026-Q1` or a year `2026`.',
  },
  issue: object(
    { ...issue, waiver: waiverMarkSchema },
    { optional: ['hint', 'waiver'], description: 'One problem found in a policy file.' },
  ),
  'data-issue': object(
    {
      ...issue,
      code: oneOf(Object.keys(dataIssueCodes), 'Stable code of the data problem.'),
      line: count('The physical line (1-based) where the row starts; for JSON, where the record starts.'),
      column: count(
        '1-based index of the CSV column; 0 for JSON keys, derived and constant fields, and problems of a whole row or file.',
      ),
      entity: oneOf(entityNames, 'The entity the file holds.'),
      field: text('Canonical field the problem concerns, when there is one.'),
      columnName: text('Header of the export column (or JSON key) the value came from.'),
      raw: text('The raw value as read, truncated to a readable length (left out of masked reports).'),
      record: { type: 'integer', minimum: 1, description: '1-based index of the record in a JSON or NDJSON file.' },
      waiver: waiverMarkSchema,
    },
    {
      optional: ['hint', 'field', 'columnName', 'raw', 'record', 'waiver'],
      description: 'A problem in a data file: like a policy issue, plus where in the data it is.',
    },
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
      fields: list(
        { type: 'string' },
        'Canonical fields the file supplies (all read and checked; an evaluation keeps in its rows those its policies and the engine read).',
      ),
      ignoredColumns: list(
        { type: 'string' },
        'Columns (or JSON keys) present in the file that no canonical field reads.',
      ),
      issueCount: count('Every issue found in the file, including any not kept because of the cap.'),
      distinctRows: count(
        "For an entity built from another entity's file (a mapping's `from`): the rows it made, one per distinct id.",
      ),
    },
    { description: 'What happened to one data file: rows read = evaluated + rejected.', optional: ['distinctRows'] },
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
      terminal: {
        type: ['string', 'null'],
        enum: ['won', 'lost', null],
        description: 'The end state a terminal stage records; null for other stages.',
      },
      next: textOrNull('The next stage conversion is measured to; null for terminal stages.'),
      arrivals: count('Items that entered the stage within the window.'),
      exits: count('Items that left the stage within the window.'),
      advanced: count('Exits into a later stage.'),
      dropped: count('Exits to a loss or disqualification.'),
      openAtAsOf: count('Items still in the stage at as-of (entered at any time).'),
      conversionCohort: shareOrNull('Of the arrivals within the window, the share that advanced by as-of.'),
      conversionPeriod: nonNegativeOrNull('Arrivals in the next stage ÷ arrivals in this stage, within the window.'),
      timeInStageHours: ref('duration-stats', 'Hours in stage of items that left it within the window.'),
      timeInStageWithOpenHours: ref(
        'duration-stats',
        'The same, with the items still in the stage counted at their age (a lower bound).',
      ),
      ageing: list(
        object({
          label: text('The age band, e.g. `7–30 days`.'),
          fromDays: count('Lower bound of the band in days (inclusive).'),
          toDays: {
            type: ['integer', 'null'],
            minimum: 0,
            description: 'Upper bound in days (exclusive); null for the last band.',
          },
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
      demandPerWeek: nonNegativeOrNull(
        'Arrivals per week over the window; null when the window is too short for a weekly rate.',
      ),
      capacityPerWeek: nonNegativeOrNull(
        'Work the stage can do per week: declared headcount × per-person capacity, or observed.',
      ),
      capacityBasis: oneOf(['declared', 'observed', 'none'], 'Where the capacity comes from.'),
      utilisation: nonNegativeOrNull('demand ÷ capacity; null without capacity.'),
      isOverCapacity: {
        type: ['boolean', 'null'],
        description: 'Whether demand exceeds capacity (utilisation above 1, compared exactly); null without capacity.',
      },
      peakWeekUtilisation: nonNegativeOrNull("Highest weekly arrivals ÷ capacity over the window's full weeks."),
      peakWeek: {
        type: ['string', 'null'],
        pattern: '^[0-9]{4}-W[0-9]{2}$',
        maxLength: 8,
        description: 'The ISO week of that peak; null without capacity.',
      },
      throughputPerWeek: nonNegativeOrNull(
        'Exits per week over the window; null when the window is too short for a weekly rate.',
      ),
      wipStart: count("Items in the stage at the window's start."),
      wipEnd: count("Items in the stage at the window's end."),
      queueGrowthPerWeek: numberOrNull(
        '(wipEnd − wipStart) per week; null when the window is too short for a weekly rate.',
      ),
      littlesLaw: object(
        {
          averageWip: nonNegative('Average items in the stage over the window.'),
          meanWeeksInStage: nonNegativeOrNull('Mean time in stage in weeks.'),
          expectedWip: nonNegativeOrNull('throughput × mean time in stage.'),
          ratio: nonNegativeOrNull('averageWip ÷ expectedWip.'),
          isFlagged: flag(
            'The gap is over `littlesLawTolerance`: the stage is not in a steady state, or items wait uncounted.',
          ),
        },
        { description: "Little's law: average WIP against throughput × mean time in stage." },
      ),
      isCandidate: flag('Whether the stage can be the constraint.'),
    },
    { description: 'Demand against capacity at one stage.' },
  ),
  ...reportSlaCompDefs,
};
