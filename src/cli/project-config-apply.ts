import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { terminalText } from '../reporters/sanitize.js';
import type { CliIo } from './cli-io.js';
import { readImpactConfig } from './project-config-at-ref.js';
import type { ConfiguredOption } from './project-config-hook.js';
import { displayPath, readProjectConfig } from './project-config.js';
import type { ConfigChoice, ProjectConfig } from './project-config.js';

/** The config each command ran with, for messages that name where a value came from. */
const applied = new WeakMap<Command, ProjectConfig>();

/** Options whose value is a path: relative to the config file, given to the command relative to `cwd`. */
const pathOptions: readonly ConfiguredOption[] = ['policies', 'data'];

/**
 * Where an option's value came from, for a message: the flag, the config key (`data` in
 * revops.config.yaml), or the flag's default.
 */
export function describeOrigin(command: Command, option: ConfiguredOption, flag: string): string {
  const source = command.getOptionValueSource(option);
  const config = applied.get(command);
  if (source === 'config' && config !== undefined)
    return `\`${option}\` in ${config.file}${config.at === null ? '' : ` at ${config.at}`}`;
  if (source === 'cli') return flag;
  return `${flag}'s default`;
}

/** Reads the project config for the command about to run and sets the options the command line left at their default. */
export async function applyProjectConfig(command: Command, io: CliIo): Promise<void> {
  const choice = command.getOptionValue('config') as ConfigChoice;
  const cwd = process.cwd();
  // A command that compares with a git base (impact; any with --base) is a gate: it reads the base's config.
  const config = hasOption(command, 'base')
    ? await readImpactConfig(command, io, choice, cwd)
    : await readProjectConfig(io, { choice, cwd });
  if (config === undefined) return;
  applied.set(command, config);
  // A command with --repo reads its policies inside it (from git objects too): the path is relative to that.
  const repo = hasOption(command, 'repo') ? resolve(cwd, command.getOptionValue('repo') as string) : cwd;
  // `base` is impact's alone, set (or not) where its config was chosen.
  for (const key of ['policies', 'data', 'mapping', 'timeZone'] as const) {
    const value = config.values[key];
    if (value === undefined || !isUnset(command, key)) continue;
    const relativeTo = key === 'policies' ? repo : cwd;
    command.setOptionValueWithSource(
      key,
      pathOptions.includes(key) ? displayPath(resolve(config.dir, value), relativeTo) : value,
      'config',
    );
  }
  const name = command.name();
  const wanted = config.values.format?.[name];
  if (wanted === undefined || !isUnset(command, 'format')) return;
  const choices = command.options.find((o) => o.attributeName() === 'format')?.argChoices;
  if (choices !== undefined && !choices.includes(wanted))
    throw new UsageError(
      `${terminalText(config.locate(['format', name]))}: \`format.${name}\` is ${JSON.stringify(wanted)}; revops ${name} --format takes ${choices.join(', ')}.`,
    );
  command.setOptionValueWithSource('format', wanted, 'config');
}

function hasOption(command: Command, option: string): boolean {
  return command.options.some((o) => o.attributeName() === option);
}

/** Whether the command has the option and nothing but its default set it. */
function isUnset(command: Command, option: string): boolean {
  if (!hasOption(command, option)) return false;
  const source = command.getOptionValueSource(option);
  return source === undefined || source === 'default';
}
