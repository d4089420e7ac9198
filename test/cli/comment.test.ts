import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import type { FakeGitHub } from '../helpers/github-server.js';
import {
  actionsBot,
  fakeUser,
  primaryRateLimit,
  pullRequestEvent,
  repoFullName,
  secondaryRateLimit,
  startFakeGitHub,
} from '../helpers/github-server.js';
import { useTempDirs } from '../helpers/paths.js';

const headSha = '3f786850e387550fdab836ed7e6dc881de23001b';
const pr = 7;
const marker = (run: string): string => `<!-- revops-policy:impact sha=${headSha} run=${run} -->`;
const human = fakeUser('octo-analyst');
const otherBot = fakeUser('other-bot[bot]');

describe('revops comment', () => {
  const tempDir = useTempDirs();
  let github: FakeGitHub;
  let dir: string;

  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addToken('actions-token', 'installation');
    github.addToken('user-token', fakeUser('revops-bot'));
    dir = tempDir();
    writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestEvent(pr, headSha)));
    writeFileSync(join(dir, 'impact.md'), '### Impact\n\nMQL volume +31 %\n');
  });
  afterEach(async () => {
    await github.close();
  });

  function env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      GITHUB_TOKEN: 'actions-token',
      GITHUB_REPOSITORY: repoFullName,
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_API_URL: github.url,
      GITHUB_RUN_ID: '900',
      GITHUB_RUN_ATTEMPT: '1',
      ...extra,
    };
  }

  function ours(): { id: number; body: string }[] {
    return github.comments.filter((c) => c.user.login === actionsBot.login).map((c) => ({ id: c.id, body: c.body }));
  }

  it('creates one comment with the marker line, then skips an unchanged body', async () => {
    const first = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(ours()).toEqual([
      { id: expect.any(Number) as number, body: `${marker('900.1')}\n### Impact\n\nMQL volume +31 %\n` },
    ]);
    expect(first.stdout).toMatch(
      /^created comment \d+ on Codertocat\/Hello-World#7 \(\d+ characters\): https:\/\/github\.com\//,
    );

    github.requests.length = 0;
    const again = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env({ GITHUB_RUN_ID: '901' }));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already says this');
    expect(github.writes()).toEqual([]);
    expect(ours()[0]?.body.startsWith(marker('900.1'))).toBe(true);
  });

  it('finds its comment on page 3 of 120 through the Link headers and updates it in place', async () => {
    github.maxPerPage = 50;
    let ourId = 0;
    for (let i = 0; i < 120; i += 1) {
      if (i === 110) ourId = github.addComment(actionsBot, `${marker('850.1')}\nold report\n`);
      else github.addComment(i % 3 === 0 ? otherBot : human, `comment ${i}`);
    }
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env());
    expect(run.code).toBe(0);
    const lists = github.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments'));
    expect(lists.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(lists[2]?.path).toMatch(/^\/repositories\/\d+\/issues\/7\/comments$/);
    expect(github.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      `PATCH /repos/${repoFullName}/issues/comments/${ourId}`,
    ]);
    expect(github.comments).toHaveLength(120);
    expect(ours()).toEqual([{ id: ourId, body: `${marker('900.1')}\n### Impact\n\nMQL volume +31 %\n` }]);
  });

  it("leaves a person's comment that quotes the marker alone and creates its own", async () => {
    const quoted = github.addComment(human, `${marker('999.9')}\nI copied the bot's comment`);
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env());
    expect(run.code).toBe(0);
    expect(github.writes().map((w) => w.method)).toEqual(['POST']);
    expect(github.comments.find((c) => c.id === quoted)?.body).toBe(`${marker('999.9')}\nI copied the bot's comment`);
    expect(ours()).toHaveLength(1);
  });

  it("leaves another bot's marked comment alone when it posts as the token's user (GET /user)", async () => {
    const mine = github.addComment(fakeUser('revops-bot'), `${marker('850.1')}\nold`);
    const actionsComment = github.addComment(actionsBot, `${marker('850.1')}\nfrom the Actions token`);
    const botComment = github.addComment(otherBot, `${marker('850.1')}\nfrom another bot`);
    const run = await runRevops(
      ['comment', '--body-file', join(dir, 'impact.md')],
      env({ GITHUB_TOKEN: 'user-token' }),
    );
    expect(run.code).toBe(0);
    expect(github.requests[0]).toMatchObject({ method: 'GET', path: '/user' });
    expect(github.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      `PATCH /repos/${repoFullName}/issues/comments/${mine}`,
    ]);
    expect(github.comments.find((c) => c.id === actionsComment)?.body).toContain('from the Actions token');
    expect(github.comments.find((c) => c.id === botComment)?.body).toContain('from another bot');
  });

  it('creates a new comment when its comment is deleted between listing and editing', async () => {
    const old = github.addComment(actionsBot, `${marker('850.1')}\nold`);
    github.fail({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      effect: () =>
        void github.comments.splice(
          github.comments.findIndex((c) => c.id === old),
          1,
        ),
    });
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`comment ${old} was deleted meanwhile; created comment`);
    expect(github.writes().map((w) => w.method)).toEqual(['PATCH', 'POST']);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body).toContain('MQL volume +31 %');
  });

  it('waits out a secondary rate limit (403, Retry-After) and a primary one (x-ratelimit-reset), then succeeds', async () => {
    github.fail({ method: 'GET', path: /\/comments$/, respond: primaryRateLimit(Math.floor(Date.now() / 1000) - 1) });
    github.fail({ method: 'PATCH', path: /\/comments\/\d+$/, respond: secondaryRateLimit(1) });
    github.addComment(actionsBot, `${marker('850.1')}\nold`);
    const started = Date.now();
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env());
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/GitHub rate limit \(HTTP 403\) on PATCH .*; retry 1 of 3 in 1 s/);
    expect(run.stderr).toMatch(/GitHub rate limit \(HTTP 403\) on GET .*; retry 1 of 3 in \d s/);
    expect(github.writes().map((w) => w.method)).toEqual(['PATCH', 'PATCH']);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body).toContain('MQL volume +31 %');
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('does nothing when a newer run already wrote the comment', async () => {
    github.addComment(actionsBot, `${marker('905.1')}\nnewer report`);
    const run = await runRevops(
      ['comment', '--body-file', join(dir, 'impact.md')],
      env({ GITHUB_RUN_ID: '900', GITHUB_RUN_ATTEMPT: '3' }),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('is from a newer run (905.1); leaving it');
    expect(github.writes()).toEqual([]);
    expect(ours()[0]?.body).toContain('newer report');
  });

  it('is not frozen by a marker with a huge run id off the first line of a comment by the same bot', async () => {
    // Another workflow posting as github-actions[bot] quotes text that carries our marker.
    const huge = `<!-- revops-policy:impact sha=${headSha} run=99999999999999999999.1 -->`;
    const quoting = github.addComment(actionsBot, `Thanks for the pull request! You wrote:\n${huge}\n`);
    const separated = github.addComment(actionsBot, `Line one\u2028${marker('9007199254740991.1')}`);
    const ourOld = github.addComment(actionsBot, `${marker('850.1')}\nold report`);
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env());
    expect(run.stdout).not.toContain('newer run');
    expect(run.code).toBe(0);
    expect(github.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      `PATCH /repos/${repoFullName}/issues/comments/${ourOld}`,
    ]);
    expect(github.comments.find((c) => c.id === quoting)?.body).toContain('Thanks for the pull request!');
    expect(github.comments.find((c) => c.id === separated)?.body).toContain('Line one');
  });

  it('takes a first-line marker whose run id is out of range, or not in its exact form, as not ours', async () => {
    const tooBig = github.addComment(actionsBot, `${marker('9007199254740992.1')}\nforged`);
    const indented = github.addComment(actionsBot, `  ${marker('905.1')}\nforged`);
    const extraField = github.addComment(
      actionsBot,
      `<!-- revops-policy:impact sha=${headSha} run=905.1 x=1 -->\nforged`,
    );
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env());
    expect(run.code).toBe(0);
    expect(github.writes().map((w) => w.method)).toEqual(['POST']);
    for (const id of [tooBig, indented, extraField])
      expect(github.comments.find((c) => c.id === id)?.body).toContain('forged');
  });

  it('waits out a 429 with Retry-After and retries', async () => {
    github.fail({
      method: 'POST',
      path: /\/comments$/,
      respond: { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' } },
    });
    const started = Date.now();
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env());
    expect(run.stderr).toMatch(
      /GitHub rate limit \(HTTP 429\) on POST \/repos\/Codertocat\/Hello-World\/issues\/7\/comments; retry 1 of 3 in 1 s/,
    );
    expect(run.code).toBe(0);
    expect(github.writes().map((w) => w.method)).toEqual(['POST', 'POST']);
    expect(ours()).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('gives up after three retries of a 429 with a clear message', async () => {
    github.fail({
      method: 'GET',
      path: /\/comments$/,
      times: 4,
      respond: { status: 429, headers: { 'retry-after': '0' }, body: { message: 'Too Many Requests' } },
    });
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env());
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /GitHub rate limit on GET \/repos\/Codertocat\/Hello-World\/issues\/7\/comments: still HTTP 429 after 3 retries \(Too Many Requests\)/,
    );
    expect(github.requests.filter((r) => r.path.endsWith('/comments'))).toHaveLength(4);
    expect(github.writes()).toEqual([]);
  });

  it.each([
    ['an array', [7]],
    ['a string with spaces', ' 8 '],
    ['a string of digits', '7'],
    ['zero', 0],
    ['a fraction', 7.5],
    ['an unsafe integer', 2 ** 53],
  ])('exits 2 when the event payload gives the pull request number as %s', async (_label, number) => {
    writeFileSync(
      join(dir, 'event.json'),
      JSON.stringify({
        ...pullRequestEvent(pr, headSha),
        number,
        pull_request: { ...(pullRequestEvent(pr, headSha).pull_request as object), number },
      }),
    );
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The pull request number in GITHUB_EVENT_PATH');
    expect(run.stderr).toMatch(/positive integer/);
    expect(github.requests).toEqual([]);
  });

  it.each(['99999999999999999999.1', '9007199254740992', '900.0', '900.10000', 'latest'])(
    'exits 2 on --run-id %j, a stamp out of range or malformed',
    async (flag) => {
      const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md'), '--run-id', flag], env());
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--run-id must be a run id (a positive integer up to 2^53-1)');
      expect(github.requests).toEqual([]);
    },
  );

  it.each([' 8 ', '08', '+8', '8e0', '0x8', '9007199254740992'])('exits 2 on --pr %j', async (flag) => {
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md'), '--pr', flag], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--pr must be a pull request number');
    expect(github.requests).toEqual([]);
  });

  it('truncates a body over 65,536 characters at a safe place and puts the full body in the job summary', async () => {
    const row = (i: number): string => `| lead ${i} | 👩‍💼 owner ${i} | ${'x'.repeat(60)} |`;
    const long = [
      '### Impact',
      '',
      '<details><summary>Every lead</summary>',
      '',
      '```text',
      ...Array.from({ length: 1500 }, (_, i) => row(i)),
      '```',
      '',
      '</details>',
    ].join('\n');
    writeFileSync(join(dir, 'long.md'), long);
    writeFileSync(join(dir, 'summary.md'), '## Earlier step\n');
    const run = await runRevops(
      ['comment', '--body-file', join(dir, 'long.md')],
      env({ GITHUB_STEP_SUMMARY: join(dir, 'summary.md') }),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('truncated');
    const posted = ours()[0]?.body ?? '';
    expect(posted.length).toBeLessThanOrEqual(65_536);
    expect(posted.length).toBeGreaterThan(60_000);
    expect(posted).toContain('The full report is in the job summary and the workflow artifact.');
    expect(posted.split('\n').filter((l) => l.startsWith('```'))).toHaveLength(2);
    expect(posted.match(/<details>/g)).toHaveLength(1);
    expect(posted.match(/<\/details>/g)).toHaveLength(1);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(posted)).toBe(false);
    expect(posted.indexOf('```\n')).toBeLessThan(posted.indexOf('</details>'));
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(`## Earlier step\n${long}\n`);
  });

  it('always creates in --mode new; deletes its own and creates in --mode delete-and-new', async () => {
    const first = github.addComment(actionsBot, `${marker('850.1')}\nold`);
    const humanComment = github.addComment(human, `${marker('850.1')}\nquoted`);
    const created = await runRevops(['comment', '--body-file', join(dir, 'impact.md'), '--mode', 'new'], env());
    expect(created.code).toBe(0);
    expect(github.writes().map((w) => w.method)).toEqual(['POST']);
    expect(ours()).toHaveLength(2);

    github.requests.length = 0;
    const replaced = await runRevops(
      ['comment', '--body-file', join(dir, 'impact.md'), '--mode', 'delete-and-new'],
      env({ GITHUB_RUN_ID: '901' }),
    );
    expect(replaced.code).toBe(0);
    const second = github.writes().find((w) => w.method === 'DELETE' && !w.path.endsWith(`/${first}`));
    expect(github.writes().map((w) => w.method)).toEqual(['DELETE', 'DELETE', 'POST']);
    expect(github.writes()[0]?.path).toBe(`/repos/${repoFullName}/issues/comments/${first}`);
    expect(second).toBeDefined();
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body.startsWith(marker('901.1'))).toBe(true);
    expect(github.comments.some((c) => c.id === humanComment)).toBe(true);
  });

  it('--dry-run says what it would do and writes nothing', async () => {
    const old = github.addComment(actionsBot, `${marker('850.1')}\nold`);
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md'), '--dry-run'], env());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`dry run: would update comment ${old} on ${repoFullName}#7 (`);
    expect(run.stdout).toContain(`dry run: marker ${marker('900.1')}; author github-actions[bot]`);
    expect(github.writes()).toEqual([]);
  });

  it('exits 2 naming GITHUB_TOKEN, GITHUB_REPOSITORY or --pr when they are missing', async () => {
    const noToken = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env({ GITHUB_TOKEN: '' }));
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('GITHUB_TOKEN');
    expect(noToken.stderr).toContain('--token');
    const noRepo = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env({ GITHUB_REPOSITORY: '' }));
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toContain('GITHUB_REPOSITORY');
    const noPr = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env({ GITHUB_EVENT_PATH: '' }));
    expect(noPr.code).toBe(2);
    expect(noPr.stderr).toContain('--pr');
    const badPr = await runRevops(['comment', '--body-file', join(dir, 'impact.md'), '--pr', '7; rm -rf /'], env());
    expect(badPr.code).toBe(2);
    expect(github.requests).toEqual([]);
  });

  it('exits 3 (not 1, the code for findings) with the status and message when GitHub refuses', async () => {
    github.fail({
      method: 'POST',
      path: /\/comments$/,
      respond: {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is locked' }],
        },
      },
    });
    const run = await runRevops(['comment', '--body-file', join(dir, 'impact.md')], env());
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /GitHub refused POST \/repos\/Codertocat\/Hello-World\/issues\/7\/comments with HTTP 422: Validation Failed/,
    );
    const badToken = await runRevops(
      ['comment', '--body-file', join(dir, 'impact.md')],
      env({ GITHUB_TOKEN: 'wrong' }),
    );
    expect(badToken.code).toBe(3);
    expect(badToken.stderr).toContain('HTTP 401: Bad credentials');
    expect(badToken.stderr).not.toContain('wrong');
  });
});
