import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerFmt(program: Command, ctx: CommandContext): void {
  void ctx;
  program.command('fmt').description('not yet implemented');
}
