import type { Row } from '../../data/types.js';
import { RevopsError } from '../../errors.js';
import { RuleEvaluationError, compileRule, truthy } from '../../logic/compile.js';
import type { CompiledRule } from '../../logic/compile.js';
import { canonicalModel } from '../../model/canonical.js';
import type { Policy } from '../../policy/types.js';
import type { EngineContext } from '../context.js';
import { HOUR_MS, toBusinessHours, toBusinessMs } from './durations.js';
import { createBusinessTimeline } from './timeline.js';
import { measureWorkingDayHours } from './working-day.js';

/** The items an SLA is measured on, with their clock events already resolved to times. */
export interface SlaItems {
  entity: 'lead' | 'opportunity';
  rows: readonly Row[];
  /** Start-event time per row (epoch ms), NaN when the row never had the event (not eligible). */
  from: Float64Array;
  /** Stop-event time per row, NaN when it has not happened by as-of. */
  to: Float64Array;
  /** Owner user id per row (lead/opportunity owner_id), or null. */
  ownerOf(index: number): string | null;
}

/** Per-row outcome codes of `SlaRowOutcomes.status`. */
export const SLA_STATUS = { ineligible: 0, met: 1, breached: 2, pending: 3, untargeted: 4, invalidOrder: 5 } as const;

/** Bits of `SlaRowOutcomes.flags`. */
export const SLA_FLAG = { stopped: 1, recycled: 2 } as const;

/** The SLA's durations in business milliseconds of its calendar. */
export interface SlaThresholds {
  workingDayHours: number;
  /** Per target, in policy order. */
  withinMs: number[];
  /** Per escalation step, in policy order. */
  escalationMs: number[];
  /** Undefined without a recycle rule. */
  recycleMs: number | undefined;
}

/** What the SLA made of each row, in typed arrays indexed like `SlaItems.rows`. */
export interface SlaRowOutcomes {
  thresholds: SlaThresholds;
  /** An `SLA_STATUS` code per row. */
  status: Uint8Array;
  /** Index of the target that applies, -1 for none (ineligible or untargeted rows). */
  target: Int32Array;
  /**
   * Business ms from the from-event to the to-event (or to as-of when open); NaN for ineligible and
   * invalidOrder rows.
   */
  waitMs: Float64Array;
  /** `SLA_FLAG` bits: the row stopped (has a to-event by as-of), the row was recycled. */
  flags: Uint8Array;
  /** Eligible rows on which a target's `when` failed (counted as untargeted), and the first of them. */
  ruleErrors: { count: number; first: { row: number; message: string } | null };
}

const fieldTypesOf = {
  lead: Object.fromEntries(Object.entries(canonicalModel.leads).map(([name, spec]) => [name, spec.type])),
  opportunity: Object.fromEntries(
    Object.entries(canonicalModel.opportunities).map(([name, spec]) => [name, spec.type]),
  ),
};

function compileTargets(
  policy: Policy<'HandoffSla'>,
  entity: SlaItems['entity'],
  ctx: EngineContext,
): (CompiledRule | undefined)[] {
  return policy.spec.targets.map((target, k) =>
    target.when === undefined
      ? undefined
      : compileRule(target.when, {
          asOf: ctx.asOf,
          fieldTypes: fieldTypesOf[entity],
          calendars: ctx.calendars,
          path: ['spec', 'targets', k, 'when'],
        }),
  );
}

/**
 * Index of the first target whose `when` is truthy for `row` (no `when` matches every row);
 * `whens.length` for none.
 */
function findTarget(whens: readonly (CompiledRule | undefined)[], row: Row): number {
  let k = 0;
  while (k < whens.length) {
    const when = whens[k];
    if (when === undefined || truthy(when(row))) break;
    k++;
  }
  return k;
}

/** The earliest eligible start, or NaN when no row is eligible. */
function earliestStart(from: Float64Array, start: number, end: number): number {
  let least = NaN;
  for (let i = 0; i < from.length; i++) {
    const f = from[i] as number;
    if (f >= start && f < end && !(f >= least)) least = f;
  }
  return least;
}

/**
 * Decides every row (see `SLA_STATUS`), one pass, no per-row objects. A row is eligible
 * when its from-time is inside the window (start ≤ from < end). A to-time after as-of does
 * not exist for the run. Each eligible row gets the first target whose `when` is truthy.
 * Its wait is the business time from the from-event to the to-event, or to as-of while
 * open. Then, with `within` the target's deadline: a to-event before the from-event is
 * invalidOrder; no target is untargeted; a stopped row is met when its to-event is at or
 * before the deadline `addBusinessHours(from, within)`, else breached; an open row is
 * breached when the deadline is at or before as-of or it was recycled, else pending.
 * An open row is recycled when its wait reached `recycle.after`, whatever its target.
 * A row on which a `when` fails (`RuleEvaluationError`) is untargeted and counted in
 * `ruleErrors`, as a failing lead definition rule is counted, not thrown.
 */
export function measureSlaRows(policy: Policy<'HandoffSla'>, items: SlaItems, ctx: EngineContext): SlaRowOutcomes {
  const { spec } = policy;
  const calendar = ctx.calendars.get(spec.calendar);
  if (calendar === undefined)
    throw new RevopsError('config', `SLA \`${policy.metadata.name}\`: calendar \`${spec.calendar}\` is not loaded.`);
  const { start, end } = ctx.window;
  const asOf = ctx.asOf;
  const n = items.rows.length;
  const first = earliestStart(items.from, start, end);
  const workingDayHours = measureWorkingDayHours(calendar, asOf);
  const toMs = (text: string): number => toBusinessMs(toBusinessHours(text, workingDayHours));
  const thresholds: SlaThresholds = {
    workingDayHours,
    withinMs: spec.targets.map((t) => toMs(t.within)),
    escalationMs: (spec.escalation ?? []).map((e) => toMs(e.after)),
    recycleMs: spec.recycle === undefined ? undefined : toMs(spec.recycle.after),
  };
  const status = new Uint8Array(n);
  const target = new Int32Array(n).fill(-1);
  const waitMs = new Float64Array(n).fill(NaN);
  const flags = new Uint8Array(n);
  const ruleErrors: SlaRowOutcomes['ruleErrors'] = { count: 0, first: null };
  const outcomes: SlaRowOutcomes = { thresholds, status, target, waitMs, flags, ruleErrors };
  if (Number.isNaN(first)) return outcomes;

  const whens = compileTargets(policy, items.entity, ctx);
  const withinMs = thresholds.withinMs;
  const recycleMs = thresholds.recycleMs ?? Infinity;
  // Business time between two instants is the difference of business time since one origin.
  const timeline = createBusinessTimeline(calendar, first, Math.max(first, asOf));
  const asOfElapsed = timeline.elapsedMs(asOf);

  for (let i = 0; i < n; i++) {
    const from = items.from[i] as number;
    if (!(from >= start && from < end)) continue;
    let k: number;
    try {
      k = findTarget(whens, items.rows[i] as Row);
    } catch (error) {
      if (!(error instanceof RuleEvaluationError)) throw error;
      k = whens.length;
      ruleErrors.count++;
      ruleErrors.first ??= { row: i, message: error.message };
    }
    const t = items.to[i] as number;
    const isStopped = t <= asOf;
    if (k < whens.length) target[i] = k;
    if (isStopped && t < from) {
      status[i] = SLA_STATUS.invalidOrder;
      continue;
    }
    const begun = timeline.elapsedMs(from);
    const wait = (isStopped ? timeline.elapsedMs(t) : asOfElapsed) - begun;
    waitMs[i] = wait;
    const isRecycled = !isStopped && wait >= recycleMs;
    flags[i] = (isStopped ? SLA_FLAG.stopped : 0) | (isRecycled ? SLA_FLAG.recycled : 0);
    if (k === whens.length) {
      status[i] = SLA_STATUS.untargeted;
      continue;
    }
    const within = withinMs[k] as number;
    if (isStopped) {
      // Business time reaches `within` at the deadline and stays there until work resumes:
      // only a to-event with exactly `within` of wait needs the deadline itself.
      const isMet =
        wait < within || (wait === within && t <= Math.round(calendar.addBusinessHours(from, within / HOUR_MS)));
      status[i] = isMet ? SLA_STATUS.met : SLA_STATUS.breached;
    } else {
      // The deadline is at or before as-of exactly when the wait so far has reached `within`.
      status[i] = isRecycled || wait >= within ? SLA_STATUS.breached : SLA_STATUS.pending;
    }
  }
  return outcomes;
}
