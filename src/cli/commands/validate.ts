import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { loadPolicyDir } from '../../core/policy/load.js';
import { renderValidationGithub } from '../../reporters/validation-github.js';
import { renderValidationJson } from '../../reporters/validation-json.js';
import { renderValidationTerminal } from '../../reporters/validation-terminal.js';
import { renderPolicySummary } from '../../reporters/policy-summary.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';
import { cleanPath, formatOption, isColorEnabled } from '../options.js';

interface ValidateOptions {
  format: 'terminal' | 'json' | 'github';
  failOn: 'error' | 'warning';
  summary: boolean;
}

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description(describeCommand('validate'))
    .argument('[dir]', 'policy directory', 'policies')
    .addOption(formatOption(['terminal', 'json', 'github'], 'terminal'))
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
  revops validate policies --format github
                                        annotations on the pull request diff (in GitHub Actions)
  revops validate policies --format json > validation.json
  revops validate policies --fail-on warning

Every problem in every file is reported at once, with file:line:column, what is wrong and how to fix it.
Exit codes: 0 valid, 1 problems at or above --fail-on, 2 usage or IO error.`,
    )
    .action(async (dirArg: string, options: ValidateOptions) => {
      const { io } = ctx;
      const dir = cleanPath(dirArg);
      if (!(await io.exists(dir))) throw new UsageError(`Policy directory ${dir} does not exist.`);
      const result = await loadPolicyDir(dir, io);
      if (result.files.length === 0) throw new UsageError(`No policy files (*.yaml, *.yml) found in ${dir}.`);
      const color = isColorEnabled(io);
      if (options.format === 'json') io.stdout(renderValidationJson(result));
      else if (options.format === 'github') io.stdout(renderValidationGithub(result));
      else {
        io.stdout(renderValidationTerminal(result, { color }));
        if (options.summary) io.stdout(renderPolicySummary(result.set, { color, dir }));
      }
      const failing = result.issues.some((i) => i.severity === 'error' || options.failOn === 'warning');
      ctx.setExitCode(failing ? 1 : 0);
    });
}
