/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;

/** Working days in a working week: a `w` of an SLA is five working days. */
export const WORKING_DAYS_PER_WEEK = 5;

/**
 * An SLA duration (`30m`, `4h`, `2d`, `1w`) in business hours of its calendar:
 * `m` is working minutes, `h` working hours, `d` working days of `workingDayHours` each
 * (the calendar's usual working day, see `measureWorkingDayHours`), `w` five working days.
 * With 08:30–17:30 working days, `2d` is 18 working hours and `1w` 45.
 */
export function toBusinessHours(duration: string, workingDayHours: number): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)(m|h|d|w)$/.exec(duration);
  if (match === null) throw new RangeError(`not a duration: ${duration}`);
  const amount = Number(match[1]);
  switch (match[2]) {
    case 'm':
      return amount / 60;
    case 'h':
      return amount;
    case 'd':
      return amount * workingDayHours;
    default:
      return amount * WORKING_DAYS_PER_WEEK * workingDayHours;
  }
}

/** Business hours as whole milliseconds: the unit in which SLA clocks are compared. */
export function toBusinessMs(hours: number): number {
  return Math.round(hours * HOUR_MS);
}
