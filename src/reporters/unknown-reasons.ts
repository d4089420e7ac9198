import type { AmountUnknown, GoalUnknown, VelocityUnknown } from '../core/report/goal.js';

const reasons: Readonly<Record<AmountUnknown | GoalUnknown | VelocityUnknown, string>> = {
  'no-amounts': 'no won deal carries an amount',
  'zero-target': 'the target is 0',
  'opportunities-missing': 'the opportunities were left out of this partial run',
  'none-closed': 'no deal has closed',
  'none-won': 'no deal was won',
  'zero-cycle': 'won deals closed as they were created',
};

/** Why a figure is unknown, in words, for the "—" that stands in for it. */
export function describeUnknown(reason: AmountUnknown | GoalUnknown | VelocityUnknown): string {
  return reasons[reason];
}

/** A figure, or `— (why)` when it is unknown. */
export function figureOrUnknown(
  value: string | null,
  format: (value: string) => string,
  reason: AmountUnknown | GoalUnknown | VelocityUnknown | null,
): string {
  if (value !== null) return format(value);
  return reason === null ? '—' : `— (${describeUnknown(reason)})`;
}
