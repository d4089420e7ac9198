import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { terminalText } from '../reporters/sanitize.js';
import type { CliIo } from './cli-io.js';

/** Colour only on a terminal, never with NO_COLOR; FORCE_COLOR turns it on. */
export function isColorEnabled(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTty;
}

/** `-f, --format`: the same flag on every command, its choices from the reporter registry. */
export function formatOption(choices: readonly string[], fallback: string): Option {
  return new Option('-f, --format <format>', 'output format').choices([...choices]).default(fallback);
}

/** `--policies <dir>`: the policy directory, the same flag on every command that reads policies. */
export function policiesOption(description = 'policy directory'): Option {
  return new Option('--policies <dir>', description).default('policies');
}

/** `-q, --quiet`, described for the command. */
export function quietOption(description: string): Option {
  return new Option('-q, --quiet', description).default(false);
}

/** A path as the user would write it: no trailing slash, no leading `./`. */
export function cleanPath(path: string): string {
  const trimmed = path.replace(/\\/g, '/').replace(/\/+$/, '');
  return trimmed.replace(/^\.\/(?=.)/, '') || '.';
}

/** Says on stderr that a spelling is deprecated and what to write instead. */
function noteDeprecated(io: CliIo, old: string, replacement: string): void {
  io.stderr(
    `revops: ${terminalText(old)} is deprecated; write ${terminalText(replacement)} (the old spelling goes in the next version).\n`,
  );
}

/**
 * The directory an old positional argument (`revops validate DIR`) gives, kept for one version
 * beside the flag that replaces it (`--policies DIR`, `-o DIR`): the flag's value when the
 * argument is absent; the argument, with a deprecation note, otherwise. Both at once is an error.
 */
export function takePositionalDir(
  io: CliIo,
  command: Command,
  positional: string | undefined,
  flag: { name: string; attribute: string },
): string | undefined {
  const value = command.getOptionValue(flag.attribute) as string | undefined;
  if (positional === undefined) return value;
  if (command.getOptionValueSource(flag.attribute) === 'cli')
    throw new UsageError(`Give the directory once: ${flag.name} ${value ?? ''} or ${positional}, not both.`);
  noteDeprecated(
    io,
    `"revops ${command.name()} ${positional}"`,
    `"revops ${command.name()} ${flag.name} ${positional}"`,
  );
  return positional;
}

/**
 * A hidden old spelling of an option (`--out <dir>` for `-o, --output <dir>`), kept for one
 * version: it sets the new option's value and says on stderr that it is deprecated.
 */
export function addDeprecatedOption(
  command: Command,
  io: CliIo,
  old: { flags: string; name: string },
  replacement: { name: string; attribute: string },
): Command {
  command.addOption(new Option(old.flags).hideHelp());
  command.on(`option:${old.name.replace(/^--/, '')}`, (value: string) => {
    noteDeprecated(io, old.name, replacement.name);
    command.setOptionValueWithSource(replacement.attribute, value, 'cli');
  });
  return command;
}
