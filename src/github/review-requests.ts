import type { GuardrailVerdict } from './approvals.js';
import type { GitHubClient } from './client.js';
import type { PullRequestTarget } from './context.js';
import { describeGitHubFailure, hasGitHubStatus } from './errors.js';

/** Reviewers to request on a pull request: logins, and team slugs of the repository's organisation. */
export interface ReviewerRequest {
  users: string[];
  /** Slugs without the organisation, as `team_reviewers` takes them. */
  teams: string[];
  /** Approvers left out, and why (the author, a team of another organisation). */
  notes: string[];
}

/** Who is asked already: GitHub's pending review requests. */
export interface RequestedReviewers {
  users: string[];
  teams: string[];
}

export interface ReviewerPlanInput {
  verdicts: readonly GuardrailVerdict[];
  /**
   * The repository's owner: only its teams can be asked to review (by slug). Unknown offline:
   * then every team is kept, as `org/team-slug`, since nothing is sent.
   */
  owner?: string;
  /** The pull request's author, who cannot review their own change; unknown offline. */
  author?: string;
  requested: RequestedReviewers;
  /** Who has submitted a review of the head commit (they have seen it). */
  reviewedHead: readonly string[];
}

const lower = (names: readonly string[]): Set<string> => new Set(names.map((n) => n.toLowerCase()));

/**
 * The reviewers to request for the guardrails still missing approvals: each listed user or
 * team no approval stands for yet, once. Nobody already requested, nobody who reviewed the
 * head commit (an approval on an older commit does not count, so they are asked again), never
 * the author, and no team outside the repository's organisation (GitHub cannot ask it).
 */
export function planReviewerRequests(input: ReviewerPlanInput): ReviewerRequest {
  const skipUsers = lower([...input.requested.users, ...input.reviewedHead]);
  const skipTeams = lower(input.requested.teams);
  const plan: ReviewerRequest = { users: [], teams: [], notes: [] };
  const author = input.author?.toLowerCase();
  for (const verdict of input.verdicts.filter((v) => !v.isSatisfied)) {
    for (const user of verdict.missing.users) {
      const key = user.toLowerCase();
      if (key === author) {
        const note = `${user} (${verdict.guardrail.id}) is the author, who cannot approve their own change`;
        if (!plan.notes.includes(note)) plan.notes.push(note);
      } else if (!skipUsers.has(key)) {
        skipUsers.add(key);
        plan.users.push(user);
      }
    }
    for (const team of verdict.missing.teams) {
      const [org = '', slug = ''] = team.split('/');
      const name = input.owner === undefined ? team : slug;
      if (input.owner !== undefined && org.toLowerCase() !== input.owner.toLowerCase()) {
        const note = `team ${team} (${verdict.guardrail.id}) is not in ${input.owner}, so GitHub cannot ask it to review`;
        if (!plan.notes.includes(note)) plan.notes.push(note);
      } else if (!skipTeams.has(name.toLowerCase())) {
        skipTeams.add(name.toLowerCase());
        plan.teams.push(name);
      }
    }
  }
  return plan;
}

/** The pull request's pending review requests. */
export async function listRequestedReviewers(
  client: GitHubClient,
  target: PullRequestTarget,
): Promise<RequestedReviewers> {
  const { data } = await client.rest.pulls.listRequestedReviewers({
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
  });
  return { users: data.users.map((u) => u.login), teams: data.teams.map((t) => t.slug) };
}

/** What GitHub did with a request: who was asked, and who it refused (one line each, from GitHub). */
export interface ReviewerOutcome {
  requested: { users: string[]; teams: string[] };
  refused: { reviewer: string; reason: string }[];
}

/**
 * Asks for the planned reviews in one request. GitHub refuses the whole request (422) when
 * one of them is not a collaborator; then each is asked alone, so the others are still
 * asked and each refusal is reported, not fatal. Any other failure is thrown.
 */
export async function requestReviewers(
  client: GitHubClient,
  target: PullRequestTarget,
  plan: Pick<ReviewerRequest, 'users' | 'teams'>,
): Promise<ReviewerOutcome> {
  const outcome: ReviewerOutcome = { requested: { users: [], teams: [] }, refused: [] };
  if (plan.users.length === 0 && plan.teams.length === 0) return outcome;
  const ask = (reviewers: string[], teams: string[]) =>
    client.rest.pulls.requestReviewers({
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pullNumber,
      reviewers,
      team_reviewers: teams,
    });
  try {
    await ask(plan.users, plan.teams);
    return { ...outcome, requested: { users: [...plan.users], teams: [...plan.teams] } };
  } catch (error) {
    if (!hasGitHubStatus(error, 422)) throw error;
  }
  const one = async (kind: 'users' | 'teams', name: string): Promise<void> => {
    try {
      await (kind === 'users' ? ask([name], []) : ask([], [name]));
      outcome.requested[kind].push(name);
    } catch (error) {
      if (!hasGitHubStatus(error, 422)) throw error;
      outcome.refused.push({
        reviewer: kind === 'users' ? name : `team ${name}`,
        reason: describeGitHubFailure(error) ?? 'GitHub refused it',
      });
    }
  };
  for (const user of plan.users) await one('users', user);
  for (const team of plan.teams) await one('teams', team);
  return outcome;
}
