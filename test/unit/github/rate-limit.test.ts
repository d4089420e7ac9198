import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubClient } from '../../../src/github/client.js';
import { createGitHubClient } from '../../../src/github/client.js';
import { describeGitHubFailure, GitHubRateLimitError } from '../../../src/github/errors.js';
import type { FakeGitHub, Fault } from '../../helpers/github-server.js';
import {
  fakeUser,
  primaryRateLimit,
  repoFullName,
  secondaryRateLimit,
  startFakeGitHub,
} from '../../helpers/github-server.js';

const [owner = '', repo = ''] = repoFullName.split('/');
const now = Date.parse('2026-04-01T09:00:00Z');
const tooMany = (headers: Record<string, string> = {}): NonNullable<Fault['respond']> => ({
  status: 429,
  headers,
  body: { message: 'Too Many Requests' },
});

describe('the GitHub client under rate limits (clock and sleep injected)', () => {
  let github: FakeGitHub;
  let sleeps: number[];
  let warnings: string[];
  let client: GitHubClient;

  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addToken('t', 'installation');
    github.addPull(7, fakeUser('revops-analyst'), 'a'.repeat(40));
    sleeps = [];
    warnings = [];
    client = createGitHubClient({
      token: 't',
      apiUrl: github.url,
      userAgent: 'test',
      warn: (m) => warnings.push(m),
      now: () => now,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    });
  });
  afterEach(async () => {
    await github.close();
  });

  const getPull = () => client.rest.pulls.get({ owner, repo, pull_number: 7 });
  const pullCalls = (): number => github.requests.filter((r) => r.path.endsWith('/pulls/7')).length;

  it('waits Retry-After on a 429 and retries', async () => {
    github.fail({ method: 'GET', path: /\/pulls\/7$/, times: 2, respond: tooMany({ 'retry-after': '7' }) });
    const { data } = await getPull();
    expect(data.number).toBe(7);
    expect(sleeps).toEqual([7000, 7000]);
    expect(pullCalls()).toBe(3);
    expect(warnings).toEqual([
      `GitHub rate limit (HTTP 429) on GET /repos/${repoFullName}/pulls/7; retry 1 of 3 in 7 s`,
      `GitHub rate limit (HTTP 429) on GET /repos/${repoFullName}/pulls/7; retry 2 of 3 in 7 s`,
    ]);
  });

  it('reads Retry-After as an HTTP date, and waits one second past x-ratelimit-reset when nothing remains', async () => {
    github.fail({
      method: 'GET',
      path: /\/pulls\/7$/,
      respond: tooMany({ 'retry-after': new Date(now + 12_000).toUTCString() }),
    });
    github.fail({ method: 'GET', path: /\/pulls\/7$/, respond: primaryRateLimit(now / 1000 + 30) });
    await getPull();
    expect(sleeps).toEqual([12_000, 31_000]);
  });

  it('waits out a secondary limit (403 with Retry-After) but never retries a 403 that is no rate limit', async () => {
    github.fail({ method: 'GET', path: /\/pulls\/7$/, respond: secondaryRateLimit(2) });
    await getPull();
    expect(sleeps).toEqual([2000]);
    github.fail({
      method: 'GET',
      path: /\/pulls\/7$/,
      respond: { status: 403, body: { message: 'Resource not accessible by integration' } },
    });
    await expect(getPull()).rejects.toMatchObject({ status: 403 });
    expect(sleeps).toEqual([2000]);
  });

  it('without a named time waits a minute, then twice as long each retry', async () => {
    github.fail({
      method: 'GET',
      path: /\/pulls\/7$/,
      times: 3,
      respond: { status: 403, body: { message: 'You have exceeded a secondary rate limit.' } },
    });
    await getPull();
    expect(sleeps).toEqual([60_000, 120_000, 240_000]);
  });

  it('gives up after three retries, saying so', async () => {
    github.fail({ method: 'GET', path: /\/pulls\/7$/, times: 4, respond: tooMany({ 'retry-after': '1' }) });
    const error: unknown = await getPull().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect(describeGitHubFailure(error)).toBe(
      `GitHub rate limit on GET /repos/${repoFullName}/pulls/7: still HTTP 429 after 3 retries (Too Many Requests)`,
    );
    expect(sleeps).toEqual([1000, 1000, 1000]);
    expect(pullCalls()).toBe(4);
  });

  it('fails at once when asked to wait longer than it allows', async () => {
    github.fail({ method: 'GET', path: /\/pulls\/7$/, respond: tooMany({ 'retry-after': '3600' }) });
    const error: unknown = await getPull().catch((e: unknown) => e);
    expect(describeGitHubFailure(error)).toBe(
      `GitHub rate limit on GET /repos/${repoFullName}/pulls/7: HTTP 429 asks to wait 3600 s, longer than the 300 s this run waits (Too Many Requests)`,
    );
    expect(sleeps).toEqual([]);
    expect(pullCalls()).toBe(1);
  });

  it('retries a rate-limited page of a listing on its own', async () => {
    github.maxPerPage = 2;
    for (let i = 0; i < 5; i += 1) github.addComment(fakeUser(`user-${i}`), `comment ${i}`);
    // The first page passes; the second is refused once.
    let seen = 0;
    github.fail({ method: 'GET', path: /\/comments$/, effect: () => void (seen += 1) });
    github.fail({ method: 'GET', path: /\/comments$/, respond: tooMany({ 'retry-after': '1' }) });
    const comments = await client.paginate(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: 7,
      per_page: 2,
    });
    expect(comments).toHaveLength(5);
    expect(seen).toBe(1);
    expect(github.requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '2', '3']);
    expect(sleeps).toEqual([1000]);
  });
});
