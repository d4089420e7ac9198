import { terminalText } from '../reporters/sanitize.js';
import type { CliIo } from './cli-io.js';
import { cleanPath, isColorEnabled } from './options.js';

/** The output flags every command that writes a report takes. */
export interface OutputCliOptions {
  format: string;
  output?: string;
  quiet: boolean;
}

/** Colour only for a terminal: never in a file written with `--output`. */
export function isOutputColored(io: CliIo, options: Pick<OutputCliOptions, 'output'>): boolean {
  return options.output === undefined && isColorEnabled(io);
}

/** Writes rendered text to `--output` (saying so on stderr unless quiet) or to stdout. */
export async function writeOutput(io: CliIo, text: string, options: OutputCliOptions, what: string): Promise<void> {
  if (options.output === undefined) {
    io.stdout(text);
    return;
  }
  await io.writeFile(cleanPath(options.output), text);
  if (!options.quiet)
    io.stderr(`revops: wrote the ${options.format} ${what} to ${terminalText(cleanPath(options.output))}\n`);
}
