import type { Row } from '../../data/types.js';
import type { TimeWindow } from '../context.js';
import { findPeriodIndex } from '../periods.js';
import type { Period } from '../periods.js';

/** A string field of a row; null when empty or of another type. */
export function readText(row: Row, field: string): string | null {
  const value = row[field];
  return typeof value === 'string' ? value : null;
}

/** A datetime (epoch ms) field of a row; null when empty. */
export function readInstant(row: Row, field: string): number | null {
  const value = row[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Whether an opportunity is closed won. */
export function isWon(opportunity: Row): boolean {
  return opportunity.won === true;
}

/**
 * The payout period an instant counts in: the index of the period holding it, when it also
 * lies inside the evaluated window (so nothing after as-of, or before the window, counts);
 * -1 otherwise.
 */
export function periodIndexOf(t: number | null, periods: readonly Period[], window: TimeWindow): number {
  if (t === null || t < window.start || t >= window.end) return -1;
  return findPeriodIndex(periods, t);
}
