import type { BusinessCalendar } from '../../logic/compile.js';
import { HOUR_MS } from './durations.js';
import { createBusinessTimeline } from './timeline.js';

/** Weeks of working windows looked at: enough that holidays and DST days are outvoted. */
const PROBE_WEEKS = 8;

/**
 * The calendar's usual working day, in hours: the most common length of its working
 * windows (stretches of working time, at most 24 hours each) in the eight weeks before
 * `untilMs` (the run's as-of, so every window of a run agrees); the longer length when two
 * are equally common. 8 for 09:00–17:00, 9 for 08:30–17:30, 24 for a calendar that works
 * around the clock. An SLA's `1d` is this long.
 * Measured from the calendar's business time alone, so it works for any `BusinessCalendar`.
 * Throws a RangeError when those eight weeks hold no working time at all.
 */
export function measureWorkingDayHours(calendar: BusinessCalendar, untilMs: number): number {
  const timeline = createBusinessTimeline(calendar, untilMs - PROBE_WEEKS * 7 * 86_400_000, untilMs);
  const votes = new Map<number, number>();
  for (let j = 0; j < timeline.opens.length; j++) {
    const length = (timeline.closes[j] as number) - (timeline.opens[j] as number);
    votes.set(length, (votes.get(length) ?? 0) + 1);
  }
  let best = 0;
  let bestVotes = 0;
  for (const [length, count] of votes) {
    if (count > bestVotes || (count === bestVotes && length > best)) {
      best = length;
      bestVotes = count;
    }
  }
  if (bestVotes === 0)
    throw new RangeError('the calendar has no working time in the eight weeks measured for its working day');
  return best / HOUR_MS;
}
