import { UsageError } from './errors.js';

/**
 * The one switch over every speed-only path: code generated beside a general path (rules,
 * row builders, row objects), the CSV row splitter beside papaparse, the plain forms of
 * numbers and date-times beside their general readers, the reading thread, the
 * open-addressing string table beside `Map`, and sums in whole units beside decimal.js.
 * Each twin gives the same results as the general path; with the switch off only the
 * general paths run, so a test suite run both ways holds the twins to the same outputs.
 *
 * A process-wide setting rather than an option threaded through every call: the paths sit
 * a dozen calls deep (a rule compiled by a policy check, a sum inside comp), and a test
 * suite must be able to turn all of them off at once. The core never reads the
 * environment: the CLI and the test setup call `setFastPath` (see `readFastPathSwitch`).
 */
let isOn = true;

/** Whether the speed-only paths run (the default). */
export function isFastPath(): boolean {
  return isOn;
}

/** Turns every speed-only path on or off, for the whole process; returns the previous setting. */
export function setFastPath(on: boolean): boolean {
  const previous = isOn;
  isOn = on;
  return previous;
}

/** The environment variable that turns the speed-only paths off (`0`) or on (`1`, the default). */
export const FAST_PATH_VARIABLE = 'REVOPS_FAST_PATH';

/**
 * The setting a value of `REVOPS_FAST_PATH` asks for: `1` (or unset, or empty) on, `0` off.
 * Any other value is a UsageError rather than a guess, so a misspelt switch is not silently
 * ignored.
 */
export function readFastPathSwitch(value: string | undefined): boolean {
  const text = value?.trim() ?? '';
  if (text === '' || text === '1') return true;
  if (text === '0') return false;
  throw new UsageError(
    `${FAST_PATH_VARIABLE} must be 0 (only the general paths) or 1 (the default, with the speed-only paths); it is ${JSON.stringify(value)}.`,
  );
}
