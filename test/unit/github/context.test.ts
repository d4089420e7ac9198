import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { readEventPullRequest, resolvePullRequestTarget } from '../../../src/github/context.js';
import { pullRequestEvent } from '../../helpers/github-server.js';

const sha = '3f786850e387550fdab836ed7e6dc881de23001b';
const files: Record<string, string> = { 'event.json': JSON.stringify(pullRequestEvent(7, sha)), 'broken.json': '{' };
const readText = (path: string): Promise<string> =>
  path in files ? Promise.resolve(files[path] ?? '') : Promise.reject(new Error(`ENOENT: ${path}`));
const env = {
  GITHUB_TOKEN: 't',
  GITHUB_REPOSITORY: 'acme/revops',
  GITHUB_EVENT_PATH: 'event.json',
  GITHUB_API_URL: 'https://ghe.example.com/api/v3',
};

describe('resolvePullRequestTarget', () => {
  it('reads the Actions environment and the pull_request event payload', async () => {
    expect(await resolvePullRequestTarget({}, env, readText)).toEqual({
      owner: 'acme',
      repo: 'revops',
      pullNumber: 7,
      headSha: sha,
      token: 't',
      apiUrl: 'https://ghe.example.com/api/v3',
    });
  });

  it('lets flags win over the environment', async () => {
    const target = await resolvePullRequestTarget(
      { repo: 'other/repo', pr: '12', token: 'flag', apiUrl: 'http://127.0.0.1:1', headSha: 'A'.repeat(40) },
      env,
      readText,
    );
    expect(target).toEqual({
      owner: 'other',
      repo: 'repo',
      pullNumber: 12,
      headSha: 'a'.repeat(40),
      token: 'flag',
      apiUrl: 'http://127.0.0.1:1',
    });
  });

  it('takes empty flags as not given, and reads no event file when the flags say everything', async () => {
    expect(await resolvePullRequestTarget({ pr: '', headSha: '' }, env, readText)).toMatchObject({
      pullNumber: 7,
      headSha: sha,
    });
    expect(
      await resolvePullRequestTarget({ pr: '9', headSha: sha }, { ...env, GITHUB_EVENT_PATH: 'broken.json' }, readText),
    ).toMatchObject({ pullNumber: 9, headSha: sha });
  });

  it('defaults the API URL to api.github.com', async () => {
    expect((await resolvePullRequestTarget({}, { ...env, GITHUB_API_URL: undefined }, readText)).apiUrl).toBe(
      'https://api.github.com',
    );
  });

  it.each([
    ['no token', {}, { GITHUB_TOKEN: '' }, /GITHUB_TOKEN.*--token/],
    ['no repository', {}, { GITHUB_REPOSITORY: undefined }, /GITHUB_REPOSITORY.*--repo/],
    ['a malformed repository', { repo: 'acme' }, {}, /--repo must be owner\/name/],
    ['no pull request', {}, { GITHUB_EVENT_PATH: undefined }, /pull_request event.*--pr/],
    ['a pull request that is not a number', { pr: '7abc' }, {}, /--pr must be a pull request number/],
    [
      'a pull request number with spaces',
      { pr: ' 8 ' },
      {},
      /--pr must be a pull request number \(a positive integer, digits only\), not " 8 "/,
    ],
    ['a pull request number of spaces only', { pr: '  ' }, {}, /--pr must be a pull request number/],
    ['a pull request number with a leading zero', { pr: '08' }, {}, /--pr must be a pull request number/],
    ['a pull request number past 2^53', { pr: '9007199254740993' }, {}, /--pr must be a pull request number/],
    ['a short SHA', { headSha: 'abc123' }, {}, /--head-sha must be a full commit SHA/],
    ['an unreadable event file', {}, { GITHUB_EVENT_PATH: 'missing.json' }, /GITHUB_EVENT_PATH \(missing\.json\)/],
    ['an event file that is not JSON', { eventPath: 'broken.json' }, {}, /--event-path broken\.json/],
    ['an API URL that is not http(s)', { apiUrl: 'file:///etc/passwd' }, {}, /--api-url must be an http\(s\) URL/],
  ])('is a usage error with %s', async (_label, flags, overrides, message) => {
    const attempt = resolvePullRequestTarget(flags, { ...env, ...overrides }, readText);
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(message);
  });
});

describe('readEventPullRequest', () => {
  it('reads a workflow_run event for exactly one pull request', () => {
    expect(readEventPullRequest({ workflow_run: { head_sha: sha, pull_requests: [{ number: 9 }] } }, 'event')).toEqual({
      pullNumber: 9,
      headSha: sha,
    });
    expect(readEventPullRequest({ workflow_run: { head_sha: sha, pull_requests: [] } }, 'event')).toEqual({
      headSha: sha,
    });
  });

  it('reads an issue_comment on a pull request, and nothing from a push', () => {
    expect(readEventPullRequest({ issue: { number: 3, pull_request: { url: 'x' } } }, 'event')).toEqual({
      pullNumber: 3,
    });
    expect(readEventPullRequest({ issue: { number: 3 } }, 'event')).toEqual({});
    expect(readEventPullRequest({ ref: 'refs/heads/main' }, 'event')).toEqual({});
  });

  it.each([
    ['an array', [7]],
    ['a string of digits', '7'],
    ['a string with spaces', ' 8 '],
    ['zero', 0],
    ['a negative number', -7],
    ['a fraction', 7.5],
    ['an unsafe integer', 2 ** 53],
    ['an object', { value: 7 }],
  ])('refuses a pull request number that is %s', (_label, number) => {
    const payload = { pull_request: { number, head: { sha } } };
    expect(() => readEventPullRequest(payload, 'event')).toThrow(UsageError);
    expect(() => readEventPullRequest(payload, 'event')).toThrow(
      /The pull request number in event must be a positive integer \(a JSON number\)/,
    );
    expect(() =>
      readEventPullRequest({ workflow_run: { head_sha: sha, pull_requests: [{ number }] } }, 'event'),
    ).toThrow(UsageError);
    expect(() => readEventPullRequest({ issue: { number, pull_request: {} } }, 'event')).toThrow(UsageError);
  });

  it('accepts the largest safe integer and shows a hostile value on one line', () => {
    expect(readEventPullRequest({ pull_request: { number: Number.MAX_SAFE_INTEGER } }, 'event')).toEqual({
      pullNumber: Number.MAX_SAFE_INTEGER,
    });
    expect(() => readEventPullRequest({ pull_request: { number: '7\n::error::x' } }, 'event')).toThrow(
      /not "7\\n::error::x"\.$/,
    );
    expect(() => readEventPullRequest({ pull_request: { number: 7, head: { sha: [sha] } } }, 'event')).toThrow(
      /head SHA in event must be a string/,
    );
  });

  it('refuses untrusted fields of the wrong shape', () => {
    expect(() => readEventPullRequest({ pull_request: { number: '7; echo', head: { sha } } }, 'event')).toThrow(
      UsageError,
    );
    expect(() => readEventPullRequest({ pull_request: { number: 7, head: { sha: '../../x' } } }, 'event')).toThrow(
      /head SHA in event/,
    );
    expect(() => readEventPullRequest([], 'event')).toThrow(/not a JSON object/);
  });
});
