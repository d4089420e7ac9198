import type { ImpactGuardrail } from './impact-guardrails.js';

/** The fields of a pull request review this module reads. */
export interface PullReview {
  id: number | bigint;
  user: { login: string } | null;
  state: string;
  commit_id: string | null;
  submitted_at?: string | null | undefined;
}

/** How one crossed guardrail stands on the head commit. */
export interface GuardrailVerdict {
  guardrail: ImpactGuardrail;
  /** Reviewers whose approval counts for this guardrail. */
  approvedBy: string[];
  isSatisfied: boolean;
}

/**
 * Reviews that decide a reviewer's stance; a comment neither grants nor withdraws approval, a
 * pending review is not submitted.
 */
const decisiveStates = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

function byTime(a: PullReview, b: PullReview): number {
  const ta = a.submitted_at ?? '';
  const tb = b.submitted_at ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

/**
 * Reviewers whose latest decisive review is an approval of the head commit. The pull
 * request's author never counts: nobody approves their own change.
 */
export function findApprovers(reviews: readonly PullReview[], headSha: string, author: string): string[] {
  const latest = new Map<string, PullReview>();
  for (const review of [...reviews].sort(byTime)) {
    if (review.user === null || !decisiveStates.has(review.state.toUpperCase())) continue;
    latest.set(review.user.login.toLowerCase(), review);
  }
  return [...latest.values()]
    .filter(
      (r) =>
        r.state.toUpperCase() === 'APPROVED' &&
        r.commit_id?.toLowerCase() === headSha.toLowerCase() &&
        r.user?.login.toLowerCase() !== author.toLowerCase(),
    )
    .map((r) => r.user?.login ?? '')
    .sort((a, b) => a.localeCompare(b));
}

/** Whether `login` is an active member of `org/team-slug`. */
export type TeamMembershipLookup = (team: string, login: string) => Promise<boolean>;

/**
 * Judges every crossed guardrail: each approver counts once, as a listed user or as a member
 * of a listed team, and the guardrail passes with `minApprovals` of them.
 */
export async function judgeGuardrails(
  guardrails: readonly ImpactGuardrail[],
  approvers: readonly string[],
  isTeamMember: TeamMembershipLookup,
): Promise<GuardrailVerdict[]> {
  const verdicts: GuardrailVerdict[] = [];
  for (const guardrail of guardrails.filter((g) => g.isCrossed)) {
    const users = new Set(guardrail.approvers.users.map((u) => u.toLowerCase()));
    const approvedBy: string[] = [];
    for (const login of approvers) {
      if (users.has(login.toLowerCase())) {
        approvedBy.push(login);
        continue;
      }
      for (const team of guardrail.approvers.teams) {
        if (await isTeamMember(team, login)) {
          approvedBy.push(login);
          break;
        }
      }
    }
    verdicts.push({ guardrail, approvedBy, isSatisfied: approvedBy.length >= guardrail.approvers.minApprovals });
  }
  return verdicts;
}
