import { UsageError } from '../core/errors.js';
import { sharedDefs } from '../core/schemas/shared.js';
import type { GuardrailVerdict } from './approvals.js';
import { judgeGuardrails, listWaivedGuardrails } from './approvals.js';
import type { GuardrailStatus } from './guardrail-status.js';
import { summariseGuardrails } from './guardrail-status.js';
import type { ImpactGuardrails } from './impact-guardrails.js';
import type { ReviewerRequest } from './review-requests.js';
import { planReviewerRequests } from './review-requests.js';

/** What `revops check` would decide, judged from the report alone. */
export interface OfflineJudgement {
  verdicts: GuardrailVerdict[];
  status: GuardrailStatus;
  /** The reviewers stage two would request (teams as `org/team-slug`; the author is unknown offline). */
  reviewers: ReviewerRequest;
}

/**
 * Judges an impact report's guardrails without GitHub, as `revops check` does with it (the
 * same judge, status and reviewer plan): `approvedBy` stands for the approvals of the head
 * commit, each a login or an `org/team-slug` meaning one approving member of that team.
 * Nothing is read or sent; nobody is requested yet.
 */
export async function judgeOffline(
  impact: Pick<ImpactGuardrails, 'guardrails'>,
  approvedBy: readonly string[],
): Promise<OfflineJudgement> {
  const isTeamMember = (team: string, login: string): Promise<boolean> =>
    Promise.resolve(team.toLowerCase() === login.toLowerCase());
  const verdicts = await judgeGuardrails(impact.guardrails, approvedBy, isTeamMember);
  return {
    verdicts,
    status: summariseGuardrails(verdicts, listWaivedGuardrails(impact.guardrails)),
    reviewers: planReviewerRequests({
      verdicts,
      requested: { users: [], teams: [] },
      reviewedHead: approvedBy.filter((a) => !a.includes('/')),
    }),
  };
}

const loginPattern = new RegExp(String(sharedDefs['github-login']?.pattern));
const teamPattern = new RegExp(String(sharedDefs['github-team']?.pattern));

/** `--approved-by vp-sales,org/finance`: logins and `org/team-slug` teams, in the shapes a guardrail admits. */
export function parseApprovedBy(text: string | undefined, flag = '--approved-by'): string[] {
  if (text === undefined) return [];
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names)
    if (!loginPattern.test(name) && !teamPattern.test(name))
      throw new UsageError(
        `${flag} takes GitHub logins and org/team-slug teams separated by commas, not ${JSON.stringify(name.slice(0, 60))}.`,
      );
  return names;
}
