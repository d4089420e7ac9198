import { randomUUID } from 'node:crypto';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { toGitHubError } from './errors.js';
import { sendWithRateLimitRetries } from './rate-limit.js';

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
  /** The clock (epoch milliseconds) and the wait, injectable so tests never sleep. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An Octokit with the REST methods, pagination, retries with backoff for server errors, writes
 * spaced as GitHub recommends, and rate limits waited out: a 429, or a 403 that is a rate limit,
 * waits for `Retry-After` (else `x-ratelimit-reset`, else a minute, doubling) and is sent again,
 * a bounded number of times with a bounded wait; then the request fails saying so.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const client = new RevopsOctokit({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent,
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m: string) => options.warn(m),
      error: (m: string) => options.warn(m),
    },
    // Rate limits are ours (below); the retry plugin only backs off on 5xx.
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    // The throttling plugin spaces writes. Its own rate-limit retries miss a 429 whose message
    // does not say "secondary rate" and a 403 with only Retry-After, so it declines every one
    // and the hook below handles them all alike.
    throttle: {
      // One key per client, so the spacing between writes applies within a run.
      id: `revops-${randomUUID()}`,
      onRateLimit: () => false,
      onSecondaryRateLimit: () => false,
    },
  });
  const policy = {
    maxRetries: options.maxRateLimitRetries ?? 3,
    maxWaitSeconds: options.maxRateLimitWaitSeconds ?? 300,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? realSleep,
    warn: options.warn,
  };
  // Added last, so it wraps every plugin: each page of a listing is retried on its own, and
  // what finally fails leaves the client as a `GitHubError`.
  client.hook.wrap('request', async (request, requestOptions) => {
    try {
      return await sendWithRateLimitRetries(async () => request(requestOptions), policy);
    } catch (error) {
      throw toGitHubError(error);
    }
  });
  return client;
}
