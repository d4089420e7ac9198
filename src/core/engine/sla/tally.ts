import type { SlaCounts } from '../../report/sla.js';
import { periodFinder } from '../periods.js';
import type { Period } from '../periods.js';
import type { SlaRowOutcomes } from './outcomes.js';
import { roundTo } from './quantiles.js';

/** Outcome codes 1–5 (met … invalidOrder) each have a slot per group. */
const SLOTS = 5;

/**
 * Counts the eligible rows of each group: `groupOf(i)` is row i's group (0 ≤ g < groups),
 * -1 to leave the row out; it is asked of eligible rows only. Returns one `SlaCounts` per group.
 */
export function tallyGroups(status: Uint8Array, groupOf: (i: number) => number, groups: number): SlaCounts[] {
  const counts = new Uint32Array(groups * SLOTS);
  for (let i = 0; i < status.length; i++) {
    const s = status[i] as number;
    if (s === 0) continue;
    const g = groupOf(i);
    if (g < 0) continue;
    const slot = g * SLOTS + s - 1;
    counts[slot] = (counts[slot] as number) + 1;
  }
  const out: SlaCounts[] = [];
  for (let g = 0; g < groups; g++) {
    const at = (s: number): number => counts[g * SLOTS + s - 1] as number;
    out.push(toCounts(at(1), at(2), at(3), at(4), at(5)));
  }
  return out;
}

/**
 * Compliance, the share of decided items that met the SLA: met ÷ (met + breached),
 * rounded to 4 dp; null when none is decided (pending, untargeted and invalidOrder items
 * are not decided).
 */
export function computeCompliance(met: number, breached: number): number | null {
  return met + breached === 0 ? null : roundTo(met / (met + breached), 4);
}

/** `SlaCounts` from the five outcome counts. */
export function toCounts(
  met: number,
  breached: number,
  pending: number,
  untargeted: number,
  invalidOrder: number,
): SlaCounts {
  return {
    eligible: met + breached + pending + untargeted + invalidOrder,
    met,
    breached,
    pending,
    untargeted,
    invalidOrder,
    compliance: computeCompliance(met, breached),
  };
}

/** Sums counts (e.g. owners into their team). */
export function addCounts(parts: readonly SlaCounts[]): SlaCounts {
  let met = 0;
  let breached = 0;
  let pending = 0;
  let untargeted = 0;
  let invalidOrder = 0;
  for (const c of parts) {
    met += c.met;
    breached += c.breached;
    pending += c.pending;
    untargeted += c.untargeted;
    invalidOrder += c.invalidOrder;
  }
  return toCounts(met, breached, pending, untargeted, invalidOrder);
}

/**
 * SLA counts per period, for any periods in order (`listPeriods` weeks, months, quarters,
 * or one hand-made sub-window): each eligible row counts in the period that holds its
 * from-time (when its clock started); rows outside every period are left out. Cheap to
 * call again with other periods: the calendar work is already in `outcomes`.
 */
export function tallySlaByPeriod(
  outcomes: SlaRowOutcomes,
  from: Float64Array,
  periods: readonly Period[],
): SlaCounts[] {
  const findPeriodIndex = periodFinder(periods);
  return tallyGroups(outcomes.status, (i) => findPeriodIndex(from[i] as number), periods.length);
}
