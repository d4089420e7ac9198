import { runRevops } from './cli.js';
import type { CliRun } from './cli.js';

/** The arguments of `evaluate` on an Olist-shaped fixture (`<dir>/policies`, `<dir>/export`, mapping `olist`), as of 2018-03-01, as JSON. */
export function olistEvaluateArgs(dir: string): string[] {
  return [
    'evaluate',
    '--policies',
    `${dir}/policies`,
    '--data',
    `${dir}/export`,
    '--mapping',
    'olist',
    '--as-of',
    '2018-03-01T00:00:00Z',
    '--format',
    'json',
  ];
}

/** `evaluate` on an Olist-shaped fixture (see {@link olistEvaluateArgs}). */
export function evaluateOlist(dir: string): Promise<CliRun> {
  return runRevops(olistEvaluateArgs(dir));
}
