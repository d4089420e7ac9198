import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { loadPolicyDir } from '../../core/policy/load.js';
import { checkModelines } from '../../core/policy/modeline.js';
import { listOutputFormats, renderOutput } from '../../reporters/registry.js';
import type { OutputFormat } from '../../reporters/registry.js';
import { describeCommand } from '../command-index.js';
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
Exit codes: 0 valid, 1 problems at or above --fail-on, 2 usage or IO error.`,
    )
    .action(async (dirArg: string | undefined, options: ValidateOptions, command: Command) => {
      const { io } = ctx;
      const dir = cleanPath(
        takePositionalDir(io, command, dirArg, { name: '--policies', attribute: 'policies' }) ?? 'policies',
      );
      if (!(await io.exists(dir))) throw new UsageError(`Policy directory ${dir} does not exist.`);
      const result = await loadPolicyDir(dir, io);
      if (result.files.length === 0) throw new UsageError(`No policy files (*.yaml, *.yml) found in ${dir}.`);
      await checkModelines(result, io);
      const color = isOutputColored(io, options);
      const summary = options.summary ? { summary: { dir } } : {};
      if (!(options.quiet && result.issues.length === 0))
        await writeOutput(
          io,
          renderOutput('validation', options.format, result, { color, ...summary }),
          options,
          'result',
        );
      const failing = result.issues.some((i) => i.severity === 'error' || options.failOn === 'warning');
      ctx.setExitCode(failing ? 1 : 0);
    });
}
