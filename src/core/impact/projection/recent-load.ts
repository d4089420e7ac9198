import { round } from '../../engine/stats.js';
import type { StageTrack } from '../../engine/stages.js';
import type { ProjectedStage } from '../../report/projection.js';

/** Weeks before as-of the recent utilisation covers. */
export const RECENT_WEEKS = 4;
/** A recent utilisation this far from the window's is shown as different (a tenth of capacity). */
export const MATERIAL_UTILISATION_GAP = 0.1;

const WEEK_MS = 604_800_000;

/**
 * Base utilisation over the last `RECENT_WEEKS` weeks (arrivals in (as-of − 4 weeks, as-of] ÷ 4 ÷
 * capacity) beside the window's (`windowUtilisation`, the constraint section's). Null without a base
 * capacity or a window utilisation, or when the window is shorter than twice the recent weeks.
 */
export function measureRecentUtilisation(
  track: StageTrack | undefined,
  window: { start: number; asOf: number },
  windowUtilisation: number | null,
  capacity: number | null,
): ProjectedStage['utilisation'] {
  if (track === undefined || capacity === null || capacity <= 0 || windowUtilisation === null) return null;
  if (window.asOf - window.start < 2 * RECENT_WEEKS * WEEK_MS) return null;
  const from = window.asOf - RECENT_WEEKS * WEEK_MS;
  let arrivals = 0;
  for (const t of track.entry) if (t > from && t <= window.asOf) arrivals++;
  const recent = round(arrivals / RECENT_WEEKS / capacity, 4);
  return {
    window: windowUtilisation,
    recent,
    recentWeeks: RECENT_WEEKS,
    threshold: MATERIAL_UTILISATION_GAP,
    isDifferent: Math.abs(recent - windowUtilisation) >= MATERIAL_UTILISATION_GAP,
  };
}
