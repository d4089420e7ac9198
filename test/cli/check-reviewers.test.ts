import { readFileSync, writeFileSync } from 'node:fs';
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
const owner = repoFullName.split('/')[0] ?? '';
const team = `${owner}/people-ops`;

type Json = Record<string, unknown>;

const analyst = fakeUser('revops-analyst');
const vpSales = fakeUser('vp-sales');
const peoplePartner = fakeUser('people-partner');

describe('revops check: requires any | all, and reviewer requests', () => {
  const tempDir = useTempDirs();
  let github: FakeGitHub;
  let dir: string;

  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addToken('actions-token', 'installation');
    github.addPull(pr, analyst, headSha);
    github.addCollaborator(vpSales.login);
    github.addTeamMember(team, peoplePartner.login);
    dir = tempDir();
    writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestEvent(pr, headSha)));
  });
  afterEach(async () => {
    await github.close();
  });

  /** The constraint-crossed report with the crossed guardrail's approvers replaced. */
  const report = (approvers: Json): string => {
    const r = JSON.parse(readFileSync(join(fixturesDir, 'github', 'impact-constraint-crossed.json'), 'utf8')) as {
      guardrails: Json[];
    };
    r.guardrails[0]!.approvers = approvers;
    const file = join(dir, 'impact.json');
    writeFileSync(file, JSON.stringify(r));
    return file;
  };
  const both = (requires: 'any' | 'all'): string =>
    report({ users: ['vp-sales'], teams: [team], requires, minApprovals: requires === 'all' ? 2 : 1 });
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    GITHUB_TOKEN: 'actions-token',
    GITHUB_REPOSITORY: repoFullName,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_API_URL: github.url,
    ...extra,
  });
  const check = (file: string, ...args: string[]): ReturnType<typeof runRevops> =>
    runRevops(['check', '--impact', file, ...args], env());
  const reviewRequests = () => github.writes().filter((w) => w.path.endsWith('/requested_reviewers'));

  it('under requires: all, one approval of two still blocks; both pass', async () => {
    const file = both('all');
    github.addReview(pr, vpSales, 'APPROVED', headSha);
    const one = await check(file, '--no-request-reviewers');
    expect(one.code).toBe(1);
    expect(github.statuses.at(-1)?.description).toBe(`Approval missing: constraint-overload needs also ${team}`);
    expect(one.stdout).toContain(`needs all of vp-sales and ${team}`);
    github.addReview(pr, peoplePartner, 'APPROVED', headSha);
    const two = await check(file, '--no-request-reviewers');
    expect(two.code).toBe(0);
    expect(github.statuses.at(-1)).toMatchObject({
      state: 'success',
      description: 'Approved by people-partner, vp-sales',
    });
  });

  it('under requires: all, one person in a listed team does not stand for both the user and the team', async () => {
    github.addTeamMember(team, vpSales.login);
    github.addReview(pr, vpSales, 'APPROVED', headSha);
    const run = await check(both('all'), '--no-request-reviewers');
    expect(run.code).toBe(1);
    // Under any, the same approval is enough.
    expect((await check(both('any'), '--no-request-reviewers')).code).toBe(0);
  });

  it('requests the missing approvers once: users and teams by slug, not again when already requested', async () => {
    const file = both('any');
    const first = await check(file);
    expect(first.code).toBe(1);
    expect(reviewRequests().map((w) => w.body)).toEqual([{ reviewers: ['vp-sales'], team_reviewers: ['people-ops'] }]);
    expect(first.stdout).toContain('requested reviews from vp-sales, team people-ops');
    expect(github.requestedOn(pr)).toEqual({ users: ['vp-sales'], teams: ['people-ops'] });
    const second = await check(file);
    expect(second.code).toBe(1);
    expect(reviewRequests()).toHaveLength(1);
    expect(second.stdout).toContain('requested reviews from nobody new');
  });

  it('does not ask who approved the head, asks again who approved an older commit only', async () => {
    github.addReview(pr, vpSales, 'APPROVED', headSha);
    await check(both('all'));
    expect(reviewRequests().map((w) => w.body)).toEqual([{ reviewers: [], team_reviewers: ['people-ops'] }]);
    const stale = fakeUser('head-of-sdr');
    github.addCollaborator(stale.login);
    github.addReview(pr, stale, 'APPROVED', olderSha);
    await check(report({ users: ['head-of-sdr', 'vp-sales'], teams: [], requires: 'all', minApprovals: 2 }));
    expect(reviewRequests().at(-1)?.body).toEqual({ reviewers: ['head-of-sdr'], team_reviewers: [] });
  });

  it('reports a reviewer GitHub refuses (422, not a collaborator) and still asks the others: exit 1, not 3', async () => {
    const file = report({ users: ['vp-sales', 'outsider'], teams: [team], requires: 'any', minApprovals: 1 });
    const run = await check(file);
    expect(run.code).toBe(1);
    expect(github.statuses.at(-1)?.state).toBe('failure');
    expect(run.stderr).toContain('could not request a review from outsider: GitHub refused POST');
    expect(run.stderr).toContain('HTTP 422: Reviews may only be requested from collaborators.');
    expect(github.requestedOn(pr)).toEqual({ users: ['vp-sales'], teams: ['people-ops'] });
    expect(run.stdout).toContain('requested reviews from vp-sales, team people-ops');
  });

  it('leaves out the author and teams of another organisation, saying why', async () => {
    github.addPull(pr, vpSales, headSha);
    const run = await check(
      report({ users: ['vp-sales'], teams: ['elsewhere/finance'], requires: 'any', minApprovals: 1 }),
    );
    expect(run.code).toBe(1);
    expect(reviewRequests()).toEqual([]);
    expect(run.stdout).toContain('not requested: vp-sales (constraint-overload) is the author');
    expect(run.stdout).toContain(`not requested: team elsewhere/finance (constraint-overload) is not in ${owner}`);
  });

  it('--dry-run with a token reads GitHub, prints who it would ask and writes nothing', async () => {
    const run = await check(both('any'), '--dry-run');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('dry run: would request reviews from vp-sales, team people-ops');
    expect(github.writes()).toEqual([]);
  });

  it('--dry-run without a token or head SHA judges the report alone and asks GitHub nothing', async () => {
    const offline = { GITHUB_TOKEN: '', GITHUB_EVENT_PATH: '', GITHUB_REPOSITORY: '' };
    const file = both('all');
    const none = await runRevops(['check', '--impact', file, '--dry-run'], env(offline));
    expect(none.stderr).toBe('');
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('dry run without a token: GitHub not asked; approvals assumed: none');
    expect(none.stdout).toContain(
      `dry run: would set status revops-policy/guardrails = failure: Approval missing: constraint-overload needs all of vp-sales and ${team}`,
    );
    expect(none.stdout).toContain(`dry run: would request reviews from vp-sales, team ${team}`);
    const one = await runRevops(['check', '--impact', file, '--dry-run', '--approved-by', 'vp-sales'], env(offline));
    expect(one.code).toBe(1);
    expect(one.stdout).toContain(`needs also ${team}`);
    const all = await runRevops(
      ['check', '--impact', file, '--dry-run', '--approved-by', `vp-sales,${team}`],
      env(offline),
    );
    expect(all.code).toBe(0);
    expect(all.stdout).toContain(`= success: Approved by ${team}, vp-sales`);
    expect(all.stdout).toContain('would request reviews from nobody new');
    const bad = await runRevops(['check', '--impact', file, '--dry-run', '--approved-by', 'a b'], env(offline));
    expect(bad.code).toBe(2);
    expect(github.requests).toEqual([]);
  });
});
