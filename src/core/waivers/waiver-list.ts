import type { WaiverMark } from '../issue.js';
import type { Policy, WaiverEntry } from '../policy/types.js';

/** What a waiver accepts. */
export type WaiverTarget = 'validate' | 'guardrail' | 'data';

/** One waiver with the policy and index it was written at. */
export interface WaiverRef {
  policy: Policy<'Waiver'>;
  entry: WaiverEntry;
  index: number;
}

/** Every waiver of these Waiver policies, optionally only those of one target. */
export function listWaivers(policies: readonly Policy<'Waiver'>[], target?: WaiverTarget): WaiverRef[] {
  return policies.flatMap((policy) =>
    policy.spec.waivers
      .map((entry, index) => ({ policy, entry, index }))
      .filter(({ entry }) => target === undefined || entry[target] !== undefined),
  );
}

/**
 * The run's day in UTC, `YYYY-MM-DD`, from its clock (epoch ms) as the CLI passes it in. A
 * waiver counts through its `expires` day and is expired from the next.
 */
export function dayOf(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Whether a waiver no longer counts on `today` (both `YYYY-MM-DD`, which compare as text). */
export function isExpired(entry: WaiverEntry, today: string): boolean {
  return entry.expires < today;
}

/** The same calendar day a year later (29 February → 1 March). */
export function oneYearAfter(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + 1, month - 1, day)).toISOString().slice(0, 10);
}

/** How a waived finding is marked in every output. */
export function markOf(ref: WaiverRef): WaiverMark {
  return {
    policy: ref.policy.metadata.name,
    owner: ref.entry.owner,
    reason: ref.entry.reason,
    expires: ref.entry.expires,
  };
}

/**
 * Codes that cannot be waived: a file that does not parse or fails its schema is left out of
 * the policy set (waiving it would hide a policy that is not there), a waiver cannot waive
 * its own problems, and a FieldMapping finding changes what the data means (a custom field that
 * shadows a canonical one would replace the CRM's own column in every row).
 */
export function isWaivableCode(code: string): boolean {
  return !/^(file|yaml|policy|schema|waiver|mapping)\./.test(code);
}
