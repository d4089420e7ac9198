import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from './cli-io.js';

/** The option (by attribute name) that each key of the project config sets. */
export const configuredOptions = ['policies', 'data', 'mapping', 'base', 'timeZone', 'format'] as const;

/** An option the project config can set. */
export type ConfiguredOption = (typeof configuredOptions)[number];

/**
 * Gives a command the project config: `--config FILE` and `--no-config`, and, before its
 * action runs, the config's values as defaults of the options it has (a flag on the command
 * line wins). A command without any such option (`check`, `comment`, `init`) is left as it is:
 * it reads no config. Applied in `program.ts` to every command, so a new command gets it by
 * declaring its options with the usual names.
 */
export function withConfigDefaults(command: Command, io: CliIo): Command {
  const names = new Set(command.options.map((option) => option.attributeName()));
  if (!configuredOptions.some((name) => names.has(name))) return command;
  command
    .addOption(
      new Option(
        '--config <file>',
        'project config to read (default: revops.config.yaml here or in the nearest parent, up to the git root)',
      ),
    )
    .addOption(new Option('--no-config', 'read no project config'))
    .hook('preAction', async (_hooked, action) => {
      // Loaded when a command runs, so `--help` and `--version` stay fast.
      const { applyProjectConfig } = await import('./project-config-apply.js');
      await applyProjectConfig(action, io);
    });
  return command;
}
