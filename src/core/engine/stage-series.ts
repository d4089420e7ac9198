import type { TimeWindow } from './context.js';
import type { Period } from './periods.js';
import { periodFinder } from './periods.js';
import type { StageTrack } from './stages.js';

/** Counts of one stage per period, index-aligned with the periods given. */
export interface StageSeries {
  arrivals: Int32Array;
  exits: Int32Array;
  advanced: Int32Array;
  /** Of each period's arrivals, how many advanced by as-of. */
  cohortAdvanced: Int32Array;
  /** Items in the stage at the end of each period (at as-of for a period that has not ended). */
  wipAtEnd: Int32Array;
  /** Items in the stage when the window starts. */
  wipAtStart: number;
}

/**
 * Counts one stage per period in one pass. WIP at a period's end is the WIP at the start
 * plus the arrivals and minus the exits up to it: an item counts from its entry until its
 * exit (never for terminal stages, which hold nothing).
 */
export function countStageSeries(track: StageTrack, periods: readonly Period[], window: TimeWindow): StageSeries {
  const n = periods.length;
  const s: StageSeries = {
    arrivals: new Int32Array(n),
    exits: new Int32Array(n),
    advanced: new Int32Array(n),
    cohortAdvanced: new Int32Array(n),
    wipAtEnd: new Int32Array(n),
    wipAtStart: 0,
  };
  if (n === 0) return s;
  const isTerminal = track.stage.terminal !== undefined;
  const { entry, exit, advanced } = track;
  const findPeriodIndex = periodFinder(periods);
  for (let i = 0; i < entry.length; i++) {
    const entered = entry[i] as number;
    if (Number.isNaN(entered)) continue;
    const left = exit[i] as number;
    const p = entered >= window.start && entered < window.end ? findPeriodIndex(entered) : -1;
    if (p >= 0) {
      s.arrivals[p]!++;
      if (advanced[i] === 1) s.cohortAdvanced[p]!++;
    }
    if (isTerminal) continue;
    if (entered < window.start && !(left < window.start)) s.wipAtStart++;
    if (!Number.isNaN(left) && left >= window.start && left < window.end) {
      const q = findPeriodIndex(left);
      if (q >= 0) {
        s.exits[q]!++;
        if (advanced[i] === 1) s.advanced[q]!++;
      }
    }
  }
  if (!isTerminal) {
    let wip = s.wipAtStart;
    for (let p = 0; p < n; p++) {
      wip += (s.arrivals[p] as number) - (s.exits[p] as number);
      s.wipAtEnd[p] = wip;
    }
  }
  return s;
}
