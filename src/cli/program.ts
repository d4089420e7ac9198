import { Command } from 'commander';
import { terminalLines } from '../reporters/sanitize.js';
import type { CliIo } from './cli-io.js';
import { commandIndex, findRequestedCommand } from './command-index.js';
import { describeError, exitCodeFor } from './exit-codes.js';
import type { ExitCode } from './exit-codes.js';
import { addFastPathSwitch, withFastPathSwitch } from './fast-path-switch.js';
import { withConfigDefaults } from './project-config-hook.js';
import { version } from './version.js';

export type { ExitCode } from './exit-codes.js';

export interface CommandContext {
  io: CliIo;
  setExitCode(code: ExitCode): void;
}

/**
 * The program with the command `argv` runs fully defined and every other one listed by name
 * and description only; without `argv`, every command fully defined.
 */
export async function buildProgram(ctx: CommandContext, argv?: readonly string[]): Promise<Command> {
  const program = new Command('revops');
  program
    .description('Revenue policy as code: validate, format and replay the policies of a revenue engine.')
    .version(version, '-V, --version')
    .option('--debug', 'on an internal error, print where it happened (its stack)')
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
  revops init -o my-policies       scaffold a policy repository
  revops validate                  check every policy file, with file:line:column
  revops fmt --check               list files that are not canonically formatted
  revops test --coverage           run the policy unit tests with outcome coverage
  revops evaluate                  funnel, constraint, SLAs, comp and goal on the example data
  revops explain --lead L000123    why a lead has its class, rule by rule
  revops impact --base origin/main what a policy change does to the constraint, SLAs and pay
  revops sample-data --leads 5000 --seed 42 -o data
  revops comment --body-file pr.md post or update the one sticky impact comment on the PR
  revops check --impact pr.json    set the guardrail approval status on the PR head commit

Exit codes: 0 ok, 1 policy problems found, 2 usage, input or IO error,
3 GitHub refused a request or could not be reached.`,
    );
  addFastPathSwitch(program);
  // The listing reads the same whether a command is loaded or not.
  program.configureHelp({
    subcommandTerm: (command) => (command.name() === 'help' ? 'help [command]' : `${command.name()} [options]`),
  });
  const requested = argv === undefined ? undefined : findRequestedCommand(argv);
  for (const entry of commandIndex) {
    if (argv === undefined || entry === requested) {
      (await entry.load())(program, ctx);
      // Every command that has an option the project config sets reads it (see withConfigDefaults).
      const command = program.commands.find((c) => c.name() === entry.name);
      if (command !== undefined) withConfigDefaults(command, ctx.io);
    } else program.command(entry.name).description(entry.description);
  }
  return program;
}

/** Runs the CLI with the given arguments; returns the process exit code. Never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let exitCode: ExitCode = 0;
  const program = await buildProgram({ io, setExitCode: (code) => (exitCode = code) }, argv);
  try {
    await withFastPathSwitch(io.env, () => program.parseAsync([...argv], { from: 'user' }));
  } catch (error) {
    io.stderr(describeError(error, { isDebug: program.opts<{ debug?: boolean }>().debug === true }));
    return exitCodeFor(error);
  }
  return exitCode;
}
