import { UsageError } from '../core/errors.js';

/** Where a pull request lives and how to reach it; flags win over the Actions environment. */
export interface PullRequestTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head commit the run describes, when a flag or the event names one. */
  headSha?: string;
  token: string;
  apiUrl: string;
}

export interface TargetFlags {
  repo?: string;
  pr?: string;
  token?: string;
  apiUrl?: string;
  eventPath?: string;
  headSha?: string;
}

/** What a workflow event payload says about its pull request. */
export interface EventPullRequest {
  pullNumber?: number;
  headSha?: string;
}

const repoPattern = /^([A-Za-z0-9_.-]{1,100})\/([A-Za-z0-9_.-]{1,100})$/;
const shaPattern = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const defaultApiUrl = 'https://api.github.com';

/** A short, single-line account of an untrusted JSON value for a message. */
function describeJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  const flat = text.replace(/[^\x20-\x7e]/g, '?');
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/** A pull request number given as text (a flag): decimal digits only, no sign, space or leading zero. */
export function parsePullNumber(text: string, source: string): number {
  const value = /^[1-9]\d{0,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value))
    throw new UsageError(
      `${source} must be a pull request number (a positive integer, digits only), not ${describeJson(text)}.`,
    );
  return value;
}

/**
 * A pull request number in a JSON payload: a JSON number that is a safe positive integer, never a
 * string or an array.
 */
export function readPullNumber(value: unknown, source: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${source} must be a positive integer (a JSON number), not ${describeJson(value)}.`);
  }
  return value;
}

export function parseSha(text: string, source: string): string {
  const sha = text.trim().toLowerCase();
  if (!shaPattern.test(sha))
    throw new UsageError(`${source} must be a full commit SHA (40 hexadecimal digits), not ${describeJson(text)}.`);
  return sha;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The pull request number and head SHA of a `pull_request`/`pull_request_review` event, a
 * `workflow_run` event for exactly one pull request, or an `issue_comment` on a pull request.
 * Every field is checked: the payload is untrusted input.
 */
export function readEventPullRequest(payload: unknown, source: string): EventPullRequest {
  const root = record(payload);
  if (root === undefined) throw new UsageError(`${source} is not a JSON object (a workflow event payload).`);
  const found: { number?: unknown; sha?: unknown } = {};
  const pull = record(root.pull_request);
  const run = record(root.workflow_run);
  const issue = record(root.issue);
  if (pull !== undefined) {
    found.number = pull.number ?? root.number;
    found.sha = record(pull.head)?.sha;
  } else if (run !== undefined) {
    const pulls = Array.isArray(run.pull_requests) ? run.pull_requests : [];
    if (pulls.length === 1) found.number = record(pulls[0])?.number;
    found.sha = run.head_sha;
  } else if (issue !== undefined && record(issue.pull_request) !== undefined) {
    found.number = issue.number;
  }
  const result: EventPullRequest = {};
  if (found.number !== undefined)
    result.pullNumber = readPullNumber(found.number, `The pull request number in ${source}`);
  if (found.sha !== undefined) {
    if (typeof found.sha !== 'string')
      throw new UsageError(`The head SHA in ${source} must be a string, not ${describeJson(found.sha)}.`);
    result.headSha = parseSha(found.sha, `The head SHA in ${source}`);
  }
  return result;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Resolves the repository, pull request, head SHA, token and API URL from flags, then
 * `GITHUB_*` variables and the event payload, as every Action does. Missing or malformed
 * values are usage errors naming the variable and the flag.
 */
export async function resolvePullRequestTarget(
  flags: TargetFlags,
  env: Readonly<Record<string, string | undefined>>,
  readText: (path: string) => Promise<string>,
): Promise<PullRequestTarget> {
  const token = nonEmpty(flags.token) ?? nonEmpty(env.GITHUB_TOKEN);
  if (token === undefined)
    throw new UsageError(
      'No GitHub token: set GITHUB_TOKEN (in a workflow: `env: GITHUB_TOKEN: ${{ github.token }}`) or pass --token.',
    );
  const repoText = nonEmpty(flags.repo) ?? nonEmpty(env.GITHUB_REPOSITORY);
  if (repoText === undefined) throw new UsageError('No repository: set GITHUB_REPOSITORY (owner/name) or pass --repo.');
  const repoMatch = repoPattern.exec(repoText);
  if (repoMatch === null)
    throw new UsageError(
      `${flags.repo === undefined ? 'GITHUB_REPOSITORY' : '--repo'} must be owner/name, not "${repoText}".`,
    );
  const apiUrl = nonEmpty(flags.apiUrl) ?? nonEmpty(env.GITHUB_API_URL) ?? defaultApiUrl;
  if (!/^https?:\/\/[^\s/]+/.test(apiUrl))
    throw new UsageError(
      `${flags.apiUrl === undefined ? 'GITHUB_API_URL' : '--api-url'} must be an http(s) URL, not "${apiUrl}".`,
    );

  // An empty flag (e.g. `--pr "$PR"` with PR unset) means "not given"; anything else must be digits only.
  const prFlag = flags.pr === '' ? undefined : flags.pr;
  const shaFlag = nonEmpty(flags.headSha);
  let event: EventPullRequest = {};
  const eventPath = nonEmpty(flags.eventPath) ?? nonEmpty(env.GITHUB_EVENT_PATH);
  if (eventPath !== undefined && (prFlag === undefined || shaFlag === undefined)) {
    const source = flags.eventPath === undefined ? `GITHUB_EVENT_PATH (${eventPath})` : `--event-path ${eventPath}`;
    let payload: unknown;
    try {
      payload = JSON.parse(await readText(eventPath));
    } catch (error) {
      throw new UsageError(
        `Cannot read the event payload ${source}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    event = readEventPullRequest(payload, source);
  }
  const pullNumber = prFlag === undefined ? event.pullNumber : parsePullNumber(prFlag, '--pr');
  if (pullNumber === undefined) {
    throw new UsageError(
      'No pull request number: run on a pull_request event (GITHUB_EVENT_PATH names its payload) or pass --pr.',
    );
  }
  const headSha = shaFlag === undefined ? event.headSha : parseSha(shaFlag, '--head-sha');
  return {
    owner: repoMatch[1] ?? '',
    repo: repoMatch[2] ?? '',
    pullNumber,
    ...(headSha === undefined ? {} : { headSha }),
    token,
    apiUrl,
  };
}
