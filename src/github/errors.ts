import { RequestError } from '@octokit/request-error';
import { RevopsError } from '../core/errors.js';

export function isRequestError(error: unknown): error is RequestError {
  return (
    error instanceof RequestError ||
    (error instanceof Error && error.name === 'HttpError' && typeof (error as { status?: unknown }).status === 'number')
  );
}

/**
 * A GitHub request that failed after every rate-limit wait and retry: `github-refused` with
 * the HTTP status GitHub answered, or `github-unreachable` without one. The message is one
 * line: what was asked, the status and GitHub's own message.
 */
export class GitHubError extends RevopsError {
  constructor(
    code: 'github-refused' | 'github-unreachable',
    message: string,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'GitHubError';
  }
}

/** A request still rate-limited after every retry, or asking for a wait longer than the run allows. */
export class GitHubRateLimitError extends GitHubError {
  constructor(message: string, status: number, options?: { cause?: unknown }) {
    super('github-refused', message, status, options);
    this.name = 'GitHubRateLimitError';
  }
}

/** Whether a request failed with this HTTP status (before or after `toGitHubError`). */
export function hasGitHubStatus(error: unknown, status: number): boolean {
  if (error instanceof GitHubError) return error.status === status;
  return isRequestError(error) && error.response !== undefined && error.status === status;
}

/** A request failure as a `GitHubError`; any other error unchanged. */
export function toGitHubError(error: unknown): unknown {
  if (error instanceof GitHubError || !isRequestError(error)) return error;
  const message = describeGitHubFailure(error) ?? flattenMessage(error.message);
  return error.response === undefined
    ? new GitHubError('github-unreachable', message, undefined, { cause: error })
    : new GitHubError('github-refused', message, error.status, { cause: error });
}

/** The request a failure was for, as `METHOD /path` (never the query or the host). */
export function describeRequest(error: RequestError): string {
  const { method, url } = error.request;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Keep the URL as given.
  }
  return `${method} ${path}`;
}

/** A server's message on one line, without control characters (it is printed to the log). */
export function flattenMessage(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/**
 * One line for a failed GitHub request: what was asked, the HTTP status and GitHub's own
 * message. Undefined when the error is not a GitHub request failure.
 */
export function describeGitHubFailure(error: unknown): string | undefined {
  if (error instanceof GitHubError) return flattenMessage(error.message);
  if (!isRequestError(error)) return undefined;
  if (error.response === undefined)
    return `could not reach GitHub (${describeRequest(error)}): ${flattenMessage(error.message)}`;
  const hints: Record<number, string> = {
    401: ' (check the token)',
    403: ' (the token may lack a permission this needs: see the workflow’s `permissions:`)',
    404: ' (it does not exist, or the token cannot see it)',
  };
  const hint = hints[error.status] ?? '';
  return `GitHub refused ${describeRequest(error)} with HTTP ${error.status}: ${flattenMessage(error.message)}${hint}`;
}
