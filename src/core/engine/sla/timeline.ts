import type { BusinessCalendar } from '../../logic/compile.js';
import { HOUR_MS } from './durations.js';

const DAY_MS = 86_400_000;

/**
 * The working time of a calendar over a span, as intervals, so that business time between
 * any two instants of the span is arithmetic instead of a calendar walk per row.
 */
export interface BusinessTimeline {
  /** Starts and ends (epoch ms) of the working intervals that overlap the span, in order. */
  readonly opens: Float64Array;
  readonly closes: Float64Array;
  /**
   * Business milliseconds from the span's start to `t` (negative before it). Business time
   * is additive, so the time between `a` and `b` is `elapsedMs(b) - elapsedMs(a)`, exactly
   * `hoursBetween(a, b)` in whole milliseconds. NaN for a non-finite `t`.
   */
  elapsedMs(t: number): number;
}

/** Business time from `a` to `b` in whole milliseconds, as the calendar counts it. */
export function businessMsBetween(calendar: BusinessCalendar, a: number, b: number): number {
  return Math.round(calendar.hoursBetween(a, b) * HOUR_MS);
}

/** The first working instant at or after `t`: one millisecond of business time later, less that millisecond. */
function nextOpen(calendar: BusinessCalendar, t: number): number {
  return Math.round(calendar.addBusinessHours(t, 1 / HOUR_MS)) - 1;
}

/**
 * Where the stretch of working time that starts at `open` ends, capped at 24 hours (a
 * calendar working around the clock comes out as 24-hour pieces). Usually two calendar
 * calls: the working time in the next 24 hours, and whether it is all in one piece; only
 * when another window opens within those 24 hours is the end found by bisection.
 */
function closeOf(calendar: BusinessCalendar, open: number): number {
  const inDay = businessMsBetween(calendar, open, open + DAY_MS);
  if (inDay >= DAY_MS) return open + DAY_MS;
  if (businessMsBetween(calendar, open, open + inDay) === inDay) return open + inDay;
  // Invariant: [open, open + lo) is all working time, [open, open + hi) is not.
  let lo = 1;
  let hi = inDay;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (businessMsBetween(calendar, open, open + mid) === mid) lo = mid;
    else hi = mid;
  }
  return open + lo;
}

/**
 * The working intervals of `calendar` from `startMs` to `endMs` (whole milliseconds). The
 * first interval starts at `startMs` when that is working time; the last may end after
 * `endMs`. Costs a few calendar calls per working day of the span. Throws a RangeError
 * for a span that is not finite.
 */
export function createBusinessTimeline(calendar: BusinessCalendar, startMs: number, endMs: number): BusinessTimeline {
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs))
    throw new RangeError('a business timeline needs a finite span');
  const start = Math.floor(startMs);
  const opens: number[] = [];
  const closes: number[] = [];
  let t = start;
  while (t < endMs) {
    const open = nextOpen(calendar, t);
    if (!(open < endMs)) break;
    const close = closeOf(calendar, open);
    opens.push(open);
    closes.push(close);
    t = close;
  }
  const openAt = Float64Array.from(opens);
  const closeAt = Float64Array.from(closes);
  /** Business ms before interval j, from `start`. */
  const before = new Float64Array(openAt.length);
  for (let j = 1; j < openAt.length; j++)
    before[j] = (before[j - 1] as number) + (closeAt[j - 1] as number) - (openAt[j - 1] as number);

  const within = (t: number): number => {
    let lo = 0;
    let hi = openAt.length - 1;
    let j = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((openAt[mid] as number) <= t) {
        j = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (j < 0) return 0;
    const open = openAt[j] as number;
    return (before[j] as number) + Math.min(t - open, (closeAt[j] as number) - open);
  };
  const atEnd = within(endMs);

  return {
    opens: openAt,
    closes: closeAt,
    elapsedMs(t: number): number {
      if (!Number.isFinite(t)) return NaN;
      if (t < start) return -businessMsBetween(calendar, t, start);
      if (t > endMs) return atEnd + businessMsBetween(calendar, endMs, t);
      return within(t);
    },
  };
}
