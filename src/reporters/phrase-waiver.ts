import type { WaiverMark } from '../core/issue.js';
import type { GuardrailWaiver } from '../core/report/impact.js';

/**
 * How every output marks a waived finding: `waived (owner, until 2027-03-31, reason)`. The
 * owner and reason come from a policy file (untrusted): callers escape the result for their output.
 */
export function phraseWaiver(mark: WaiverMark): string {
  return `waived (${mark.owner}, until ${mark.expires}, ${mark.reason})`;
}

/** `, 2 waived` when some are, for a summary line. */
export function phraseWaivedCount(issues: readonly { waiver?: WaiverMark }[]): string {
  const waived = issues.filter((i) => i.waiver !== undefined).length;
  return waived === 0 ? '' : `, ${waived} waived`;
}

/**
 * A crossed guardrail's waiver as every output says it: `waived (…)` when a base-branch waiver
 * lifts its approvals; a waiver only the pull request adds lifts nothing yet.
 */
export function phraseGuardrailWaiver(w: GuardrailWaiver): string {
  switch (w.status) {
    case 'applied':
      return phraseWaiver(w);
    case 'proposed':
      return `waiver proposed in this PR: takes effect after merge (${w.owner}, until ${w.expires}, ${w.reason})`;
    case 'expired':
      return `waiver expired on ${w.expires} (${w.owner}, ${w.reason})`;
  }
}
