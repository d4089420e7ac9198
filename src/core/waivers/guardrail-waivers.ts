import type { Policy } from '../policy/types.js';
import type { GuardrailResult, GuardrailWaiver } from '../report/impact.js';
import type { WaiverRef } from './waiver-list.js';
import { isExpired, listWaivers, markOf } from './waiver-list.js';

function findFor(policies: readonly Policy<'Waiver'>[], id: string): WaiverRef[] {
  return listWaivers(policies, 'guardrail').filter((w) => w.entry.guardrail === id);
}

/**
 * Marks each crossed guardrail with its waiver. Only a waiver of the BASE policies in force on
 * `today` is `applied` (the guardrail then needs no approval, and stays crossed and shown): a
 * pull request edits the head, so a waiver it adds is only `proposed` and lifts nothing until it
 * merges, as the guardrails themselves are read from the base. A base waiver past its date is
 * `expired`. A guardrail not crossed has nothing to waive.
 */
export function markGuardrailWaivers(
  results: readonly GuardrailResult[],
  waivers: { base: readonly Policy<'Waiver'>[]; head: readonly Policy<'Waiver'>[] },
  today: string,
): GuardrailResult[] {
  return results.map((result) => {
    if (!result.isCrossed) return result;
    const base = findFor(waivers.base, result.id);
    const head = findFor(waivers.head, result.id);
    const inForce = (refs: WaiverRef[]): WaiverRef | undefined => refs.find((w) => !isExpired(w.entry, today));
    const applied = inForce(base);
    const proposed = inForce(head);
    const expired = base[0];
    let waiver: GuardrailWaiver | undefined;
    if (applied !== undefined) waiver = { ...markOf(applied), status: 'applied' };
    else if (proposed !== undefined) waiver = { ...markOf(proposed), status: 'proposed' };
    else if (expired !== undefined) waiver = { ...markOf(expired), status: 'expired' };
    return waiver === undefined ? result : { ...result, waiver };
  });
}

/** Whether a guardrail still needs its approvers: crossed, and no base waiver in force accepts it. */
export function needsApproval(result: Pick<GuardrailResult, 'isCrossed' | 'waiver'>): boolean {
  return result.isCrossed && result.waiver?.status !== 'applied';
}
