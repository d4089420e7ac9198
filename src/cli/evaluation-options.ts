import type { Command } from 'commander';
import { Option } from 'commander';
import { DateTime, IANAZone } from 'luxon';
import { UsageError } from '../core/errors.js';
import type { EvaluateOptions } from '../core/engine/evaluate.js';
import type { ReportFormat } from '../reporters/report-formats.js';
import { parseAsOf } from './commands/explain.js';
import { formatOption } from './options.js';

/** The options of every command that evaluates policies on data (`evaluate`, `impact`). */
export interface EvaluationCliOptions {
  data: string;
  mapping?: string;
  asOf?: string;
  from?: string;
  period: 'week' | 'month';
  timeZone?: string;
  format: ReportFormat;
  output?: string;
  mask: boolean;
  timestamp: boolean;
  quiet: boolean;
  allowPartialData: boolean;
  now?: string;
}

/** Adds the options shared by the evaluating commands, after the command's own. */
export function addEvaluationOptions(
  command: Command,
  mappingHelp: string,
  formats: readonly string[] = ['terminal', 'markdown', 'json'],
): Command {
  const withCommon = command
    .option('--data <dir>', 'pipeline data directory', 'data')
    .option('--mapping <name>', mappingHelp)
    .option(
      '--as-of <date>',
      'evaluate as of this moment (ISO date or date-time; default: the latest timestamp in the data)',
    )
    .option('--from <date>', 'start of the window (default: the goal period start, else the earliest record)')
    .addOption(new Option('--period <unit>', 'funnel periods').choices(['week', 'month']).default('week'))
    .option('--time-zone <zone>', 'IANA zone periods begin in (default: the reporting Calendar, else UTC)')
    .addOption(formatOption(formats, 'terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option(
      '--mask',
      'replace identifiers with pseudonyms (the same in evaluate, impact and explain) and leave rejected values out of data issues',
      false,
    )
    .option('--timestamp', 'stamp the report with the wall-clock time (off: reports are reproducible)', false)
    .option('-q, --quiet', 'no progress bar while reading the data', false);
  return addDataSafetyOptions(withCommon);
}

/** `--allow-partial-data` and `--now`: every command that reads pipeline data has them. */
export function addDataSafetyOptions(command: Command): Command {
  return command
    .option(
      '--allow-partial-data',
      'evaluate even when a data file failed or an entity the policies need has no row (the report says what is missing first)',
      false,
    )
    .option(
      '--now <instant>',
      "the run's clock: rows dated more than a day after it are rejected (default: the current time)",
    );
}

/**
 * The run's clock in epoch ms: `--now` when given, else the machine's time. Read here, at
 * the edge: the core is given it.
 */
export function readClock(options: { now?: string | undefined }): number {
  if (options.now === undefined) return Date.now();
  const parsed = DateTime.fromISO(options.now, { zone: 'utc', setZone: true });
  if (!parsed.isValid)
    throw new UsageError(`--now ${options.now} is not an ISO 8601 date or date-time (e.g. 2026-03-31T17:00:00Z).`);
  return parsed.toMillis();
}

/**
 * The engine's run options from the command line (as-of, window start, periods, time zone, the
 * stamp of the run's clock `now`). A date or date-time without an offset in `--as-of`/`--from`
 * is read in `zone`, the reporting time zone, as dates in the data are.
 */
export function toRunOptions(
  options: EvaluationCliOptions,
  now: number,
  zone = 'utc',
): Pick<EvaluateOptions, 'asOf' | 'from' | 'periodUnit' | 'timeZone'> & { generatedAt?: string } {
  if (options.timeZone !== undefined && !IANAZone.isValidZone(options.timeZone))
    throw new UsageError(`--time-zone ${options.timeZone} is not an IANA time zone (e.g. America/New_York).`);
  return {
    ...(options.asOf === undefined ? {} : { asOf: parseAsOf(options.asOf, zone) }),
    ...(options.from === undefined ? {} : { from: parseAsOf(options.from, zone) }),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    periodUnit: options.period,
    ...(options.timestamp ? { generatedAt: new Date(now).toISOString() } : {}),
  };
}
