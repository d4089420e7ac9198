import { UsageError } from '../core/errors.js';
import { needsApproval } from '../core/waivers/guardrail-waivers.js';
import type { GuardrailVerdict, PullReview } from './approvals.js';
import { findApprovers, judgeGuardrails, listWaivedGuardrails } from './approvals.js';
import type { GitHubClient } from './client.js';
import type { PullRequestTarget } from './context.js';
import { hasGitHubStatus } from './errors.js';
import type { GuardrailStatus } from './guardrail-status.js';
import { refuseToJudge, summariseGuardrails } from './guardrail-status.js';
import type { ImpactGuardrails } from './impact-guardrails.js';
import type { PullFiles } from './pull-files.js';
import type { ReviewerOutcome, ReviewerRequest } from './review-requests.js';
import { listRequestedReviewers, planReviewerRequests, requestReviewers } from './review-requests.js';
import { describeTruncatedFiles, listPullFiles } from './pull-files.js';

export const defaultStatusContext = 'revops-policy/guardrails';

export interface GuardrailCheckOptions {
  context: string;
  isDryRun: boolean;
  /** Where the status links to (the workflow run), when known. */
  targetUrl?: string;
  /** Ask the approvers of the guardrails still missing approvals to review (after the status is set). */
  requestReviewers: boolean;
}

export interface GuardrailCheckResult {
  headSha: string;
  /** The pull request's head now, when it differs from the commit judged. */
  currentHeadSha?: string;
  author: string;
  approvers: string[];
  verdicts: GuardrailVerdict[];
  status: GuardrailStatus;
  isStatusSet: boolean;
  /** The pull request's changed files; when `truncated`, nothing was judged and the status is a failure saying why. */
  files: PullFiles;
  /** The reviewers planned (and, unless a dry run, asked) when approvals are missing and requests are on. */
  reviewers?: { plan: ReviewerRequest; outcome?: ReviewerOutcome };
}

function createMembershipLookup(client: GitHubClient): (team: string, login: string) => Promise<boolean> {
  const cache = new Map<string, Promise<boolean>>();
  return (team, login) => {
    const key = `${team.toLowerCase()}\n${login.toLowerCase()}`;
    let found = cache.get(key);
    if (found === undefined) {
      const [org = '', slug = ''] = team.split('/');
      found = client.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login }).then(
        ({ data }) => data.state === 'active',
        (error: unknown) => {
          if (hasGitHubStatus(error, 404)) return false;
          throw error;
        },
      );
      cache.set(key, found);
    }
    return found;
  };
}

/**
 * Reads the pull request, its changed files and its reviews, judges every crossed guardrail
 * on the head commit and sets the commit status (unless a dry run). Guardrails come from the
 * report, which was built from the base branch's policies. A pull request whose files GitHub
 * cannot list in full (its 3,000-file cap) is not judged: the status is a failure saying why.
 */
export async function checkGuardrailApprovals(
  client: GitHubClient,
  target: PullRequestTarget,
  impact: ImpactGuardrails,
  options: GuardrailCheckOptions,
): Promise<GuardrailCheckResult> {
  const repo = { owner: target.owner, repo: target.repo };
  const { data: pull } = await client.rest.pulls.get({ ...repo, pull_number: target.pullNumber });
  const currentHead = pull.head.sha.toLowerCase();
  const headSha = target.headSha ?? currentHead;
  if (impact.headSha !== headSha) {
    throw new UsageError(
      `The impact report is for commit ${impact.headSha}, not the head ${headSha}: build the report on the head commit.`,
    );
  }
  const author = pull.user.login;
  const files = await listPullFiles(client, {
    ...target,
    ...(typeof pull.changed_files === 'number' ? { changedFiles: pull.changed_files } : {}),
  });

  let approvers: string[] = [];
  let verdicts: GuardrailVerdict[] = [];
  let reviews: PullReview[] = [];
  if (!files.truncated && impact.guardrails.some(needsApproval)) {
    reviews = await client.paginate(client.rest.pulls.listReviews, {
      ...repo,
      pull_number: target.pullNumber,
      per_page: 100,
    });
    approvers = findApprovers(reviews, headSha, author);
    verdicts = await judgeGuardrails(impact.guardrails, approvers, createMembershipLookup(client));
  }
  // A change GitHub cannot list in full cannot be judged: the report may not cover it.
  const status = files.truncated
    ? refuseToJudge(describeTruncatedFiles(files))
    : summariseGuardrails(verdicts, listWaivedGuardrails(impact.guardrails));
  if (!options.isDryRun) {
    await client.rest.repos.createCommitStatus({
      ...repo,
      sha: headSha,
      state: status.state,
      description: status.description,
      context: options.context,
      ...(options.targetUrl === undefined ? {} : { target_url: options.targetUrl }),
    });
  }
  let reviewers: GuardrailCheckResult['reviewers'];
  if (options.requestReviewers && verdicts.some((v) => !v.isSatisfied)) {
    const plan = planReviewerRequests({
      verdicts,
      owner: target.owner,
      author,
      requested: await listRequestedReviewers(client, target),
      reviewedHead: reviews
        .filter((r) => r.commit_id?.toLowerCase() === headSha && r.state.toUpperCase() !== 'PENDING')
        .map((r) => r.user?.login ?? ''),
    });
    reviewers = options.isDryRun ? { plan } : { plan, outcome: await requestReviewers(client, target, plan) };
  }
  return {
    headSha,
    ...(currentHead === headSha ? {} : { currentHeadSha: currentHead }),
    ...(reviewers === undefined ? {} : { reviewers }),
    author,
    approvers,
    verdicts,
    status,
    isStatusSet: !options.isDryRun,
    files,
  };
}
