import { rename, rm, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { fieldNames } from '../../core/model/canonical.js';
import { loadPolicyDir } from '../../core/policy/load.js';
import { generateSampleData } from '../../core/sample/generate.js';
import type { SampleDataOptions } from '../../core/sample/options.js';
import { checkVolumeOptions, defaultDays, defaultStart } from '../../core/sample/options.js';
import type { SampleEntity } from '../../core/sample/rows.js';
import { sampleEntities } from '../../core/sample/rows.js';
import type { SampleStaffing } from '../../core/sample/staffing.js';
import { maxCapacityScale, readPolicyStaffing } from '../../core/sample/staffing.js';
import { addDeprecatedOption, cleanPath, formatOption, policiesOption, quietOption } from '../options.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';
import { startProgress } from '../progress.js';
import type { RowFileWriter, RowFormat } from '../row-file-writer.js';
import { openRowFile } from '../row-file-writer.js';
import { terminalText } from '../../reporters/sanitize.js';

interface SampleDataCliOptions {
  leads: string;
  seed: string;
  output: string;
  start: string;
  days: string;
  policies: string;
  opportunities: string;
  scaleCapacity: string;
  format: RowFormat;
  force: boolean;
  quiet: boolean;
}

/** Runs of this many leads or more show a progress bar (on a terminal). */
const progressFrom = 20_000;
/** Policy errors listed in the message before "and N more". */
const shownIssues = 3;

export function registerSampleData(program: Command, ctx: CommandContext): void {
  const command = program
    .command('sample-data')
    .description(describeCommand('sample-data'))
    .requiredOption('--leads <n>', 'number of leads created over the period')
    .requiredOption(
      '--seed <n>',
      'random seed, 0 to 4294967295: the same seed and options give the same files, byte for byte',
    )
    .requiredOption('-o, --output <dir>', 'directory for the files (created when missing)')
    .option('--start <date>', 'first day, YYYY-MM-DD, in America/New_York', defaultStart)
    .option(
      '--days <n>',
      'length of the period in days; the data is as of midnight after the last day',
      String(defaultDays),
    )
    .addOption(policiesOption('policy directory whose Funnel sizes the team and its weekly stage capacities'))
    .option(
      '--opportunities <n>',
      'at least this many opportunities: expansion and renewal deals with customers make up what the leads do not yield',
      '0',
    )
    .option(
      '--scale-capacity <x>',
      'multiply every stage capacity and team headcount of the Funnel by x (for large runs)',
      '1',
    )
    .addOption(formatOption(['csv', 'ndjson'], 'csv'))
    .option('--force', 'overwrite files of the same name in --output', false)
    .addOption(quietOption('print nothing when it succeeds: no progress bar, no summary'))
    .addHelpText(
      'after',
      `
Examples:
  revops sample-data --leads 5500 --seed 42 --start 2026-01-01 --days 90 --output examples/data
                                        the bundled demo: a quarter whose busy weeks pass the SDRs'
                                        first-touch capacity
  revops sample-data --leads 19500 --seed 1 --output /tmp/pipeline
                                        a busy year: the SDR queue binds in spring and in the Q4 push
  revops sample-data --leads 1000000 --opportunities 250000 --scale-capacity 50 --seed 7 \\
      -o /tmp/revops-bench --force   benchmark volume: 1M leads, 250k opportunities (most of
                                        them with customers), about 2.1M activities, 50x the team

The team comes from the Funnel policy in --policies: the weekly capacity of the stages entered
at a lead's mql_at (SDR first touches), sal_at (discovery meetings), sql_at (AE reviews) and an
opportunity's created_at (new deals), and as many SDRs and AEs as the teams owning the first-touch
and new-deal stages have people. Writes users, leads, opportunities, activities and marketing spend (.csv or
.ndjson), one file per entity, with the canonical field names. Times are UTC
(2026-03-04T14:05:00Z), amounts exact decimals.
Exit codes: 0 written; 2 bad option, missing or invalid policies, existing files without --force,
or a write error.`,
    )
    .action(async (options: SampleDataCliOptions) => {
      const started = performance.now();
      const parsed = parseOptions(options);
      const staffing = await readStaffing(ctx, cleanPath(options.policies), parsed.scale);
      const generation: SampleDataOptions = { ...parsed.generation, ...staffing };
      const out = cleanPath(options.output);
      const targets = await prepareTargets(ctx, out, options);
      const writers = new Map<SampleEntity, RowFileWriter>();
      for (const entity of sampleEntities)
        writers.set(entity, openRowFile(`${targets.get(entity)}.partial`, fieldNames(entity), options.format));
      const progress = startProgress({
        total: generation.leads,
        label: 'leads',
        enabled: !options.quiet && generation.leads >= progressFrom,
      });
      let customerDeals = 0;
      try {
        let leads = 0;
        for (const { entity, row } of generateSampleData(generation)) {
          const pending = writers.get(entity)?.write(row);
          if (pending !== undefined) await pending;
          if (entity === 'leads' && ++leads % 4096 === 0) progress.update(leads);
          else if (entity === 'opportunities' && row.lead_id === null) customerDeals++;
        }
        for (const writer of writers.values()) await writer.close();
        for (const target of targets.values()) await rename(`${target}.partial`, target);
      } catch (error) {
        for (const writer of writers.values()) await writer.abort();
        // Best effort: the original failure is the one to report.
        for (const target of targets.values()) await rm(`${target}.partial`, { force: true }).catch(() => undefined);
        throw error;
      } finally {
        progress.stop();
      }
      if (options.quiet) return;
      const count = (entity: SampleEntity) => `${(writers.get(entity)?.rows ?? 0).toLocaleString('en-US')} ${entity}`;
      const fromCustomers = customerDeals > 0 ? ` (${customerDeals.toLocaleString('en-US')} with customers)` : '';
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      ctx.io.stdout(
        `Wrote ${count('users')}, ${count('leads')}, ${count('opportunities')}${fromCustomers}, ${count('activities')} and ${count('spend')} rows to ${terminalText(out)}/ (${options.format}) in ${seconds} s.\n`,
      );
    });
  addDeprecatedOption(
    command,
    ctx.io,
    { flags: '--out <dir>', name: '--out' },
    { name: '-o/--output', attribute: 'output' },
  );
}

function parseOptions(options: SampleDataCliOptions): {
  generation: Omit<Required<SampleDataOptions>, 'capacity' | 'headcount'>;
  scale: number;
} {
  const whole = (name: string, raw: string): number => {
    if (!/^\d{1,16}$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got '${raw}'.`);
    return Number(raw);
  };
  const generation = {
    leads: whole('leads', options.leads),
    seed: whole('seed', options.seed),
    start: options.start,
    days: whole('days', options.days),
    opportunities: whole('opportunities', options.opportunities),
  };
  // The staffing comes from the policies, read once the options are known good.
  const problems = checkVolumeOptions(generation);
  const scale = Number(options.scaleCapacity);
  if (!/^\d{1,7}(\.\d{1,6})?$/.test(options.scaleCapacity) || !(scale > 0) || scale > maxCapacityScale) {
    problems.push(
      `scale-capacity must be a number above 0 and at most ${maxCapacityScale}, got '${options.scaleCapacity}'`,
    );
  }
  if (problems.length > 0) throw new UsageError(problems.map((p) => `--${p}.`).join(' '));
  return { generation, scale };
}

/** The team and capacities of the Funnel in `dir`; the policies there must be valid. */
async function readStaffing(ctx: CommandContext, dir: string, scale: number): Promise<SampleStaffing> {
  const sizes = 'the team sizes and stage capacities come from its Funnel policy';
  if (!(await ctx.io.exists(dir)))
    throw new UsageError(`Policy directory ${dir} does not exist (--policies); ${sizes}.`);
  const { files, issues, set } = await loadPolicyDir(dir, ctx.io);
  if (files.length === 0)
    throw new UsageError(`No policy files (*.yaml, *.yml) found in ${dir} (--policies); ${sizes}.`);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    const listed = errors
      .slice(0, shownIssues)
      .map((i) => `\n  ${i.file}${i.line > 0 ? `:${i.line}:${i.column}` : ''}: ${i.message}`);
    const more = errors.length > shownIssues ? `\n  … and ${errors.length - shownIssues} more` : '';
    throw new UsageError(`The policies in ${dir} are not valid (run revops validate ${dir}):${listed.join('')}${more}`);
  }
  const { staffing, problem } = readPolicyStaffing(set, scale);
  if (staffing === null) throw new UsageError(`Cannot size the sample team from ${dir}: ${problem}.`);
  return staffing;
}

/** The file for each entity; refuses to replace existing ones unless --force. */
async function prepareTargets(
  ctx: CommandContext,
  out: string,
  options: SampleDataCliOptions,
): Promise<Map<SampleEntity, string>> {
  if (await ctx.io.exists(out)) {
    if (!(await stat(out)).isDirectory()) throw new UsageError(`--output ${out} is a file; give a directory.`);
  } else {
    await ctx.io.mkdir(out);
  }
  const targets = new Map(sampleEntities.map((entity) => [entity, `${out}/${entity}.${options.format}`] as const));
  const existing: string[] = [];
  for (const target of targets.values()) if (await ctx.io.exists(target)) existing.push(target);
  if (existing.length > 0 && !options.force) {
    throw new UsageError(
      `${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'}; pass --force to overwrite.`,
    );
  }
  return targets;
}
