import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runActionBundle } from '../helpers/action.js';
import { git } from '../helpers/git.js';
import type { FakeGitHub } from '../helpers/github-server.js';
import { fakeUser, repoFullName, startFakeGitHub } from '../helpers/github-server.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';

describe("stage two's replay (the action in replay mode) on a base checkout", () => {
  const tempDir = useTempDirs();
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addToken('actions-token', 'installation');
  });
  afterEach(async () => {
    await github.close();
  });

  /**
   * An origin whose main holds policies and data, and whose refs/pull/7/head is a pull request
   * that loosens the MQL rule (or breaks a policy), adds a far-future activity and ships its own
   * .npmrc, package.json and node_modules; then stage two's checkout: a shallow clone of main.
   */
  function setUp(change: 'loosen' | 'break' = 'loosen'): { workspace: string; head: string } {
    const dir = tempDir();
    const author = join(dir, 'author');
    cpSync(join(repoRoot, 'policies'), join(author, 'policies'), { recursive: true });
    cpSync(join(repoRoot, 'examples', 'data'), join(author, 'data'), { recursive: true });
    git(author, 'init', '-q', '-b', 'main');
    git(author, 'add', '.');
    git(author, 'commit', '-qm', 'base');
    git(author, 'checkout', '-qb', 'pr');
    if (change === 'loosen')
      cpSync(
        join(repoRoot, 'examples', 'proposed-change', 'policies', 'lead-definition.yaml'),
        join(author, 'policies', 'lead-definition.yaml'),
      );
    else appendFileSync(join(author, 'policies', 'funnel.yaml'), 'unknownField: 1\n');
    appendFileSync(
      join(author, 'data', 'activities.csv'),
      'ACT99999999,L0000001,,email,outbound,2031-06-01T10:00:00Z,U009,sent\n',
    );
    writeFileSync(join(author, '.npmrc'), 'registry=http://127.0.0.1:9/\n');
    writeFileSync(join(author, 'package.json'), JSON.stringify({ name: 'x', scripts: { postinstall: 'touch pwned' } }));
    mkdirSync(join(author, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(author, 'node_modules', '.bin', 'revops'), '#!/bin/sh\ntouch pwned\n');
    git(author, 'add', '-A', '-f');
    git(author, 'commit', '-qm', 'pull request');
    const head = git(author, 'rev-parse', 'HEAD');
    const origin = join(dir, 'origin.git');
    git(dir, 'init', '-q', '--bare', origin);
    git(author, 'push', '-q', origin, 'main', `${head}:refs/pull/7/head`);
    const workspace = join(dir, 'workspace');
    git(dir, 'clone', '-q', '--depth=1', '--branch', 'main', `file://${origin}`, workspace);
    github.addPull(7, fakeUser('revops-analyst'), head);
    // The approvers the base's guardrails name can be asked to review (GitHub asks collaborators only).
    for (const login of ['vp-sales', 'head-of-sdr']) github.addCollaborator(login);
    return { workspace, head };
  }

  const replay = (workspace: string, headSha: string) =>
    runActionBundle(
      workspace,
      tempDir(),
      { mode: 'replay', pr: '7', 'head-sha': headSha, 'run-id': '8123456789.2', token: 'actions-token' },
      { GITHUB_REPOSITORY: repoFullName, GITHUB_API_URL: github.url },
    );

  it("fetches the head as objects only, judges it on the base's data, comments and sets the status", async () => {
    const { workspace, head } = setUp();
    const run = await replay(workspace, head);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(git(workspace, 'rev-parse', 'refs/revops/head')).toBe(head);
    // Nothing of the pull request's tree is on disk.
    expect(git(workspace, 'rev-parse', 'HEAD')).toBe(git(workspace, 'rev-parse', 'origin/main'));
    expect(['.npmrc', 'package.json', 'node_modules', 'pwned'].filter((f) => existsSync(join(workspace, f)))).toEqual(
      [],
    );
    expect(readFileSync(join(workspace, 'data', 'activities.csv'), 'utf8')).not.toContain('ACT99999999');
    // The base's data, the head's policies, the base's guardrails; the data change is listed.
    const dir = join(run.runnerTemp, 'revops-impact');
    expect(run.outputs).toEqual({ 'report-path': dir, blocked: 'true' });
    const report = JSON.parse(readFileSync(join(dir, 'impact.json'), 'utf8')) as ImpactReport;
    expectValidImpactReport(report);
    expect(
      report.guardrails
        .filter((g) => g.isCrossed)
        .map((g) => g.id)
        .sort(),
    ).toEqual(['constraint-overload', 'data-changed', 'sla-compliance-drop']);
    expect(report.inputs.dataChanges.map((c) => c.file)).toEqual(['data/activities.csv']);
    // One comment, stamped with the head and the run; the status names the missing approvals.
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body.split('\n')[0]).toContain(`sha=${head} run=8123456789.2`);
    expect(github.statuses).toEqual([
      expect.objectContaining({ sha: head, state: 'failure', context: 'revops-policy/guardrails' }),
    ]);
    expect(github.statuses[0]?.description).toContain('Approval missing');
  }, 240_000);

  it('stops when the pull request has moved past the commit it was asked to judge', async () => {
    const { workspace } = setUp();
    const run = await replay(workspace, 'b'.repeat(40));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::refs/pull/7/head is no longer bbbbbbbbbbbb');
    expect(github.comments).toEqual([]);
    expect(github.statuses).toEqual([]);
    expect(run.outputs).toEqual({});
  }, 120_000);

  it('sets a failure status saying so when the head cannot be replayed, and fails the step', async () => {
    const { workspace, head } = setUp('break');
    const run = await replay(workspace, head);
    expect(run.code).toBe(1);
    expect(github.statuses).toEqual([
      expect.objectContaining({ sha: head, state: 'failure', context: 'revops-policy/guardrails' }),
    ]);
    expect(github.statuses[0]?.description).toMatch(/^Not judged: revops impact failed/);
    expect(github.comments).toEqual([]);
  }, 120_000);
});
