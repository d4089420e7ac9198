import type { GuardrailVerdict } from './approvals.js';
import { joinNames, phraseApprovers, phraseGuardrailWaiver } from '../reporters/phrase-guardrail.js';
import type { ImpactGuardrail } from './impact-guardrails.js';

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

/** `vp-sales`, `any one of vp-sales or org/people-ops`, `all of cfo and org/finance`. */
function listApprovers(verdict: GuardrailVerdict): string {
  return phraseApprovers(verdict.guardrail.approvers);
}

function missingCount(verdict: GuardrailVerdict): number {
  return Math.max(0, verdict.guardrail.approvers.minApprovals - verdict.approvedBy.length);
}

function describeLine(verdict: GuardrailVerdict): string[] {
  const { guardrail } = verdict;
  const head = `${verdict.isSatisfied ? 'approved' : 'missing '}  ${guardrail.id}${guardrail.reason === '' ? '' : `: ${guardrail.reason}`}`;
  const needs = guardrail.approvers.minApprovals;
  const from =
    guardrail.approvers.requires === 'all'
      ? `needs ${listApprovers(verdict)}`
      : `needs ${needs} approval${needs === 1 ? '' : 's'} from ${listApprovers(verdict)}`;
  const lines = [head, `            ${from}`];
  lines.push(
    `            approved by ${verdict.approvedBy.length === 0 ? 'nobody yet' : verdict.approvedBy.join(', ')}`,
  );
  return lines;
}

/** What a guardrail still needs, for the one-line status. */
function describeMissing(v: GuardrailVerdict): string {
  if (v.guardrail.approvers.requires === 'all') {
    const left = [...v.missing.users, ...v.missing.teams];
    return `${v.guardrail.id} needs ${v.approvedBy.length === 0 ? listApprovers(v) : `also ${joinNames(left, 'and')}`}`;
  }
  const count = missingCount(v);
  const more = v.approvedBy.length === 0 ? `${count} of ` : `${count} more of `;
  const all = [...v.guardrail.approvers.users, ...v.guardrail.approvers.teams];
  const who = all.length === 0 ? listApprovers(v) : joinNames(all, 'or');
  return `${v.guardrail.id} needs ${count === 1 && v.approvedBy.length === 0 ? (all.length > 1 ? 'one of ' : '') : more}${who}`;
}

/** A crossed guardrail a base-branch waiver accepts: shown, needing nobody. */
function describeWaived(g: ImpactGuardrail): string[] {
  return [
    `waived    ${g.id}${g.reason === '' ? '' : `: ${g.reason}`}`,
    `            ${g.waiver === undefined ? '' : phraseGuardrailWaiver(g.waiver)}`,
  ];
}

/**
 * The commit status for a set of verdicts: success when every crossed guardrail has its
 * approvals. `waived` are the crossed guardrails a base-branch waiver accepts: listed, judged not.
 */
export function summariseGuardrails(
  verdicts: readonly GuardrailVerdict[],
  waived: readonly ImpactGuardrail[] = [],
): GuardrailStatus {
  const waivedLines = waived.flatMap(describeWaived);
  if (verdicts.length === 0 && waived.length > 0)
    return {
      state: 'success',
      description: fitDescription(
        `No approval needed: ${waived.length} crossed guardrail(s) waived on the base branch`,
      ),
      lines: waivedLines,
    };
  if (verdicts.length === 0)
    return { state: 'success', description: 'No guardrail crossed', lines: ['No guardrail crossed.'] };
  const lines = [...verdicts.flatMap(describeLine), ...waivedLines];
  const missing = verdicts.filter((v) => !v.isSatisfied);
  if (missing.length === 0) {
    const approvers = [...new Set(verdicts.flatMap((v) => v.approvedBy))].sort((a, b) => a.localeCompare(b));
    return { state: 'success', description: fitDescription(`Approved by ${approvers.join(', ')}`), lines };
  }
  const parts = missing.map(describeMissing);
  return { state: 'failure', description: fitDescription(`Approval missing: ${parts.join('; ')}`), lines };
}

/** A failure status for a pull request that cannot be judged at all, with the reason. */
export function refuseToJudge(reason: string): GuardrailStatus {
  return { state: 'failure', description: fitDescription(`Not judged: ${reason}`), lines: [`Not judged: ${reason}.`] };
}
