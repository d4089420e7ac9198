import type { WaiverMark } from '../core/issue.js';

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
