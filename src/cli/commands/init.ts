import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerInit(program: Command, ctx: CommandContext): void {
  void ctx;
  program.command('init').description('not yet implemented');
}
