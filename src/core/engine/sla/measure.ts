import { Decimal } from 'decimal.js';
import type { Policy } from '../../policy/types.js';
import type { SlaCounts, SlaResult } from '../../report/sla.js';
import type { EngineContext } from '../context.js';
import { listPeriods } from '../periods.js';
import { HOUR_MS } from './durations.js';
import { SLA_FLAG, measureSlaRows } from './outcomes.js';
import type { SlaItems, SlaRowOutcomes } from './outcomes.js';
import { groupByOwner } from './owners.js';
import { roundTo, summariseHours } from './quantiles.js';
import { tallyGroups, tallySlaByPeriod } from './tally.js';

/** Waits of the eligible rows that stopped (response) and of those still open (age), in business ms. */
function splitWaits(outcomes: SlaRowOutcomes): { response: Float64Array; openAge: Float64Array } {
  const { waitMs, flags } = outcomes;
  let stopped = 0;
  let open = 0;
  for (let i = 0; i < waitMs.length; i++) {
    if (Number.isNaN(waitMs[i])) continue;
    if ((flags[i] as number) & SLA_FLAG.stopped) stopped++;
    else open++;
  }
  const response = new Float64Array(stopped);
  const openAge = new Float64Array(open);
  stopped = 0;
  open = 0;
  for (let i = 0; i < waitMs.length; i++) {
    const wait = waitMs[i] as number;
    if (Number.isNaN(wait)) continue;
    if ((flags[i] as number) & SLA_FLAG.stopped) response[stopped++] = wait;
    else openAge[open++] = wait;
  }
  return { response, openAge };
}

/**
 * Escalation steps reached: per step, the measured rows (eligible, not invalidOrder) whose
 * wait — to the to-event, or to as-of while open — is at least the step's `after`.
 * Recycled: open rows whose wait reached `recycle.after`.
 */
function countEscalations(outcomes: SlaRowOutcomes): { reached: number[]; recycled: number } {
  const steps = outcomes.thresholds.escalationMs;
  const reached = steps.map(() => 0);
  let recycled = 0;
  for (let i = 0; i < outcomes.waitMs.length; i++) {
    const wait = outcomes.waitMs[i] as number;
    if (Number.isNaN(wait)) continue;
    for (let s = 0; s < steps.length; s++) if (wait >= (steps[s] as number)) reached[s] = (reached[s] as number) + 1;
    if ((outcomes.flags[i] as number) & SLA_FLAG.recycled) recycled++;
  }
  return { reached, recycled };
}

function exampleOf(outcomes: SlaRowOutcomes, items: SlaItems): { id: string; message: string } | null {
  const first = outcomes.ruleErrors.first;
  if (first === null) return null;
  const id = items.rows[first.row]?.id;
  return { id: id === null || id === undefined ? `#${first.row + 1}` : String(id), message: first.message };
}

/** met ÷ (met + breached) ≥ target, exactly (not on the 4-place `compliance`); null without a target or a decided item. */
function meetsComplianceTarget(counts: SlaCounts, target: number | undefined): boolean | null {
  const decided = counts.met + counts.breached;
  if (target === undefined || decided === 0) return null;
  return new Decimal(counts.met).greaterThanOrEqualTo(new Decimal(target).times(decided));
}

/**
 * Measures one HandoffSla on items whose clock events are resolved to times: overall
 * counts and compliance, response time and open age, per target, escalation step, owner,
 * team and ISO week. Durations are business time of the SLA's calendar (see
 * `toBusinessHours`); every row is decided by `measureSlaRows`, and the metrics are defined
 * in the README's metric reference (Handoff SLAs). For the compliance of other windows or periods of the same
 * run, `measureSlaRows` once and `tallySlaByPeriod` per set of periods is cheaper than
 * measuring again. Throws a `RevopsError` (`config`) when the SLA's calendar is not loaded.
 */
export function measureSla(policy: Policy<'HandoffSla'>, items: SlaItems, ctx: EngineContext): SlaResult {
  const { spec } = policy;
  const outcomes = measureSlaRows(policy, items, ctx);
  const { status, target, thresholds } = outcomes;
  const overall = tallyGroups(status, () => 0, 1)[0] as SlaCounts;
  const perTarget = tallyGroups(status, (i) => target[i] as number, spec.targets.length);
  const waits = splitWaits(outcomes);
  const { reached, recycled } = countEscalations(outcomes);
  const { byOwner, byTeam } = groupByOwner(status, (i) => items.ownerOf(i), ctx.users);
  const weeks = listPeriods('week', ctx.window, ctx.timeZone);
  const perWeek = tallySlaByPeriod(outcomes, items.from, weeks);
  const hours = (ms: number): number => roundTo(ms / HOUR_MS, 2);

  return {
    name: policy.metadata.name,
    file: policy.file,
    from: spec.from,
    to: spec.to,
    calendar: spec.calendar,
    workingDayHours: roundTo(thresholds.workingDayHours, 2),
    ownerTeam: spec.owner ?? null,
    decided: overall.met + overall.breached,
    complianceTarget: spec.complianceTarget ?? null,
    isComplianceMet: meetsComplianceTarget(overall, spec.complianceTarget),
    ...overall,
    response: summariseHours(waits.response),
    openAge: summariseHours(waits.openAge),
    targets: spec.targets.map((t, k) => {
      const { eligible, met, breached, pending, invalidOrder, compliance } = perTarget[k] as SlaCounts;
      const withinHours = hours(thresholds.withinMs[k] as number);
      return { id: t.id, within: t.within, withinHours, eligible, met, breached, pending, invalidOrder, compliance };
    }),
    escalations: (spec.escalation ?? []).map((e, s) => ({
      after: e.after,
      afterHours: hours(thresholds.escalationMs[s] as number),
      notify: e.notify,
      reached: reached[s] ?? 0,
    })),
    recycled,
    byOwner,
    byTeam,
    byWeek: weeks.map((week, w) => ({ label: week.label, ...(perWeek[w] as SlaCounts) })),
    ruleErrors: { count: outcomes.ruleErrors.count, example: exampleOf(outcomes, items) },
  };
}
