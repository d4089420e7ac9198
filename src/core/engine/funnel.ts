import type { FunnelSection, StageReport } from '../report/funnel.js';
import type { EngineContext } from './context.js';
import type { Period } from './periods.js';
import { countStageSeries } from './stage-series.js';
import type { StageTrack } from './stages.js';
import { describe, ratio } from './stats.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Age buckets of open items, in days: [from, to). */
const ageBuckets: { label: string; fromDays: number; toDays: number | null }[] = [
  { label: 'under 7 days', fromDays: 0, toDays: 7 },
  { label: '7–30 days', fromDays: 7, toDays: 30 },
  { label: '30–90 days', fromDays: 30, toDays: 90 },
  { label: '90 days or more', fromDays: 90, toDays: null },
];

/**
 * Funnel figures per stage over the window and per period.
 * - arrivals: items that entered the stage in the window (period);
 * - exits / advanced / dropped: items that left it in the window, by entering a later stage
 *   (advanced) or by a loss, disqualification or recycling (dropped);
 * - conversion, cohort basis: of the items that arrived in the window (period), the share that
 *   advanced by as-of (recent cohorts are still maturing);
 * - conversion, period basis: items that advanced out of the stage ÷ arrivals in it, same window
 *   (a flow ratio: above 1 when a backlog clears);
 * - WIP at the end of a period: entered before its end and not yet left (as-of for the last);
 * - time in stage: hours from entry to exit of the items that left in the window; "with open"
 *   adds every item still in the stage at its age at as-of (a lower bound on its time);
 * - ageing: items still in the stage at as-of by age.
 */
export function measureFunnel(
  name: string,
  tracks: readonly StageTrack[],
  periods: readonly Period[],
  unit: 'week' | 'month',
  ctx: EngineContext,
): FunnelSection {
  return {
    funnel: name,
    periodUnit: unit,
    periods: periods.map((p) => p.label),
    stages: tracks.map((track) => measureStage(track, periods, ctx)),
  };
}

function measureStage(track: StageTrack, periods: readonly Period[], ctx: EngineContext): StageReport {
  const series = countStageSeries(track, periods, ctx.window);
  const sum = (a: Int32Array): number => a.reduce((x, y) => x + y, 0);
  const arrivals = sum(series.arrivals);
  const exits = sum(series.exits);
  const advanced = sum(series.advanced);
  const isTerminal = track.stage.terminal !== undefined;
  const ageing = ageBuckets.map((b) => ({ ...b, count: 0 }));
  // Hours of the items that left in the window, then the ages of those still open: one array, counted first.
  let completedCount = 0;
  let openCount = 0;
  const { entry, exit } = track;
  const { start, end } = ctx.window;
  if (!isTerminal) {
    for (let i = 0; i < entry.length; i++) {
      const entered = entry[i] as number;
      if (Number.isNaN(entered)) continue;
      const left = exit[i] as number;
      if (Number.isNaN(left)) openCount++;
      else if (left >= start && left < end) completedCount++;
    }
  }
  const withOpen = new Float64Array(completedCount + openCount);
  let c = 0;
  let o = completedCount;
  if (!isTerminal) {
    for (let i = 0; i < entry.length; i++) {
      const entered = entry[i] as number;
      if (Number.isNaN(entered)) continue;
      const left = exit[i] as number;
      if (Number.isNaN(left)) {
        const age = ctx.asOf - entered;
        withOpen[o++] = age / HOUR_MS;
        const days = age / DAY_MS;
        for (const b of ageing) {
          if (days >= b.fromDays && (b.toDays === null || days < b.toDays)) {
            b.count++;
            break;
          }
        }
      } else if (left >= start && left < end) {
        withOpen[c++] = (left - entered) / HOUR_MS;
      }
    }
  }
  // Each describe reorders the values it is given, which changes neither figure.
  const timeInStageHours = describe(withOpen.subarray(0, completedCount));
  const timeInStageWithOpenHours = describe(withOpen);
  return {
    id: track.stage.id,
    name: track.stage.name ?? track.stage.id,
    owner: track.stage.owner,
    entity: track.entity,
    terminal: track.stage.terminal ?? null,
    next: track.next?.stage.id ?? null,
    arrivals,
    exits,
    advanced,
    dropped: exits - advanced,
    openAtAsOf: openCount,
    conversionCohort: isTerminal ? null : ratio(sum(series.cohortAdvanced), arrivals),
    conversionPeriod: isTerminal ? null : ratio(advanced, arrivals),
    timeInStageHours,
    timeInStageWithOpenHours,
    ageing: isTerminal ? [] : ageing,
    periods: periods.map((p, k) => ({
      period: p.label,
      arrivals: series.arrivals[k] as number,
      exits: series.exits[k] as number,
      advanced: series.advanced[k] as number,
      wipAtEnd: series.wipAtEnd[k] as number,
      conversionCohort: isTerminal ? null : ratio(series.cohortAdvanced[k] as number, series.arrivals[k] as number),
      conversionPeriod: isTerminal ? null : ratio(series.advanced[k] as number, series.arrivals[k] as number),
    })),
  };
}
