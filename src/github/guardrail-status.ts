import type { GuardrailVerdict } from './approvals.js';

/** GitHub truncates nothing: a longer commit status description is refused. */
export const statusDescriptionLimit = 140;

export interface GuardrailStatus {
  state: 'success' | 'failure';
  /** One line for the commit status, at most 140 characters. */
  description: string;
  /** The full account, one line each, for the log. */
  lines: string[];
}

function fitDescription(text: string): string {
  const chars = [...text];
  return chars.length <= statusDescriptionLimit ? text : `${chars.slice(0, statusDescriptionLimit - 1).join('')}…`;
}

/** `vp-sales or org/people-ops`, `cfo, vp-finance or org/finance`. */
function listApprovers(verdict: GuardrailVerdict): string {
  const all = [...verdict.guardrail.approvers.users, ...verdict.guardrail.approvers.teams];
  if (all.length === 0) return 'nobody (no approver is listed)';
  return all.length === 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} or ${all.at(-1) ?? ''}`;
}

function missingCount(verdict: GuardrailVerdict): number {
  return Math.max(0, verdict.guardrail.approvers.minApprovals - verdict.approvedBy.length);
}

function describeLine(verdict: GuardrailVerdict): string[] {
  const { guardrail } = verdict;
  const head = `${verdict.isSatisfied ? 'approved' : 'missing '}  ${guardrail.id}${guardrail.reason === '' ? '' : `: ${guardrail.reason}`}`;
  const needs = guardrail.approvers.minApprovals;
  const lines = [head, `            needs ${needs} approval${needs === 1 ? '' : 's'} from ${listApprovers(verdict)}`];
  lines.push(
    `            approved by ${verdict.approvedBy.length === 0 ? 'nobody yet' : verdict.approvedBy.join(', ')}`,
  );
  return lines;
}

/** The commit status for a set of verdicts: success when every crossed guardrail has its approvals. */
export function summariseGuardrails(verdicts: readonly GuardrailVerdict[]): GuardrailStatus {
  if (verdicts.length === 0)
    return { state: 'success', description: 'No guardrail crossed', lines: ['No guardrail crossed.'] };
  const lines = verdicts.flatMap(describeLine);
  const missing = verdicts.filter((v) => !v.isSatisfied);
  if (missing.length === 0) {
    const approvers = [...new Set(verdicts.flatMap((v) => v.approvedBy))].sort((a, b) => a.localeCompare(b));
    return { state: 'success', description: fitDescription(`Approved by ${approvers.join(', ')}`), lines };
  }
  const parts = missing.map((v) => {
    const count = missingCount(v);
    const more = v.approvedBy.length === 0 ? `${count} of ` : `${count} more of `;
    return `${v.guardrail.id} needs ${count === 1 && v.approvedBy.length === 0 ? '' : more}${listApprovers(v)}`;
  });
  return { state: 'failure', description: fitDescription(`Approval missing: ${parts.join('; ')}`), lines };
}

/** A failure status for a pull request that cannot be judged at all, with the reason. */
export function refuseToJudge(reason: string): GuardrailStatus {
  return { state: 'failure', description: fitDescription(`Not judged: ${reason}`), lines: [`Not judged: ${reason}.`] };
}
