import { CommanderError } from 'commander';
import { RevopsError } from '../core/errors.js';
import type { RevopsErrorCode } from '../core/errors.js';
import { terminalLines } from '../reporters/sanitize.js';

/**
 * The exit codes of every command: 0 ok, 1 findings (problems at or above the fail threshold,
 * approvals missing), 2 usage, configuration, input or IO error, 3 GitHub refused a request or
 * could not be reached (nothing was written there; not a finding about the change).
 */
export type ExitCode = 0 | 1 | 2 | 3;

/** The one table from an error's code to the exit code; the compiler rejects a code left out. */
export const exitCodeByErrorCode: Readonly<Record<RevopsErrorCode, ExitCode>> = {
  usage: 2,
  config: 2,
  io: 2,
  input: 2,
  mapping: 2,
  'logic-compile': 2,
  'rule-evaluation': 2,
  internal: 2,
  'github-refused': 3,
  'github-unreachable': 3,
};

/** The exit code for a failed run: an unknown error is an internal one. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  return error instanceof RevopsError ? exitCodeByErrorCode[error.code] : exitCodeByErrorCode.internal;
}

/**
 * What a failed run prints on stderr (nothing for commander, which has printed its own).
 * A revops error is its message; anything else is a bug: "internal error" and the message,
 * with the stack only when asked (`--debug`). Every line is made safe for a terminal and a CI log.
 */
export function describeError(error: unknown, options: { isDebug: boolean }): string {
  if (error instanceof CommanderError) return '';
  if (error instanceof RevopsError && error.code !== 'internal') return `revops: ${terminalLines(error.message)}\n`;
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && options.isDebug ? error.stack : undefined;
  const detail = stack ?? `${message}\n(run with --debug for the stack)`;
  return `revops: internal error: ${terminalLines(detail)}\n`;
}
