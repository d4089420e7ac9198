import { Option } from 'commander';
import type { CliIo } from './cli-io.js';

/** Colour only on a terminal, never with NO_COLOR; FORCE_COLOR turns it on. */
export function isColorEnabled(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTty;
}

export function formatOption(choices: readonly string[], fallback: string): Option {
  return new Option('-f, --format <format>', 'output format').choices([...choices]).default(fallback);
}

/** A path as the user would write it: no trailing slash, no leading `./`. */
export function cleanPath(path: string): string {
  const trimmed = path.replace(/\\/g, '/').replace(/\/+$/, '');
  return trimmed.replace(/^\.\/(?=.)/, '') || '.';
}
