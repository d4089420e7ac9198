import type { Command } from 'commander';
import { listUnmatchedDataWaivers, markDataWaivers } from '../../core/waivers/data-waivers.js';
import { dayOf } from '../../core/waivers/waiver-list.js';
import { maskReport } from '../../core/report/mask.js';
import { createMaskDigest } from '../mask-key.js';
import type { Report } from '../../core/report/index.js';
import { renderReport } from '../../reporters/report-formats.js';
import { listOutputFormats } from '../../reporters/registry.js';
import { createHashingIo } from '../hashing-io.js';
import { selectFieldsRead } from '../../core/engine/fields-read.js';
import { reportingTimeZone } from '../../core/engine/time-zone.js';
import { loadCommandData } from '../load-data.js';
import { describeOrigin } from '../project-config-apply.js';
import { loadValidPolicies } from '../load-policies.js';
import { addEvaluationOptions, readClock, toRunOptions } from '../evaluation-options.js';
import { isOutputColored, writeOutput } from '../write-output.js';
import type { EvaluationCliOptions } from '../evaluation-options.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';
import { evaluateLoaded } from '../run-evaluation.js';

interface EvaluateCommandOptions extends EvaluationCliOptions {
  policies: string;
}

export function registerEvaluate(program: Command, ctx: CommandContext): void {
  const command = program
    .command('evaluate')
    .description(describeCommand('evaluate'))
    .option('--policies <dir>', 'policy directory', 'policies')
    .addHelpText(
      'after',
      `
Examples:
  revops evaluate                                    the bundled example policies and data
  revops evaluate --as-of 2026-03-31 --period month
  revops evaluate --data exports/ --mapping hubspot --format markdown -o report.md
  revops evaluate --format json --mask > report.json
  revops evaluate --format html -o report.html      one self-contained page to open in a browser

The JSON report follows schemas/report.schema.json. Every figure's definition is in the
README's metric reference.

Exit codes: 0 evaluated, 2 usage error, invalid policies or unreadable data.`,
    )
    .action(async (options: EvaluateCommandOptions, command: Command) => {
      const { io } = ctx;
      const hashing = createHashingIo(io);
      const now = readClock(options);
      const loaded = await loadValidPolicies(io, options.policies, hashing.io, undefined, now);
      const { set } = loaded.result;
      // Checks --time-zone before the data is read in it.
      const { generatedAt, ...run } = toRunOptions(options, now, reportingTimeZone(set, options.timeZone));
      const data = await loadCommandData(io, {
        now,
        allowPartialData: options.allowPartialData,
        mask: options.mask,
        data: options.data,
        dataOrigin: describeOrigin(command, 'data', '--data'),
        policies: options.policies,
        quiet: options.quiet,
        set,
        hashing,
        keep: selectFieldsRead([set]),
        timeZone: reportingTimeZone(set, run.timeZone),
        ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
      });
      let report: Report = evaluateLoaded({ loaded, data, hashing, options, run, generatedAt }).report;
      // Data issues a waiver in force accepts stay listed, marked waived; a data waiver that
      // matches none is said, as `validate` says of its own.
      report = {
        ...report,
        data: markDataWaivers(report.data, set.Waiver, dayOf(now)),
        warnings: [...report.warnings, ...listUnmatchedDataWaivers(report.data, set.Waiver, dayOf(now))],
      };
      if (options.mask) report = maskReport(report, createMaskDigest(hashing, data.files));
      await writeOutput(
        io,
        renderReport(report, options.format, { color: isOutputColored(io, options) }),
        options,
        'report',
      );
    });
  addEvaluationOptions(
    command,
    'read the data through this FieldMapping policy (e.g. hubspot)',
    listOutputFormats('report'),
  );
}
