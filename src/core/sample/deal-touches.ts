import type { PlannedActivity } from './activities.js';
import { outbound } from './activities.js';
import type { SampleCalendar } from './calendar.js';
import { addBusinessMinutes, atBusinessTime, findDayIndex } from './calendar.js';
import type { Random } from './random.js';
import { createWeightedTable } from './random.js';

const dealTouches = createWeightedTable([
  ['meeting', 35],
  ['email', 40],
  ['call', 25],
] as const);

/**
 * An AE's work on a deal between its creation and its close (or the export): a kick-off
 * meeting soon after it opens, then meetings, emails and calls on random business days.
 * Touches that would fall outside that span are dropped, so short deals get fewer.
 */
export function planDealTouches(
  cal: SampleCalendar,
  rng: Random,
  ae: string,
  createdMs: number,
  endMs: number,
  touches: number,
): PlannedActivity[] {
  const out: PlannedActivity[] = [];
  for (let i = 0; i < touches; i++) {
    const day = findDayIndex(cal, createdMs + (endMs - createdMs) * rng.next());
    const at =
      i === 0 ? addBusinessMinutes(cal, createdMs, rng.between(60, 1800)) : atBusinessTime(cal, day, rng.next());
    if (at <= createdMs || at >= endMs) continue;
    const type = i === 0 ? 'meeting' : rng.pickWeighted(dealTouches);
    const outcome =
      type === 'meeting'
        ? rng.chance(0.1)
          ? 'no_show'
          : 'held'
        : type === 'call'
          ? rng.chance(0.5)
            ? 'connected'
            : 'voicemail'
          : 'sent';
    out.push(outbound(at, type, ae, outcome, true));
  }
  return out;
}
