import { createNodeIo } from '../cli/node-io.js';
import type { ExitCode } from '../cli/program.js';
import { runCli } from '../cli/program.js';

/**
 * Runs one revops command in this process, through the CLI's own option parsing (so every
 * check and default of the command applies), with `env` added to the process environment
 * (a token goes there, never on a command line). Returns the command's exit code.
 */
export async function runRevops(argv: readonly string[], env: Record<string, string> = {}): Promise<ExitCode> {
  const io = createNodeIo();
  return runCli(argv, { ...io, env: { ...io.env, ...env } });
}
