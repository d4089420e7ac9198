import type { Row } from '../../data/types.js';
import type { LeadClasses } from '../../engine/replay-classes.js';
import type { StageTrack } from '../../engine/stages.js';
import type { Report } from '../../report/index.js';
import { measureCohort, measureScoreBand } from './cohorts.js';
import type { StageCounts } from './flow.js';

/** What one side's evaluation gives the projection. */
export interface SideState {
  report: Report;
  classes: LeadClasses | undefined;
  tracks: readonly StageTrack[];
  leadOfOpportunity: Int32Array;
  /** Amounts of the deals won by as-of that carry one (the deal-size sample); unknown when omitted. */
  wonAmounts?: readonly string[];
}

/** 1: only the head qualifies the lead; −1: only the base; 0: both or neither. */
function markMarginal(
  base: SideState,
  head: SideState,
  leads: readonly Row[],
  asOf: number,
  entryOrder: number,
): Int8Array {
  const mark = new Int8Array(leads.length);
  const qualifies = (c: LeadClasses | undefined, i: number) => (c?.stageOrderOf[i] ?? -1) >= entryOrder;
  for (let i = 0; i < leads.length; i++) {
    const created = leads[i]?.created_at;
    if (typeof created !== 'number' || created > asOf) continue;
    const b = qualifies(base.classes, i);
    const h = qualifies(head.classes, i);
    if (b !== h) mark[i] = h ? 1 : -1;
  }
  return mark;
}

/** The stages from `entry` to the won stage along each stage's `next`; empty when the path does not reach a won stage. */
export function pathToWon(report: Report, entry: string): string[] {
  const stages = report.funnel?.stages ?? [];
  const path: string[] = [];
  let at = stages.find((s) => s.id === entry);
  while (at !== undefined && !path.includes(at.id)) {
    path.push(at.id);
    if (at.terminal === 'won') return path;
    const next: string | null = at.next;
    at = next === null ? undefined : stages.find((s) => s.id === next);
  }
  return [];
}

/**
 * Per stage of the path, counted once over the window [start, as-of]: the base's arrivals, those of
 * leads the change leaves alone, the head-only leads arriving at the entry stage, and the head-only
 * leads the CRM worked there (left the stage by as-of) with how many advanced; the matured cohort
 * the stage's conversion is measured on, and, when the change lowers a score threshold, the
 * nearest score band's evidence for the leads it adds.
 */
export function countStages(
  base: SideState,
  head: SideState,
  leads: readonly Row[],
  path: readonly string[],
  window: { start: number; asOf: number },
  options: { threshold: { from: number; addedFrom: number } | null; minimumSample: number } = {
    threshold: null,
    minimumSample: 0,
  },
): { counts: StageCounts[]; added: number; removed: number } {
  const entryOrder = base.tracks.find((t) => t.stage.id === path[0])?.order ?? 0;
  const mark = markMarginal(base, head, leads, window.asOf, entryOrder);
  const inWindow = (t: number) => t >= window.start && t <= window.asOf;
  const loadOf = (side: SideState, id: string) => side.report.constraint?.stages.find((s) => s.stage === id);
  const counts = path.map((id): StageCounts => {
    const b = base.tracks.find((t) => t.stage.id === id);
    const h = head.tracks.find((t) => t.stage.id === id);
    const markOf = (side: SideState, track: StageTrack, k: number) =>
      track.entity === 'lead' ? (mark[k] ?? 0) : (mark[side.leadOfOpportunity[k] ?? -1] ?? 0);
    let arrivals = 0;
    let kept = 0;
    if (b !== undefined)
      for (let k = 0; k < b.entry.length; k++) {
        if (!inWindow(b.entry[k] as number)) continue;
        arrivals++;
        if (markOf(base, b, k) === 0) kept++;
      }
    let added = 0;
    let worked = 0;
    let advanced = 0;
    if (h !== undefined)
      for (let k = 0; k < h.entry.length; k++) {
        if (!inWindow(h.entry[k] as number) || markOf(head, h, k) !== 1) continue;
        added++;
        if (!Number.isNaN(h.exit[k] as number)) {
          worked++;
          advanced += h.advanced[k] as number;
        }
      }
    const name = base.report.funnel?.stages.find((s) => s.id === id)?.name ?? id;
    const isLast = id === path[path.length - 1];
    const markOfBase = (k: number) => (b === undefined ? 0 : markOf(base, b, k));
    const cohort = b === undefined || isLast ? null : measureCohort(b, markOfBase, window);
    const threshold = options.threshold;
    const band =
      b === undefined || isLast || threshold === null
        ? null
        : measureScoreBand(
            b,
            cohort,
            threshold,
            base.classes,
            markOfBase,
            base.leadOfOpportunity,
            window,
            options.minimumSample,
          );
    return {
      stage: id,
      name,
      arrivals,
      kept,
      added,
      worked,
      advanced,
      capacity: { base: loadOf(base, id)?.capacityPerWeek ?? null, head: loadOf(head, id)?.capacityPerWeek ?? null },
      cohort,
      band,
    };
  });
  let added = 0;
  let removed = 0;
  for (const m of mark) {
    if (m === 1) added++;
    else if (m === -1) removed++;
  }
  return { counts, added, removed };
}
