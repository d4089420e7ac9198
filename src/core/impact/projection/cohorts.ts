import { estimateConversion, measureMaturityLag } from '../../estimate/index.js';
import type { LeadClasses } from '../../engine/replay-classes.js';
import type { StageTrack } from '../../engine/stages.js';
import type { PolicySet } from '../../policy/types.js';

/** Quantile of time-in-stage (of the items that left) that a cohort must have had to convert. */
export const MATURITY_QUANTILE = 0.9;

/** The cohort a stage's conversion is measured on: items that entered at least `lagMs` before as-of. */
export interface StageCohort {
  lagMs: number;
  /** Items that left the stage in the window: the sample the lag is read from. */
  left: number;
  /** Items that entered in the window, the matured ones, and the matured ones that advanced. */
  items: number;
  matured: number;
  advanced: number;
  /** The same for the items of leads the change leaves alone. */
  keptMatured: number;
  keptAdvanced: number;
}

/** Scored leads in [from, to) at one stage: evidence for the leads a lowered threshold adds just below `from`. */
export interface ScoreBand {
  from: number;
  to: number;
  /** The score range the change adds: [addedFrom, from). */
  addedFrom: number;
  /** How many band widths the band spans (1 unless widened to reach the minimum sample). */
  widths: number;
  items: number;
  matured: number;
  advanced: number;
}

interface Window {
  start: number;
  asOf: number;
}

/** Index of the lead each item of a track belongs to. */
function leadOfItem(track: StageTrack, leadOfOpportunity: Int32Array): (k: number) => number {
  return track.entity === 'lead' ? (k) => k : (k) => leadOfOpportunity[k] ?? -1;
}

/**
 * The matured cohort of a stage: the lag is the 90th percentile of time-in-stage of the items that
 * left in the window; null when none left (the flow then uses the window's ratio and says so).
 */
export function measureCohort(
  track: StageTrack,
  markOfItem: (k: number) => number,
  window: Window,
): StageCohort | null {
  const since = window.start;
  const lag = measureMaturityLag(track, { asOf: window.asOf, since, quantile: MATURITY_QUANTILE });
  if (lag.lagMs === null) return null;
  const groups = estimateConversion(track, {
    asOf: window.asOf,
    lagMs: lag.lagMs,
    since,
    groupOf: (k) => (markOfItem(k) === 0 ? 'kept' : 'marginal'),
  });
  const kept = groups.find((g) => g.group === 'kept');
  const sum = (key: 'items' | 'matured' | 'advanced') => groups.reduce((s, g) => s + g[key], 0);
  return {
    lagMs: lag.lagMs,
    left: lag.left,
    items: sum('items'),
    matured: sum('matured'),
    advanced: sum('advanced'),
    keptMatured: kept?.matured ?? 0,
    keptAdvanced: kept?.advanced ?? 0,
  };
}

/**
 * The score threshold the head lowers for the class that qualifies leads into `entryStage`:
 * `{ from: base minScore, addedFrom: head minScore }`; null when the change is not such a lowering.
 */
export function findLoweredThreshold(
  base: PolicySet,
  head: PolicySet,
  entryStage: string,
): { from: number; addedFrom: number } | null {
  const minScoreOf = (set: PolicySet) =>
    set.LeadDefinition[0]?.spec.classes.find((c) => c.stage === entryStage)?.minScore;
  const from = minScoreOf(base);
  const addedFrom = minScoreOf(head);
  if (from === undefined || addedFrom === undefined || addedFrom >= from) return null;
  return { from, addedFrom };
}

/**
 * The nearest score band above a lowered threshold at one stage: scored leads (not hand-raisers,
 * not excluded) the change leaves alone with a base score in [from, from + w), w the width of the
 * range the change adds, measured on the matured cohort; widened by w at a time until at least
 * `minimumSample` matured or no scored lead is left above it.
 */
export function measureScoreBand(
  track: StageTrack,
  cohort: StageCohort | null,
  threshold: { from: number; addedFrom: number },
  classes: LeadClasses | undefined,
  markOfItem: (k: number) => number,
  leadOfOpportunity: Int32Array,
  window: Window,
  minimumSample: number,
): ScoreBand | null {
  if (classes === undefined) return null;
  const lead = leadOfItem(track, leadOfOpportunity);
  const width = threshold.from - threshold.addedFrom;
  const scoreOfItem = (k: number) => {
    const i = lead(k);
    return i < 0 || markOfItem(k) !== 0 ? NaN : (classes.scoreOf[i] ?? NaN);
  };
  // One pass: every band of width w above the threshold, then the nearest ones accumulated.
  const bands = estimateConversion(track, {
    asOf: window.asOf,
    lagMs: cohort?.lagMs ?? 0,
    since: window.start,
    groupOf: (k) => {
      const s = scoreOfItem(k);
      return s >= threshold.from ? String(Math.floor((s - threshold.from) / width)) : null;
    },
  })
    .map((b) => ({ ...b, index: Number(b.group) }))
    .sort((a, b) => a.index - b.index);
  const last = bands[bands.length - 1];
  if (last === undefined) return null;
  const counts = { items: 0, matured: 0, advanced: 0 };
  let widths = 0;
  for (const band of bands) {
    widths = band.index + 1;
    counts.items += band.items;
    counts.matured += band.matured;
    counts.advanced += band.advanced;
    if (counts.matured >= minimumSample) break;
  }
  return {
    from: threshold.from,
    to: threshold.from + widths * width,
    addedFrom: threshold.addedFrom,
    widths,
    ...counts,
  };
}
