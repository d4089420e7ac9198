import { randomUUID } from 'node:crypto';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

const RevopsOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);

export type GitHubClient = InstanceType<typeof RevopsOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl: string;
  userAgent: string;
  /** Where warnings go (rate-limit waits, deprecations); never the token. */
  warn(message: string): void;
  /** Longest rate-limit wait worth sitting through, in seconds; longer ones fail the run. */
  maxRateLimitWaitSeconds?: number;
  /** How many times one request is retried after a rate limit. */
  maxRateLimitRetries?: number;
}

/**
 * An Octokit with the REST methods, pagination, retries with backoff for server errors, and
 * GitHub's recommended throttling: writes are spaced, and a 403/429 rate limit waits for
 * `Retry-After` or `x-ratelimit-reset` before retrying.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const maxWait = options.maxRateLimitWaitSeconds ?? 300;
  const maxRetries = options.maxRateLimitRetries ?? 3;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const isRetrying = retryCount < maxRetries && retryAfter <= maxWait;
      options.warn(
        isRetrying
          ? `GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter}s`
          : `GitHub ${kind} on ${request.method} ${request.url}; giving up (retry ${retryCount + 1} would wait ${retryAfter}s)`,
      );
      return isRetrying;
    };
  return new RevopsOctokit({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent,
    log: { debug: () => undefined, info: () => undefined, warn: (m: string) => options.warn(m), error: (m: string) => options.warn(m) },
    // Rate limits belong to the throttling plugin (it honours the headers); the retry plugin backs off on 5xx.
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      // One key per client, so the spacing between writes applies within a run.
      id: `revops-${randomUUID()}`,
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
  });
}
