import { Command, CommanderError } from 'commander';
import { RevopsError } from '../core/errors.js';
import { terminalLines } from '../reporters/sanitize.js';
import type { CliIo } from './cli-io.js';
import { registerCheck } from './commands/check.js';
import { registerComment } from './commands/comment.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerExplain } from './commands/explain.js';
import { registerFmt } from './commands/fmt.js';
import { registerImpact } from './commands/impact.js';
import { registerInit } from './commands/init.js';
import { registerSampleData } from './commands/sample-data.js';
import { registerTest } from './commands/test.js';
import { registerValidate } from './commands/validate.js';
import { addFastPathSwitch, withFastPathSwitch } from './fast-path-switch.js';
import { version } from './version.js';

/** Exit codes: 0 ok, 1 findings at or above the fail threshold, 2 usage, configuration or IO error. */
export type ExitCode = 0 | 1 | 2;

export interface CommandContext {
  io: CliIo;
  setExitCode(code: ExitCode): void;
}

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('revops');
  program
    .description('Revenue policy as code: validate, format and replay the policies of a revenue engine.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(terminalLines(s)),
      writeErr: (s) => ctx.io.stderr(terminalLines(s)),
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  revops init my-policies          scaffold a policy repository
  revops validate policies         check every policy file, with file:line:column
  revops fmt policies --check      list files that are not canonically formatted
  revops test --coverage           run the policy unit tests with clause coverage
  revops evaluate                  funnel, constraint, SLAs, comp and goal on the example data
  revops explain --lead L000123    why a lead has its class, rule by rule
  revops impact --base origin/main what a policy change does to the constraint, SLAs and pay
  revops sample-data --leads 5000 --seed 42 --out data
  revops comment --body-file pr.md post or update the one sticky impact comment on the PR
  revops check --impact pr.json    set the guardrail approval status on the PR head commit

Exit codes: 0 ok, 1 policy problems found, 2 usage or IO error.`,
    );
  addFastPathSwitch(program);
  registerValidate(program, ctx);
  registerFmt(program, ctx);
  registerInit(program, ctx);
  registerTest(program, ctx);
  registerEvaluate(program, ctx);
  registerExplain(program, ctx);
  registerImpact(program, ctx);
  registerSampleData(program, ctx);
  registerComment(program, ctx);
  registerCheck(program, ctx);
  return program;
}

/** Runs the CLI with the given arguments; returns the process exit code. Never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let exitCode: ExitCode = 0;
  const program = buildProgram({ io, setExitCode: (code) => (exitCode = code) });
  try {
    await withFastPathSwitch(io.env, () => program.parseAsync([...argv], { from: 'user' }));
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof RevopsError) {
      io.stderr(`revops: ${terminalLines(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  return exitCode;
}
