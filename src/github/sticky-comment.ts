import type { GitHubClient } from './client.js';
import type { PullRequestTarget } from './context.js';
import { hasGitHubStatus } from './errors.js';
import type { RunStamp } from './marker.js';
import {
  buildMarker,
  comparableBody,
  compareRunStamps,
  findMarker,
  formatRunStamp,
  removeMarkerLines,
} from './marker.js';
import { truncateCommentBody } from './truncate.js';

export type CommentMode = 'update' | 'new' | 'delete-and-new';

/** The login GitHub gives comments posted with an Actions (installation) token. */
export const actionsBotLogin = 'github-actions[bot]';

/** The fields of an issue comment this module reads. */
/** Ids may arrive as bigint: GitHub's ids are parsed without losing digits. */
export type GitHubId = number | bigint;

export interface IssueComment {
  id: GitHubId;
  body?: string | undefined;
  user: { login: string } | null;
  html_url: string;
}

/** What the run will do (or, in a dry run, would do). */
export type StickyPlan =
  | { action: 'create' }
  | { action: 'update'; commentId: GitHubId }
  | { action: 'delete-and-create'; deleteIds: GitHubId[] }
  | { action: 'skip'; reason: 'unchanged'; commentId: GitHubId }
  | { action: 'skip'; reason: 'newer-run'; commentId: GitHubId; theirRun: string };

export interface PlanInput {
  comments: readonly IssueComment[];
  author: string;
  markerName: string;
  body: string;
  run?: RunStamp;
  mode: CommentMode;
}

export interface PreparedBody {
  body: string;
  isTruncated: boolean;
}

/** The marker line, then the body (without any marker line of ours it already had), cut to GitHub's limit. */
export function prepareCommentBody(
  body: string,
  markerName: string,
  fields: { sha?: string; run?: RunStamp },
): PreparedBody {
  const content = removeMarkerLines(body.replace(/\r\n?/g, '\n'), markerName).replace(/^\n+/, '');
  const full = `${buildMarker(markerName, fields)}\n${content.endsWith('\n') ? content : `${content}\n`}`;
  return truncateCommentBody(full);
}

function isSameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Our comments: the marker AND our author. Anyone else's comment is never touched, marker or not. */
export function findOwnComments(comments: readonly IssueComment[], author: string, markerName: string): IssueComment[] {
  return comments.filter(
    (c) => c.user !== null && isSameLogin(c.user.login, author) && findMarker(c.body ?? '', markerName) !== undefined,
  );
}

export function planStickyComment(input: PlanInput): StickyPlan {
  const ours = findOwnComments(input.comments, input.author, input.markerName);
  const latest = ours.at(-1);
  if (input.run !== undefined) {
    const ourRun = input.run;
    const newer = ours.find((c) => {
      const theirs = findMarker(c.body ?? '', input.markerName)?.run;
      return theirs !== undefined && compareRunStamps(theirs, ourRun) > 0;
    });
    const theirRun = newer === undefined ? undefined : findMarker(newer.body ?? '', input.markerName)?.run;
    if (newer !== undefined && theirRun !== undefined)
      return { action: 'skip', reason: 'newer-run', commentId: newer.id, theirRun: formatRunStamp(theirRun) };
  }
  if (input.mode === 'new') return { action: 'create' };
  if (input.mode === 'delete-and-new')
    return ours.length === 0 ? { action: 'create' } : { action: 'delete-and-create', deleteIds: ours.map((c) => c.id) };
  if (latest === undefined) return { action: 'create' };
  if (comparableBody(latest.body ?? '', input.markerName) === comparableBody(input.body, input.markerName)) {
    return { action: 'skip', reason: 'unchanged', commentId: latest.id };
  }
  return { action: 'update', commentId: latest.id };
}

/**
 * The token's login: `GET /user`, or for an installation (Actions) token, which may not call it,
 * `github-actions[bot]`.
 */
export async function resolveCommentAuthor(client: GitHubClient): Promise<string> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    if (hasGitHubStatus(error, 403)) return actionsBotLogin;
    throw error;
  }
}

export async function listIssueComments(client: GitHubClient, target: PullRequestTarget): Promise<IssueComment[]> {
  return client.paginate(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.pullNumber,
    per_page: 100,
  });
}

export interface StickyOutcome {
  plan: StickyPlan;
  /** The comment that now carries the report (absent after a skip or in a dry run). */
  comment?: { id: GitHubId; url: string };
  deletedIds: GitHubId[];
  /** The comment to update was deleted after it was listed, so a new one was created. */
  isRecreated: boolean;
}

function isNotFound(error: unknown): boolean {
  return hasGitHubStatus(error, 404);
}

/** Carries out a plan. A comment deleted between listing and editing is created anew. */
export async function applyStickyPlan(
  client: GitHubClient,
  target: PullRequestTarget,
  plan: StickyPlan,
  body: string,
): Promise<StickyOutcome> {
  const repo = { owner: target.owner, repo: target.repo };
  const create = async (): Promise<{ id: GitHubId; url: string }> => {
    const { data } = await client.rest.issues.createComment({ ...repo, issue_number: target.pullNumber, body });
    return { id: data.id, url: data.html_url };
  };
  const outcome: StickyOutcome = { plan, deletedIds: [], isRecreated: false };
  switch (plan.action) {
    case 'skip':
      return outcome;
    case 'create':
      return { ...outcome, comment: await create() };
    case 'update':
      try {
        const { data } = await client.rest.issues.updateComment({ ...repo, comment_id: plan.commentId, body });
        return { ...outcome, comment: { id: data.id, url: data.html_url } };
      } catch (error) {
        if (!isNotFound(error)) throw error;
        return { ...outcome, comment: await create(), isRecreated: true };
      }
    case 'delete-and-create':
      for (const id of plan.deleteIds) {
        try {
          await client.rest.issues.deleteComment({ ...repo, comment_id: id });
          outcome.deletedIds.push(id);
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }
      return { ...outcome, comment: await create() };
  }
}
