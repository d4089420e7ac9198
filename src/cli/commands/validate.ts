import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { isFailing } from '../../core/issue.js';
import { loadPolicyDir } from '../../core/policy/load.js';
import { applyPolicyWaivers } from '../../core/waivers/policy-waivers.js';
import { dayOf } from '../../core/waivers/waiver-list.js';
import { checkModelines } from '../../core/policy/modeline.js';
import { listOutputFormats, renderOutput } from '../../reporters/registry.js';
import type { OutputFormat } from '../../reporters/registry.js';
import { describeCommand } from '../command-index.js';
import { readClock } from '../evaluation-options.js';
import type { CommandContext } from '../program.js';
import { cleanPath, formatOption, policiesOption, quietOption, takePositionalDir } from '../options.js';
import { isOutputColored, writeOutput } from '../write-output.js';

interface ValidateOptions {
  policies: string;
  format: OutputFormat<'validation'>;
  output?: string;
  quiet: boolean;
  failOn: 'error' | 'warning';
  summary: boolean;
  now?: string;
}

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description(describeCommand('validate'))
    // The old positional directory, hidden: --policies replaces it.
    .argument('[dir]')
    .usage('[options]')
    .addOption(policiesOption())
    .addOption(formatOption(listOutputFormats('validation'), 'terminal'))
    .option('-o, --output <file>', 'write the result to a file instead of stdout')
    .addOption(quietOption('print nothing when every policy is valid'))
    .addOption(
      new Option('--fail-on <severity>', 'lowest severity that fails (exit 1)')
        .choices(['error', 'warning'])
        .default('error'),
    )
    .option('--summary', 'also print an overview of the policies', false)
    .option('--now <instant>', "the run's clock, which waivers' expiry dates are judged on (default: the current time)")
    .addHelpText(
      'after',
      `
Examples:
  revops validate                       validate ./policies
  revops validate --policies policies --format github
                                        annotations on the pull request diff (in GitHub Actions)
  revops validate --format json -o validation.json
  revops validate --fail-on warning

Every problem in every file is reported at once, with file:line:column, what is wrong and how to fix it.
A finding a Waiver policy accepts is shown marked "waived" and fails nothing; an expired waiver is an error.
Exit codes: 0 valid, 1 problems at or above --fail-on, 2 usage or IO error.`,
    )
    .action(async (dirArg: string | undefined, options: ValidateOptions, command: Command) => {
      const { io } = ctx;
      const dir = cleanPath(
        takePositionalDir(io, command, dirArg, { name: '--policies', attribute: 'policies' }) ?? 'policies',
      );
      if (!(await io.exists(dir))) throw new UsageError(`Policy directory ${dir} does not exist.`);
      const today = dayOf(readClock(options));
      const loaded = await loadPolicyDir(dir, io);
      if (loaded.files.length === 0) throw new UsageError(`No policy files (*.yaml, *.yml) found in ${dir}.`);
      // Modeline findings first, so a waiver can accept them like any other finding.
      await checkModelines(loaded, io);
      const result = applyPolicyWaivers(loaded, { today, dir, expired: 'error' });
      const color = isOutputColored(io, options);
      const summary = options.summary ? { summary: { dir } } : {};
      if (!(options.quiet && result.issues.length === 0))
        await writeOutput(
          io,
          renderOutput('validation', options.format, result, { color, ...summary }),
          options,
          'result',
        );
      // A waived finding stays in the output, marked, but fails nothing.
      const failing = result.issues.some((i) => isFailing(i, options.failOn));
      ctx.setExitCode(failing ? 1 : 0);
    });
}
