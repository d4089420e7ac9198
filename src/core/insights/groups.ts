import { estimateConversion } from '../estimate/index.js';
import type { ConversionEstimate, ConversionTrack, Exact } from '../estimate/index.js';
import type { AttributeInsight, AttributeKind, ConversionFigures, GroupInsight, GroupSignal } from './types.js';

/** How a stage's items are read and grouped. */
export interface GroupingOptions {
  asOf: number;
  since: number;
  lagMs: number;
  minimumSample: number;
  maxGroups: number;
}

/** What an attribute is and how an item (its row index) falls into its groups. */
export interface AttributeSpec {
  attribute: string;
  kind: AttributeKind;
  isPersonal: boolean;
  /** The item's values: one for a field (null: empty), any number for the scoring rules; undefined leaves the item out. */
  valuesOf(row: number): readonly (string | null)[] | undefined;
  /** For a score band: the band of a value. */
  rangeOf?(value: string): { from: number; to: number };
  /** How groups are listed: by size (default) or by value, for bands. */
  order?: 'size' | 'range';
}

const OTHER = 'other';
const EMPTY = '';
/** Keys of `estimateConversion` groups: `v:` + value, or '' for an empty value (null leaves the item out). */
const keyOf = (value: string | null): string => (value === null ? EMPTY : `v:${value}`);
const valueOfKey = (key: string): string | null => (key === EMPTY ? null : key.slice(2));

const round4 = (x: Exact): number => x.toDecimalPlaces(4).toNumber();

/** Rate and interval of an estimate, 4 dp; null with nothing matured. */
export function toFigures(e: ConversionEstimate | undefined): ConversionFigures {
  if (e === undefined || e.rate === null)
    return { entered: e?.items ?? 0, matured: 0, advanced: 0, rate: null, low: null, high: null };
  return {
    entered: e.items,
    matured: e.matured,
    advanced: e.advanced,
    rate: round4(e.rate),
    low: round4(e.low),
    high: round4(e.high),
  };
}

function signalOf(e: ConversionEstimate, overall: Exact | null, minimumSample: number): GroupSignal {
  if (e.matured < minimumSample) return 'small';
  if (overall === null) return 'within';
  if (e.low.gt(overall)) return 'above';
  if (e.high.lt(overall)) return 'below';
  return 'within';
}

/**
 * Conversion per value of one attribute at one stage, among the items the estimator counts (entered
 * in the window, matured for the rate). The `maxGroups` values with the most matured items are kept;
 * the rest are one `other` group, counted again over the items in any of them (so an item in several
 * is counted once). Lift is each rate ÷ the overall rate; groups with at least `minimumSample` matured
 * items are ranked by lift.
 */
export function groupConversion(
  track: ConversionTrack,
  spec: AttributeSpec,
  overall: ConversionEstimate,
  options: GroupingOptions,
): AttributeInsight {
  const base = { asOf: options.asOf, lagMs: options.lagMs, since: options.since };
  const seen = new Set<string>();
  const estimates: ConversionEstimate[] = [];
  const multi = new Map<number, readonly (string | null)[]>();
  // Single-valued items in one pass; each value of a multi-valued attribute in a pass of its own.
  estimates.push(
    ...estimateConversion(track, {
      ...base,
      groupOf: (i) => {
        const values = spec.valuesOf(i);
        if (values === undefined || values.length === 0) return null;
        for (const v of values) seen.add(keyOf(v));
        if (values.length === 1) return keyOf(values[0] ?? null);
        multi.set(i, values);
        return null;
      },
    }),
  );
  if (multi.size > 0) {
    const merged = new Map(estimates.map((e) => [e.group, e]));
    for (const key of seen) {
      const value = valueOfKey(key);
      const [extra] = estimateConversion(track, {
        ...base,
        groupOf: (i) => (spec.valuesOf(i)?.includes(value) === true ? key : null),
      });
      if (extra !== undefined) merged.set(key, extra);
    }
    estimates.splice(0, estimates.length, ...merged.values());
  }
  const bySize = [...estimates].sort(
    (a, b) => b.matured - a.matured || b.items - a.items || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0),
  );
  const kept = bySize.slice(0, options.maxGroups);
  const rest = new Set(bySize.slice(options.maxGroups).map((e) => e.group));
  let other: ConversionEstimate | undefined;
  if (rest.size > 0) {
    [other] = estimateConversion(track, {
      ...base,
      groupOf: (i) => (spec.valuesOf(i)?.some((v) => rest.has(keyOf(v))) === true ? OTHER : null),
    });
  }
  const ordered =
    spec.order === 'range' ? [...kept].sort((a, b) => Number(valueOfKey(a.group)) - Number(valueOfKey(b.group))) : kept;
  const groups: GroupInsight[] = ordered.map((e) => {
    const value = valueOfKey(e.group);
    return describeGroup(e, value, false, value === null ? null : (spec.rangeOf?.(value) ?? null), overall, options);
  });
  if (other !== undefined) groups.push(describeGroup(other, null, true, null, overall, options));
  rankGroups(groups);
  return {
    attribute: spec.attribute,
    kind: spec.kind,
    isPersonal: spec.isPersonal,
    valueCount: estimates.length,
    otherValueCount: rest.size,
    groups,
  };
}

function describeGroup(
  e: ConversionEstimate,
  value: string | null,
  isOther: boolean,
  range: { from: number; to: number } | null,
  overall: ConversionEstimate,
  options: GroupingOptions,
): GroupInsight {
  const lift = e.rate === null || overall.rate === null || overall.rate.isZero() ? null : e.rate.div(overall.rate);
  return {
    value,
    isOther,
    range,
    ...toFigures(e),
    lift: lift === null ? null : round4(lift),
    signal: signalOf(e, overall.rate, options.minimumSample),
    rank: null,
  };
}

/** Ranks the groups with the minimum sample by lift (highest first; ties by matured items, then listing order). */
function rankGroups(groups: GroupInsight[]): void {
  const ranked = groups
    .map((g, i) => ({ g, i }))
    .filter(({ g }) => g.signal !== 'small' && g.lift !== null)
    .sort((a, b) => (b.g.lift ?? 0) - (a.g.lift ?? 0) || b.g.matured - a.g.matured || a.i - b.i);
  ranked.forEach(({ g }, r) => (g.rank = r + 1));
}
