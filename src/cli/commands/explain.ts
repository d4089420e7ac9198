import type { Command } from 'commander';
import { DateTime, IANAZone } from 'luxon';
import { UsageError } from '../../core/errors.js';
import { explainNoTimestamp, findLatestTimestamp } from '../../core/engine/as-of.js';
import { explainLead } from '../../core/engine/explain.js';
import type { LeadExplanation } from '../../core/engine/explain.js';
import { RuleEvaluationError } from '../../core/logic/compile.js';
import { maskExplanation } from '../../core/report/mask-explain.js';
import { Pseudonyms } from '../../core/report/mask-pseudonyms.js';
import type { PseudonymDigest } from '../../core/report/mask-pseudonyms.js';
import type { Row } from '../../core/data/types.js';
import { listOutputFormats, renderOutput } from '../../reporters/registry.js';
import type { OutputFormat } from '../../reporters/registry.js';
import { createHashingIo } from '../hashing-io.js';
import { createMaskDigest } from '../mask-key.js';
import { addDataSafetyOptions, readClock } from '../evaluation-options.js';
import { reportingTimeZone } from '../../core/engine/time-zone.js';
import { loadCommandData } from '../load-data.js';
import { describeOrigin } from '../project-config-apply.js';
import { loadValidPolicies } from '../load-policies.js';
import { cleanPath, formatOption, policiesOption } from '../options.js';
import { isOutputColored, writeOutput } from '../write-output.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';

interface ExplainOptions {
  policies: string;
  data: string;
  lead: string;
  asOf?: string;
  timeZone?: string;
  mapping?: string;
  format: OutputFormat<'explanation'>;
  output?: string;
  quiet: boolean;
  mask: boolean;
  allowPartialData: boolean;
  now?: string;
}

/** The lead whose pseudonym (`lead-3f9a1c0b7d`, as `--mask` shows it) is `label`, if exactly one has it. */
function findByPseudonym(leads: readonly Row[], label: string, digest: PseudonymDigest): Row | undefined {
  const hex = /^lead-([0-9a-f]{10,64})$/.exec(label)?.[1];
  if (hex === undefined) return undefined;
  const found = leads.filter((row) => digest('lead', String(row.id)).startsWith(hex));
  if (found.length > 1)
    throw new UsageError(
      `More than one lead has the pseudonym ${label}; give the longer one another masked output shows.`,
    );
  return found[0];
}

/**
 * An ISO 8601 date or date-time; one without an offset (a date alone too: its first instant) is
 * read in `zone`, the reporting time zone.
 */
export function parseAsOf(value: string, zone = 'utc'): number {
  const parsed = DateTime.fromISO(value, { zone, setZone: true });
  if (!parsed.isValid)
    throw new UsageError(
      `--as-of ${value} is not an ISO 8601 date or date-time (e.g. 2026-03-31 or 2026-03-31T17:00:00Z).`,
    );
  return parsed.toMillis();
}

export function registerExplain(program: Command, ctx: CommandContext): void {
  const command = program
    .command('explain')
    .description(describeCommand('explain'))
    .requiredOption('--lead <id>', 'id of the lead to explain')
    .addOption(policiesOption())
    .option('--data <dir>', 'pipeline data directory', 'data')
    .option('--as-of <date>', 'evaluate as of this moment (default: the latest timestamp in the data)')
    .option('--mapping <name>', 'read the data through this FieldMapping policy (e.g. hubspot)')
    .option(
      '--time-zone <zone>',
      'IANA zone dates without a time are read in (default: the first Calendar policy, else UTC)',
    )
    .addOption(formatOption(listOutputFormats('explanation'), 'terminal'))
    .option('-o, --output <file>', 'write the explanation to a file instead of stdout')
    .option('-q, --quiet', 'no progress bar while reading the data', false)
    .option(
      '--mask',
      "show the lead's pseudonym and mask identifying values (ids, e-mail, company); --lead takes the real id or the pseudonym",
      false,
    )
    .addHelpText(
      'after',
      `
Examples:
  revops explain --lead L000123
  revops explain --policies policies --data exports/ --mapping hubspot --lead 12345
  revops explain --lead L000123 --as-of 2026-03-31 --format json
  revops explain --lead L000123 --mask

Exit codes: 0 explained, 2 usage error, invalid policies, or no such lead.`,
    )
    .action(async (options: ExplainOptions, command: Command) => {
      const { io } = ctx;
      const loaded = await loadValidPolicies(io, options.policies);
      const { set } = loaded.result;
      const def = set.LeadDefinition[0];
      if (def === undefined) throw new UsageError(`There is no LeadDefinition in ${options.policies}.`);
      const dataDir = cleanPath(options.data);
      if (options.timeZone !== undefined && !IANAZone.isValidZone(options.timeZone))
        throw new UsageError(`--time-zone ${options.timeZone} is not an IANA time zone (e.g. America/New_York).`);
      const timeZone = reportingTimeZone(set, options.timeZone);
      // Explaining a lead needs the leads only.
      const needs = new Map([['leads' as const, 'explain reads the lead from them']]);
      const hashing = createHashingIo(io);
      const data = await loadCommandData(io, {
        data: dataDir,
        dataOrigin: describeOrigin(command, 'data', '--data'),
        policies: options.policies,
        quiet: options.quiet,
        set,
        hashing,
        needs,
        timeZone,
        now: readClock(options),
        allowPartialData: options.allowPartialData,
        mask: options.mask,
        ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
      });
      const digest = options.mask ? createMaskDigest(hashing, data.files) : undefined;
      const lead =
        data.leads.find((row) => row.id === options.lead) ??
        (digest === undefined ? undefined : findByPseudonym(data.leads, options.lead, digest));
      if (lead === undefined) {
        // Rejected rows are not kept, so their ids are unknown: say how many there were.
        const rejected = data.files.filter((f) => f.entity === 'leads').reduce((n, f) => n + f.rowsRejected, 0);
        throw new UsageError(
          `No lead with id ${options.lead} among the ${data.leads.length} leads read from ${dataDir}` +
            (rejected > 0
              ? `; ${rejected} lead rows were rejected and it may be one of them (revops evaluate lists every rejection with its line).`
              : '.'),
        );
      }
      const asOf = options.asOf !== undefined ? parseAsOf(options.asOf, timeZone) : findLatestTimestamp(data);
      if (asOf === undefined) throw new UsageError(explainNoTimestamp(data));
      let explained: LeadExplanation;
      try {
        explained = explainLead(def, lead, { asOf, calendars: loaded.calendars });
      } catch (error) {
        if (!(error instanceof RuleEvaluationError)) throw error;
        // The message names the clause and the kind of value, never the value; masked, the lead is its pseudonym.
        const label = digest === undefined ? String(lead.id) : new Pseudonyms('lead', digest).of(String(lead.id));
        throw new UsageError(
          `Lead ${label} cannot be explained: a rule of ${def.metadata.name} fails on its values at ${loaded.locate(def.file, error.path)}: ${error.message}`,
          { cause: error },
        );
      }
      const explanation = digest === undefined ? explained : maskExplanation(explained, digest);
      const output = { explanation, asOf: new Date(asOf).toISOString(), isMasked: digest !== undefined };
      const color = isOutputColored(io, options);
      const locate = (path: readonly (string | number)[]) => loaded.locate(def.file, path);
      await writeOutput(
        io,
        renderOutput('explanation', options.format, output, { color, locate }),
        options,
        'explanation',
      );
    });
  addDataSafetyOptions(command);
}
