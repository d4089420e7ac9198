import { describeRequest, flattenMessage, GitHubRateLimitError, isRequestError } from './errors.js';

/** What a rate-limited answer asks for: how long to wait and why. */
export interface RateLimitWait {
  status: number;
  /** The request, as `METHOD /path`. */
  request: string;
  /** Whole seconds to wait before the next try. */
  waitSeconds: number;
  /** GitHub's message, for the final error. */
  message: string;
  /** The answer named no time (neither `Retry-After` nor a reset): wait longer on each retry. */
  isGuess: boolean;
}

/** When a secondary rate limit names no time, GitHub's guidance is to wait at least a minute. */
const secondaryFallbackSeconds = 60;

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}

/** `Retry-After` as seconds (a count, or an HTTP date); undefined when absent or unreadable. */
function readRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d{1,10}$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/**
 * Whether a failed request is a rate limit, and how long GitHub asks us to wait, following its
 * REST guidance: a 429, or a 403 that says so (a `Retry-After` header, no requests remaining,
 * or a message about a rate limit). `Retry-After` wins; then `x-ratelimit-reset` when nothing
 * remains; otherwise a minute. Any other failure (a 403 for a missing permission) is not one.
 */
export function readRateLimit(error: unknown, nowMs: number): RateLimitWait | undefined {
  if (!isRequestError(error) || error.response === undefined) return undefined;
  const { status } = error;
  const headers = error.response.headers as Record<string, unknown> | undefined;
  const retryAfter = readRetryAfter(header(headers, 'retry-after'), nowMs);
  const isExhausted = header(headers, 'x-ratelimit-remaining') === '0';
  const isNamed = /\brate limit/i.test(error.message);
  if (status !== 429 && !(status === 403 && (retryAfter !== undefined || isExhausted || isNamed))) return undefined;
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  let waitSeconds: number | undefined = retryAfter;
  // One second past the reset, as GitHub advises; an unreadable reset counts as no time named.
  if (waitSeconds === undefined && isExhausted && Number.isFinite(reset) && reset > 0)
    waitSeconds = Math.max(0, Math.ceil(reset - nowMs / 1000) + 1);
  const base = { status, request: describeRequest(error), message: flattenMessage(error.message) };
  return waitSeconds === undefined
    ? { ...base, waitSeconds: secondaryFallbackSeconds, isGuess: true }
    : { ...base, waitSeconds, isGuess: false };
}

/** How the client waits out rate limits; the clock and sleep are injectable so tests never sleep. */
export interface RateLimitPolicy {
  /** Retries of one request after a rate limit before giving up. */
  maxRetries: number;
  /** The longest single wait worth sitting through, in seconds; a longer one fails at once. */
  maxWaitSeconds: number;
  now(): number;
  sleep(ms: number): Promise<void>;
  warn(message: string): void;
}

/**
 * Sends a request and, while GitHub answers with a rate limit, waits what it asks and sends it
 * again, at most `maxRetries` times; then fails with a `GitHubRateLimitError` saying why.
 */
export async function sendWithRateLimitRetries<T>(send: () => Promise<T>, policy: RateLimitPolicy): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await send();
    } catch (error) {
      const limit = readRateLimit(error, policy.now());
      if (limit === undefined) throw error;
      const what = limit.request;
      // GitHub: without a named time, wait a minute, then exponentially longer.
      if (limit.isGuess) limit.waitSeconds *= 2 ** retry;
      if (limit.waitSeconds > policy.maxWaitSeconds) {
        throw new GitHubRateLimitError(
          `GitHub rate limit on ${what}: HTTP ${limit.status} asks to wait ${limit.waitSeconds} s, longer than the ${policy.maxWaitSeconds} s this run waits (${limit.message})`,
          limit.status,
          { cause: error },
        );
      }
      if (retry >= policy.maxRetries) {
        throw new GitHubRateLimitError(
          `GitHub rate limit on ${what}: still HTTP ${limit.status} after ${policy.maxRetries} retries (${limit.message})`,
          limit.status,
          { cause: error },
        );
      }
      policy.warn(
        `GitHub rate limit (HTTP ${limit.status}) on ${what}; retry ${retry + 1} of ${policy.maxRetries} in ${limit.waitSeconds} s`,
      );
      await policy.sleep(limit.waitSeconds * 1000);
    }
  }
}
