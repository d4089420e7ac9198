import type { Command } from 'commander';
import { Option } from 'commander';
import { DateTime, IANAZone } from 'luxon';
import { UsageError } from '../../core/errors.js';
import { EvaluationInputError, evaluatePipeline, prepareData } from '../../core/engine/evaluate.js';
import type { Policy } from '../../core/policy/types.js';
import { policyKinds } from '../../core/schemas/kinds.js';
import { maskReport } from '../../core/report/mask.js';
import type { Report } from '../../core/report/index.js';
import { renderReport } from '../../reporters/report-formats.js';
import type { ReportFormat } from '../../reporters/report-formats.js';
import { createHashingIo } from '../hashing-io.js';
import { loadCommandData } from '../load-data.js';
import { loadValidPolicies } from '../load-policies.js';
import { cleanPath, formatOption, isColorEnabled } from '../options.js';
import type { CommandContext } from '../program.js';
import { version } from '../version.js';
import { startStepProgress } from '../progress.js';
import { parseAsOf } from './explain.js';

interface EvaluateOptions {
  policies: string;
  data: string;
  asOf?: string;
  from?: string;
  period: 'week' | 'month';
  timeZone?: string;
  mapping?: string;
  format: ReportFormat;
  output?: string;
  mask: boolean;
  timestamp: boolean;
  quiet: boolean;
}

export function registerEvaluate(program: Command, ctx: CommandContext): void {
  program
    .command('evaluate')
    .description('Evaluate the policies against pipeline data: lead classes, funnel, constraint, SLAs, comp and the goal, as of one moment.')
    .option('--policies <dir>', 'policy directory', 'policies')
    .option('--data <dir>', 'pipeline data directory', 'examples/data')
    .option('--as-of <date>', 'evaluate as of this moment (ISO date or date-time; default: the latest timestamp in the data)')
    .option('--from <date>', 'start of the window (default: the goal period start, else the earliest record)')
    .addOption(new Option('--period <unit>', 'funnel periods').choices(['week', 'month']).default('week'))
    .option('--time-zone <zone>', 'IANA zone periods begin in (default: the first Calendar policy, else UTC)')
    .option('--mapping <name>', 'read the data through this FieldMapping policy (e.g. hubspot)')
    .addOption(formatOption(['terminal', 'markdown', 'json'], 'terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--mask', 'replace person and lead identifiers with stable pseudonyms', false)
    .option('--timestamp', 'stamp the report with the wall-clock time (off: reports are reproducible)', false)
    .option('-q, --quiet', 'no progress bar while reading the data', false)
    .addHelpText(
      'after',
      `
Examples:
  revops evaluate                                    the bundled example policies and data
  revops evaluate --as-of 2026-03-31 --period month
  revops evaluate --data exports/ --mapping hubspot --format markdown -o report.md
  revops evaluate --format json --mask > report.json

The JSON report follows schemas/report.schema.json. Every figure's definition is in the
README's metric reference.

Exit codes: 0 evaluated, 2 usage error, invalid policies or unreadable data.`,
    )
    .action(async (options: EvaluateOptions) => {
      const { io } = ctx;
      const hashing = createHashingIo(io);
      const loaded = await loadValidPolicies(io, options.policies, hashing.io);
      const { set } = loaded.result;
      const data = await loadCommandData(io, { data: options.data, quiet: options.quiet, set, fileIo: hashing.io, ...(options.mapping === undefined ? {} : { mapping: options.mapping }) });
      if (options.timeZone !== undefined && !IANAZone.isValidZone(options.timeZone)) throw new UsageError(`--time-zone ${options.timeZone} is not an IANA time zone (e.g. America/New_York).`);
      let report: Report;
      const progress = startStepProgress('evaluating', !options.quiet);
      try {
        report = evaluatePipeline(set, prepareData(data), {
          onStep: progress.onStep,
          ...(options.asOf === undefined ? {} : { asOf: parseAsOf(options.asOf) }),
          ...(options.from === undefined ? {} : { from: parseAsOf(options.from) }),
          ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
          periodUnit: options.period,
          calendars: loaded.calendars,
          stamp: {
            engineVersion: version,
            policyHash: hashing.digest(cleanPath(options.policies)),
            dataHash: hashing.digest(cleanPath(options.data)),
            ...(options.timestamp ? { generatedAt: DateTime.utc().toISO() ?? '' } : {}),
          },
        });
      } catch (error) {
        if (error instanceof EvaluationInputError) throw new UsageError(error.message);
        throw error;
      } finally {
        progress.stop();
      }
      report.policies = {
        files: policyKinds
          .flatMap((kind) => set[kind] as Policy[])
          .map((p) => ({ file: p.file, kind: p.kind, name: p.metadata.name }))
          .sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name)),
        warnings: loaded.result.issues.filter((i) => i.severity !== 'error'),
      };
      if (options.mask) report = maskReport(report);
      const text = renderReport(report, options.format, { color: options.output === undefined && isColorEnabled(io) });
      if (options.output === undefined) io.stdout(text);
      else {
        await io.writeFile(cleanPath(options.output), text);
        if (!options.quiet) io.stderr(`revops: wrote the ${options.format} report to ${cleanPath(options.output)}\n`);
      }
    });
}
