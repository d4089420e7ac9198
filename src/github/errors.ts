import { RequestError } from '@octokit/request-error';

export function isRequestError(error: unknown): error is RequestError {
  return error instanceof RequestError || (error instanceof Error && error.name === 'HttpError' && typeof (error as { status?: unknown }).status === 'number');
}

function requestLine(error: RequestError): string {
  const { method, url } = error.request;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Keep the URL as given.
  }
  return `${method} ${path}`;
}

/**
 * One line for a failed GitHub request: what was asked, the HTTP status and GitHub's own
 * message. Undefined when the error is not a GitHub request failure.
 */
export function describeGitHubFailure(error: unknown): string | undefined {
  if (!isRequestError(error)) return undefined;
  if (error.response === undefined) return `could not reach GitHub (${requestLine(error)}): ${error.message}`;
  const hints: Record<number, string> = {
    401: ' (check the token)',
    403: ' (the token may lack a permission this needs: see the workflow’s `permissions:`)',
    404: ' (it does not exist, or the token cannot see it)',
  };
  const hint = hints[error.status] ?? '';
  return `GitHub refused ${requestLine(error)} with HTTP ${error.status}: ${error.message}${hint}`;
}
