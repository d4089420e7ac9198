import type { StageTrack } from '../engine/stages.js';
import { Exact, wilsonInterval } from './wilson.js';

/** What the estimator reads of a stage: a `StageTrack` is one. Times are epoch ms, NaN for none. */
export type ConversionTrack = Pick<StageTrack, 'entry' | 'exit' | 'advanced'>;

/** How to read a track. */
export interface ConversionOptions {
  /** The moment the data describes; entries after it are ignored, exits after it are not yet advances. */
  asOf: number;
  /** Maturity lag in ms (≥ 0): an item enters the cohort only when it entered at least this long before as-of. */
  lagMs: number;
  /** Only items that entered at or after this moment (the window's start); every entry when omitted. */
  since?: number;
  /**
   * The group of item `i` (its row index in the track); null or undefined leaves the item out.
   * When omitted every item is in one group, `all`.
   */
  groupOf?: (index: number) => string | null | undefined;
}

/** One group's conversion at a stage, measured on the matured cohort. */
export interface ConversionEstimate {
  group: string;
  /** Items that entered the stage in [since, as-of]. */
  items: number;
  /** Of those, the ones that entered at or before as-of − lag: the cohort the rate is measured on. */
  matured: number;
  /** Matured items that advanced (left for a later stage that is not a loss) by as-of. */
  advanced: number;
  /** advanced ÷ matured, exact; null when nothing matured. */
  rate: Exact | null;
  /** Wilson 95 % interval of advanced in matured; [0, 1] when nothing matured. */
  low: Exact;
  high: Exact;
}

/**
 * Conversion per group at one stage from the cohorts that had time to convert: items still open
 * counted as lost bias a rate low, so only items that entered at least `lagMs` before as-of count.
 * Groups come back sorted by key (code-unit order). Cost: one pass over the track.
 */
export function estimateConversion(track: ConversionTrack, options: ConversionOptions): ConversionEstimate[] {
  const since = options.since ?? -Infinity;
  const maturedBy = options.asOf - Math.max(0, options.lagMs);
  const groups = new Map<string, { items: number; matured: number; advanced: number }>();
  for (let i = 0; i < track.entry.length; i++) {
    const entered = track.entry[i] as number;
    if (Number.isNaN(entered) || entered < since || entered > options.asOf) continue;
    const key = options.groupOf === undefined ? 'all' : options.groupOf(i);
    if (key === null || key === undefined) continue;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { items: 0, matured: 0, advanced: 0 }));
    g.items++;
    if (entered > maturedBy) continue;
    g.matured++;
    const exit = track.exit[i] as number;
    if (track.advanced[i] === 1 && exit <= options.asOf) g.advanced++;
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, g]) => {
      const interval = wilsonInterval(g.advanced, g.matured);
      return {
        group,
        ...g,
        rate: g.matured === 0 ? null : new Exact(g.advanced).div(g.matured),
        low: interval.low,
        high: interval.high,
      };
    });
}

/** A maturity lag read from the data, with the sample it comes from. */
export interface MaturityLag {
  /** The `quantile` of time-in-stage (exit − entry, ms) of the items that left; null when none left. */
  lagMs: number | null;
  /** Items that entered in [since, as-of] and left by as-of: the sample. */
  left: number;
  quantile: number;
}

/**
 * How long items take to leave a stage: the nearest-rank `quantile` (default 0.9: the ⌈0.9·n⌉-th
 * smallest) of exit − entry over the items that entered in [since, as-of] and left by as-of.
 * Items still open are not in the sample, so the lag is a floor on the true one; a high quantile
 * keeps most slow conversions inside it.
 */
export function measureMaturityLag(
  track: ConversionTrack,
  options: { asOf: number; since?: number; quantile?: number },
): MaturityLag {
  const quantile = options.quantile ?? 0.9;
  const since = options.since ?? -Infinity;
  const spans: number[] = [];
  for (let i = 0; i < track.entry.length; i++) {
    const entered = track.entry[i] as number;
    const exit = track.exit[i] as number;
    if (Number.isNaN(entered) || Number.isNaN(exit) || entered < since || exit > options.asOf) continue;
    spans.push(exit - entered);
  }
  if (spans.length === 0) return { lagMs: null, left: 0, quantile };
  spans.sort((a, b) => a - b);
  const rank = Math.min(spans.length, Math.max(1, Math.ceil(quantile * spans.length)));
  return { lagMs: spans[rank - 1] as number, left: spans.length, quantile };
}
