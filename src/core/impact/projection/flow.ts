import type { MarginalConversion } from '../../report/projection.js';
import type { ScoreBand, StageCohort } from './cohorts.js';
import { Exact, wilsonInterval } from './wilson.js';

/** What history says about one stage on the path from the entry stage to won. */
export interface StageCounts {
  stage: string;
  name: string;
  /** Items that arrived in the window under the base policies (all of them). */
  arrivals: number;
  /** Of those, items of leads both sides treat alike (neither added nor removed by the change). */
  kept: number;
  /** Leads only the head qualifies that arrive here under the head replay (read at the entry stage only). */
  added: number;
  /** Items of leads only the head qualifies that were worked here (left by as-of), and how many advanced. */
  worked: number;
  advanced: number;
  capacity: { base: number | null; head: number | null };
  /** The matured cohort the conversion is measured on; null (no item left, or the won stage): the window's arrivals. */
  cohort: StageCohort | null;
  /** The nearest score band's evidence for marginal leads when the change lowers a score threshold. */
  band: ScoreBand | null;
}

/** The counts and declared assumptions a flow projection needs. */
export interface FlowInput {
  windowWeeks: number;
  /** From the entry stage to the won stage, in order; the last one is the won stage. */
  stages: StageCounts[];
  minimumSample: number;
  /** Funnel `projection.marginalConversion`, per stage id. */
  declared: Readonly<Record<string, number>>;
}

/** One side's weekly flow at one stage. */
export interface FlowStage {
  demand: Exact;
  capacity: Exact | null;
  throughput: Exact;
  queue: Exact;
  advanced: Exact;
}

/** Both sides' weekly flows, the head also with every marginal rate at its low and high bound. */
export interface FlowResult {
  base: FlowStage[];
  head: FlowStage[];
  headLow: FlowStage[];
  headHigh: FlowStage[];
  /** Per stage: observed conversion per worked item (base: all leads; head: the kept ones), and what it is measured on. */
  conversion: { base: Exact; head: Exact; basis: 'matured' | 'window' | null }[];
  marginal: (MarginalConversion | null)[];
}

const ZERO = new Exact(0);

/** n ÷ d, 0 when nothing arrived (nothing flows through it either). */
function ratio(n: Exact | number, d: Exact | number): Exact {
  const den = new Exact(d);
  return den.isZero() ? ZERO : new Exact(n).div(den);
}

/**
 * Conversion of the marginal leads at one stage: their own history, else the nearest score band
 * above a lowered threshold, else declared, else conservative — each needing `minimumSample`.
 */
export function estimateMarginal(
  counts: StageCounts,
  minimumSample: number,
  declared: number | undefined,
  keptConversion: Exact,
): MarginalConversion {
  const { worked, advanced } = counts;
  const interval = wilsonInterval(advanced, worked);
  const band = counts.band;
  const base = {
    worked,
    advanced,
    minimumSample,
    scoreBand:
      band === null
        ? null
        : {
            from: band.from,
            to: band.to,
            addedFrom: band.addedFrom,
            widths: band.widths,
            items: band.items,
            matured: band.matured,
            advanced: band.advanced,
          },
  };
  if (worked >= minimumSample)
    return {
      basis: 'history',
      ...base,
      rate: ratio(advanced, worked).toNumber(),
      low: interval.low.toNumber(),
      high: interval.high.toNumber(),
    };
  if (band !== null && band.matured >= minimumSample) {
    const b = wilsonInterval(band.advanced, band.matured);
    return {
      basis: 'score-band',
      ...base,
      rate: ratio(band.advanced, band.matured).toNumber(),
      low: b.low.toNumber(),
      high: b.high.toNumber(),
    };
  }
  if (declared !== undefined) return { basis: 'declared', ...base, rate: declared, low: declared, high: declared };
  // Leads a looser rule adds are assumed to convert no better than those already qualified.
  const high = Exact.min(interval.high, keptConversion, 1);
  return {
    basis: 'conservative',
    ...base,
    rate: interval.low.toNumber(),
    low: interval.low.toNumber(),
    high: Exact.max(high, interval.low).toNumber(),
  };
}

/** Share of the demand a stage works: throughput ÷ demand under capacity. */
function workedShare(demand: Exact, capacity: number | null): Exact {
  if (capacity === null || demand.lte(capacity) || demand.isZero()) return new Exact(1);
  return new Exact(capacity).div(demand);
}

/**
 * The steady-state weekly flow under each side. Base: the entry stage's observed arrivals per
 * week; at each stage throughput = min(demand, capacity), and what advances is throughput ×
 * the observed conversion per worked item (next stage's arrivals ÷ this stage's arrivals worked),
 * so with no capacity change the base flow reproduces the observed arrivals. Head: the leads both
 * sides treat alike convert as they did; the leads only the head qualifies at their own rate;
 * leads only the base qualified leave with what they did. A full stage works both streams alike.
 */
export function projectFlow(input: FlowInput): FlowResult {
  const w = new Exact(input.windowWeeks);
  const stages = input.stages;
  const conversion = stages.map((s, i) => {
    const next = stages[i + 1];
    if (next === undefined) return { base: ZERO, head: ZERO, basis: null };
    const share = workedShare(ratio(s.arrivals, w), s.capacity.base);
    const c = s.cohort;
    // Matured cohort: items still open at as-of do not count as lost. Else the window's arrivals.
    if (c !== null && c.matured > 0)
      return {
        base: ratio(c.advanced, new Exact(c.matured).times(share)),
        head: ratio(c.keptAdvanced, new Exact(c.keptMatured).times(share)),
        basis: 'matured' as const,
      };
    return {
      base: ratio(next.arrivals, new Exact(s.arrivals).times(share)),
      head: ratio(next.kept, new Exact(s.kept).times(share)),
      basis: 'window' as const,
    };
  });
  const hasMarginal = (stages[0]?.added ?? 0) > 0;
  const marginal = stages.map((s, i) =>
    hasMarginal && i < stages.length - 1
      ? estimateMarginal(s, input.minimumSample, input.declared[s.stage], conversion[i]?.head ?? ZERO)
      : null,
  );
  const run = (side: 'base' | 'head', bound: 'rate' | 'low' | 'high'): FlowStage[] => {
    let kept = ratio(side === 'base' ? (stages[0]?.arrivals ?? 0) : (stages[0]?.kept ?? 0), w);
    let added = side === 'base' ? ZERO : ratio(stages[0]?.added ?? 0, w);
    return stages.map((s, i) => {
      const demand = kept.plus(added);
      const capacity = side === 'base' ? s.capacity.base : s.capacity.head;
      const share = workedShare(demand, capacity);
      const throughput = demand.times(share);
      const c = conversion[i] as { base: Exact; head: Exact };
      kept = kept.times(share).times(side === 'base' ? c.base : c.head);
      added = added.times(share).times(marginal[i]?.[bound] ?? 0);
      const isLast = i === stages.length - 1;
      return {
        demand,
        capacity: capacity === null ? null : new Exact(capacity),
        throughput,
        queue: demand.minus(throughput),
        advanced: isLast ? ZERO : kept.plus(added),
      };
    });
  };
  return {
    base: run('base', 'rate'),
    head: run('head', 'rate'),
    headLow: run('head', 'low'),
    headHigh: run('head', 'high'),
    conversion,
    marginal,
  };
}
