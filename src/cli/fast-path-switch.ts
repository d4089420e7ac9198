import { Option } from 'commander';
import type { Command } from 'commander';
import { FAST_PATH_VARIABLE, isFastPath, readFastPathSwitch, setFastPath } from '../core/fast-path.js';

/**
 * The hidden `--slow-path` flag: turns every speed-only path off for this run, as
 * `REVOPS_FAST_PATH=0` does (see `core/fast-path.ts`). For checking that a result does not
 * depend on them; the output is the same either way.
 */
export function addFastPathSwitch(program: Command): void {
  program.addOption(new Option('--slow-path', 'run only the general paths (no speed-only twins)').hideHelp());
  program.hook('preAction', () => {
    if (program.opts<{ slowPath?: boolean }>().slowPath === true) setFastPath(false);
  });
}

/**
 * Runs a command with the fast path as `REVOPS_FAST_PATH` in `env` asks, when it is set (a
 * bad value is a UsageError), and gives the process back its setting afterwards.
 */
export async function withFastPathSwitch<T>(
  env: Readonly<Record<string, string | undefined>>,
  run: () => Promise<T>,
): Promise<T> {
  const value = env[FAST_PATH_VARIABLE];
  const previous = value === undefined ? isFastPath() : setFastPath(readFastPathSwitch(value));
  try {
    return await run();
  } finally {
    setFastPath(previous);
  }
}
