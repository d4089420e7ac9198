import { entityNames } from '../model/canonical.js';
import { REPORT_SCHEMA_VERSION } from '../report/index.js';
import { SCHEMA_BASE_URI } from './define.js';
import type { JsonSchema } from './define.js';
import { policyKinds } from './kinds.js';
import { count, DRAFT, flag, list, nonNegative, object, oneOf, ref, text } from './report-builders.js';
import { reportDefs } from './report-defs.js';
import { reportSections } from './report-sections.js';
import { historySections } from './report-history.js';
import { cacSection } from './report-cac.js';

export { compMetricKinds } from './report-builders.js';

/** The schema of the Report that `revops evaluate --format json` writes. */
export const reportSchema: JsonSchema = {
  $schema: DRAFT,
  $id: SCHEMA_BASE_URI + 'report.schema.json',
  title: 'Evaluation report',
  description:
    'The result of one evaluation (`revops evaluate --format json`): the contract between the engine, the reporters and CI. Deterministic: the same policies and data give the same bytes (the wall-clock time only with --timestamp).',
  ...object(
    {
      schemaVersion: {
        const: REPORT_SCHEMA_VERSION,
        description: "Version of the Report's shape; a change that breaks readers bumps it.",
      },
      kind: { const: 'evaluation', description: 'Always `evaluation`.' },
      stamp: object(
        {
          engine: { const: 'revops-policy', description: 'The engine that wrote the report.' },
          engineVersion: { type: 'string', minLength: 1, description: 'Its version.' },
          policyHash: {
            type: 'string',
            pattern: '^[0-9a-f]{64}$',
            maxLength: 64,
            description: 'sha256 over the policy files (path and content, in path order).',
          },
          dataHash: {
            type: 'string',
            pattern: '^[0-9a-f]{64}$',
            maxLength: 64,
            description: 'sha256 over the data files (path and content, in path order).',
          },
          asOf: ref('instant', 'The as-of moment.'),
          asOfSource: oneOf(
            ['option', 'data'],
            '`option`: given with --as-of; `data`: the latest timestamp in the data.',
          ),
          generatedAt: ref(
            'instant',
            'Wall-clock time of the run; only when asked for (reports are deterministic otherwise).',
          ),
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
          issues: list(
            { $ref: '#/$defs/data-issue' },
            'Rejections and file problems as found (capped per file; `issueCount` counts them all).',
          ),
          absent: list(oneOf(entityNames, 'An entity.'), 'Entities the data has no file for.'),
          ignoredFiles: list({ type: 'string' }, 'Files in the data directory that hold no entity.'),
          missing: list(
            object({
              entity: oneOf(entityNames, 'The entity concerned.'),
              file: { type: ['string', 'null'], description: 'The file concerned; null when the entity has no file.' },
              reason: text('Why it is missing.'),
            }),
            'What a partial run (`--allow-partial-data`) lacks: failed files and entities the policies need without a row. Present only for a partial run.',
          ),
        },
        {
          description: 'What was read, per file: rows read = evaluated + rejected, with the rejections.',
          optional: ['missing'],
        },
      ),
      policies: object(
        {
          files: list(
            object({
              file: text('Policy file.'),
              kind: oneOf(policyKinds, 'Policy kind.'),
              name: text('Policy name (`metadata.name`).'),
            }),
            'The policies evaluated, by file then name.',
          ),
          warnings: list({ $ref: '#/$defs/issue' }, 'Warnings found while validating the policies.'),
        },
        { description: 'The policies evaluated.' },
      ),
      warnings: list(
        { $ref: '#/$defs/engine-warning' },
        'Problems met while evaluating that change no figure silently (e.g. rule errors on rows), as coded facts.',
      ),
      ...reportSections,
      ...historySections,
      cac: cacSection,
      isMasked: flag('Whether identifiers of people and leads were replaced by pseudonyms.'),
    },
    { optional: ['cac'] },
  ),
  $defs: Object.fromEntries(Object.entries(reportDefs).sort(([a], [b]) => (a < b ? -1 : 1))),
};
