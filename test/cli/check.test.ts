import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import type { FakeGitHub } from '../helpers/github-server.js';
import { fakeUser, pullRequestEvent, repoFullName, startFakeGitHub } from '../helpers/github-server.js';
import { fixturesDir, useTempDirs } from '../helpers/paths.js';

/** The head commit every fixture report in test/fixtures/github was built on. */
const headSha = '3f786850e387550fdab836ed7e6dc881de23001b';
const olderSha = 'a9993e364706816aba3e25717850c26c9cd0d89d';
const pr = 7;

type Json = Record<string, unknown>;
const impact = (name: string): string => join(fixturesDir, 'github', `impact-${name}.json`);

const analyst = fakeUser('revops-analyst');
const vpSales = fakeUser('vp-sales');
const cfo = fakeUser('cfo');
const vpFinance = fakeUser('vp-finance');
const peopleOps = fakeUser('people-partner');
const outsider = fakeUser('someone-else');

describe('revops check', () => {
  const tempDir = useTempDirs();
  let github: FakeGitHub;
  let dir: string;

  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addToken('actions-token', 'installation');
    github.addPull(pr, analyst, headSha);
    dir = tempDir();
    writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestEvent(pr, headSha)));
  });
  afterEach(async () => {
    await github.close();
  });

  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    GITHUB_TOKEN: 'actions-token',
    GITHUB_REPOSITORY: repoFullName,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_API_URL: github.url,
    ...extra,
  });
  const check = (name: string, ...args: string[]): ReturnType<typeof runRevops> =>
    runRevops(['check', '--impact', impact(name), ...args], env());
  const status = (): { state: string; description: string; context: string } | undefined => github.statuses.at(-1);

  it('sets success when no guardrail is crossed, without reading reviews', async () => {
    const run = await check('nothing-crossed');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(github.statuses).toEqual([
      { sha: headSha, state: 'success', description: 'No guardrail crossed', context: 'revops-policy/guardrails' },
    ]);
    expect(github.requests.some((r) => r.path.endsWith('/reviews'))).toBe(false);
  });

  it('sets success when a listed user approved the head commit', async () => {
    github.addReview(pr, vpSales, 'APPROVED', headSha);
    const run = await check('constraint-crossed');
    expect(run.code).toBe(0);
    expect(status()).toMatchObject({ state: 'success', description: 'Approved by vp-sales' });
    expect(run.stdout).toContain('approved  constraint-overload: constraint_utilisation 1.04 is above 1');
  });

  it('fails naming the approver when the approval is on an older commit', async () => {
    github.addReview(pr, vpSales, 'APPROVED', olderSha);
    const run = await check('constraint-crossed');
    expect(run.code).toBe(1);
    expect(status()).toMatchObject({
      state: 'failure',
      description: 'Approval missing: constraint-overload needs one of vp-sales or org/people-ops',
    });
    expect(run.stdout).toContain('missing   constraint-overload');
    expect(run.stdout).toContain('approved by nobody yet');
  });

  it('keeps an approval through a later comment, and drops it after a later request for changes', async () => {
    github.addReview(pr, vpSales, 'APPROVED', headSha);
    github.addReview(pr, vpSales, 'COMMENTED', headSha);
    expect((await check('constraint-crossed')).code).toBe(0);
    github.addReview(pr, vpSales, 'CHANGES_REQUESTED', headSha);
    github.addReview(pr, vpSales, 'COMMENTED', headSha);
    expect((await check('constraint-crossed')).code).toBe(1);
    expect(github.statuses.map((s) => s.state)).toEqual(['success', 'failure']);
  });

  it("ignores the author's own approval", async () => {
    github.addPull(pr, vpSales, headSha);
    github.addReview(pr, vpSales, 'APPROVED', headSha);
    const run = await check('constraint-crossed');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('(author vp-sales)');
    expect(status()?.state).toBe('failure');
  });

  it('accepts an approval from an active member of a listed team, not from others', async () => {
    github.addTeamMember('org/people-ops', peopleOps.login);
    github.addTeamMember('org/people-ops', outsider.login, 'pending');
    github.addReview(pr, outsider, 'APPROVED', headSha);
    expect((await check('constraint-crossed')).code).toBe(1);
    github.addReview(pr, peopleOps, 'APPROVED', headSha);
    const run = await check('constraint-crossed');
    expect(run.code).toBe(0);
    expect(status()).toMatchObject({ state: 'success', description: 'Approved by people-partner' });
    expect(github.requests.some((r) => r.path === `/orgs/org/teams/people-ops/memberships/${peopleOps.login}`)).toBe(
      true,
    );
  });

  it('needs two approvals when minApprovals is 2', async () => {
    github.addReview(pr, cfo, 'APPROVED', headSha);
    const one = await check('two-approvals');
    expect(one.code).toBe(1);
    expect(status()?.description).toBe('Approval missing: payout-cost needs 1 more of cfo, vp-finance or vp-sales');
    github.addReview(pr, vpFinance, 'APPROVED', headSha);
    const two = await check('two-approvals');
    expect(two.code).toBe(0);
    expect(status()?.description).toBe('Approved by cfo, vp-finance');
  });

  it('reads reviews across pages', async () => {
    github.maxPerPage = 2;
    for (const user of [cfo, outsider, vpFinance, outsider]) github.addReview(pr, user, 'COMMENTED', headSha);
    github.addReview(pr, vpSales, 'APPROVED', headSha);
    const run = await check('constraint-crossed');
    expect(run.code).toBe(0);
    expect(github.requests.filter((r) => r.path.endsWith('/reviews')).map((r) => r.query.page ?? '1')).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('lists the changed files across pages and judges as usual under the cap', async () => {
    github.maxPerPage = 100;
    github.setPullFiles(
      pr,
      Array.from({ length: 250 }, (_, i) => `data/leads-${i}.csv`),
    );
    github.addReview(pr, vpSales, 'APPROVED', headSha);
    const run = await check('constraint-crossed');
    expect(run.code).toBe(0);
    expect(
      github.requests.filter((r) => r.path.endsWith('/files')).map((r) => `${r.query.per_page}:${r.query.page ?? '1'}`),
    ).toEqual(['100:1', '100:2', '100:3']);
    expect(status()).toMatchObject({ state: 'success' });
    expect(run.stdout).toContain('250 changed files, listed in full');
  });

  it("refuses to judge when the pull request's files reach GitHub's 3,000-file cap", async () => {
    github.setPullFiles(
      pr,
      Array.from({ length: 3005 }, (_, i) => `data/leads-${i}.csv`),
    );
    const run = await check('nothing-crossed');
    expect(run.code).toBe(1);
    expect(status()).toMatchObject({ sha: headSha, state: 'failure' });
    expect(status()?.description).toMatch(
      /^Not judged: the pull request changes 3,005 files and GitHub lists only 3,000/,
    );
    expect([...(status()?.description ?? '')].length).toBeLessThanOrEqual(140);
    expect(run.stdout).toContain(
      'Not judged: the pull request changes 3,005 files and GitHub lists only 3,000 (its cap is 3,000), so what changed cannot be known.',
    );
    expect(github.requests.filter((r) => r.path.endsWith('/files'))).toHaveLength(30);
    expect(github.requests.some((r) => r.path.endsWith('/reviews'))).toBe(false);
  });

  it('refuses to judge at exactly 3,000 files, even with every approval there', async () => {
    github.setPullFiles(
      pr,
      Array.from({ length: 3000 }, (_, i) => `policies/p-${i}.yaml`),
    );
    github.addReview(pr, vpSales, 'APPROVED', headSha);
    const run = await check('constraint-crossed');
    expect(run.code).toBe(1);
    expect(status()?.description).toMatch(/^Not judged: the pull request changes 3,000 files or more/);
  });

  it('keeps the status description within 140 characters and prints the full list', async () => {
    const run = await check('many-crossed');
    expect(run.code).toBe(1);
    const description = status()?.description ?? '';
    expect([...description].length).toBeLessThanOrEqual(140);
    expect(description.endsWith('…')).toBe(true);
    for (let i = 1; i <= 5; i += 1) expect(run.stdout).toContain(`guardrail-with-a-long-name-${i}`);
  });

  it('--dry-run sets no status; --context names it', async () => {
    const dry = await check('nothing-crossed', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run: would set status revops-policy/guardrails = success');
    expect(github.writes()).toEqual([]);
    await check('nothing-crossed', '--context', 'policy/approvals');
    expect(status()?.context).toBe('policy/approvals');
  });

  it('refuses a report built on another commit, and usage errors exit 2', async () => {
    const other = await check('constraint-crossed', '--head-sha', olderSha);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`not the head ${olderSha}`);
    expect(github.writes()).toEqual([]);
    const noToken = await runRevops(['check', '--impact', impact('constraint-crossed')], env({ GITHUB_TOKEN: '' }));
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('GITHUB_TOKEN');
    const notImpact = await runRevops(['check', '--impact', join(dir, 'event.json')], env());
    expect(notImpact.code).toBe(2);
    expect(notImpact.stderr).toContain('is not an impact report:');
    expect(notImpact.stderr).toContain('  kind is missing. Expected: Always `impact`.');
  });

  it.each([
    ['no head commit', (r: Json) => void ((r.head as Json).sha = null), /head\.sha must be a full commit SHA/],
    ['no guardrails', (r: Json) => void delete r.guardrails, /guardrails is missing/],
    [
      'a prototype key in a guardrail',
      (r: Json) => void ((r.guardrails as Json[])[0]!['constructor'] = {}),
      /guardrails\[0\] has an unknown key "constructor"/,
    ],
    // The verdict is the crossings, phrased by the reporters: a sentence beside them is a second truth.
    [
      'a reason sentence beside the crossings',
      (r: Json) => void ((r.guardrails as Json[])[0]!.reason = 'nothing to see here'),
      /guardrails\[0\] has an unknown key "reason"/,
    ],
    [
      'an unknown crossing code',
      (r: Json) => void (((r.guardrails as Json[])[0]!.crossings as Json[])[0]!.code = 'waived'),
      /guardrails\[0\]\.crossings\[0\]\.code must be "above", not the string "waived"/,
    ],
  ])(
    'refuses a report with %s (it cannot tell which head it judges, or what crossed): exit 2, no status',
    async (_name, edit, message) => {
      const report = JSON.parse(readFileSync(impact('constraint-crossed'), 'utf8')) as Json;
      edit(report);
      const file = join(dir, 'partial.json');
      writeFileSync(file, JSON.stringify(report));
      const run = await runRevops(['check', '--impact', file], env());
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(github.writes()).toEqual([]);
    },
  );

  it.each([
    [403, 'POST', /\/statuses\//, 'Resource not accessible by integration'],
    [404, 'GET', /\/pulls\/7$/, 'Not Found'],
    [422, 'POST', /\/statuses\//, 'Validation Failed'],
  ])(
    'exits 3 (not 1, the code for findings) with the status and message when GitHub refuses with %i',
    async (status, method, path, message) => {
      github.fail({ method, path, respond: { status, body: { message } } });
      const run = await check('nothing-crossed');
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(`HTTP ${status}: ${message}`);
      expect(run.stderr).not.toContain('internal error');
      expect(github.statuses).toEqual([]);
    },
  );

  it('refuses an impact file larger than 20 MiB without reading it: exit 2, no status', async () => {
    const file = join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 21 * 1024 * 1024);
    const run = await runRevops(['check', '--impact', file], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('larger than 20 MiB');
    expect(github.writes()).toEqual([]);
  });
});
