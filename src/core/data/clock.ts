import { CoercionFailure } from './coerce-failure.js';

/**
 * How far after the run's clock a record may be dated: one day, more than any gap between
 * time zones (offsets run from −12 to +14 hours), so a fresh export written in a zone ahead
 * of the machine's, or with a local time read as UTC, is not rejected.
 */
export const FUTURE_TOLERANCE_MS = 86_400_000;

/** The latest instant a record may be dated at, for a run whose clock reads `now` (epoch ms). */
export function latestAllowedAt(now: number): number {
  return now + FUTURE_TOLERANCE_MS;
}

/** Why a date-time after the run's clock `notAfter` (see `latestAllowedAt`) is rejected. */
export function futureDateFailure(notAfter: number): CoercionFailure {
  return new CoercionFailure(
    'data.future-date',
    `The date-time is after the run's clock (${new Date(notAfter - FUTURE_TOLERANCE_MS).toISOString()}, with a day's tolerance); a record cannot be dated in the future.`,
    "Check the export's dates and time zone; when replaying data written under another clock, give it with --now.",
  );
}
