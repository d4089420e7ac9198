import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';
import { git } from '../helpers/git.js';

interface Step {
  name?: string;
  run?: string;
}
const stageTwo = parse(
  readFileSync(join(repoRoot, 'templates/policy-repo/.github/workflows/revops-comment.yml'), 'utf8'),
) as { jobs: { comment: { steps: Step[] } } };
const fetchStep = stageTwo.jobs.comment.steps.find((s) => s.name?.startsWith('Fetch the pull request')) as Step;

describe("stage two's replay on a base checkout", () => {
  const tempDir = useTempDirs();

  /**
   * An origin whose main holds policies and data, and whose refs/pull/7/head is a pull request
   * that loosens the MQL rule, adds a far-future activity and ships its own .npmrc, package.json
   * and node_modules; then stage two's checkout: a shallow clone of main.
   */
  function setUp(): { workspace: string; head: string; runnerTemp: string } {
    const dir = tempDir();
    const author = join(dir, 'author');
    cpSync(join(repoRoot, 'policies'), join(author, 'policies'), { recursive: true });
    cpSync(join(repoRoot, 'examples', 'data'), join(author, 'data'), { recursive: true });
    git(author, 'init', '-q', '-b', 'main');
    git(author, 'add', '.');
    git(author, 'commit', '-qm', 'base');
    git(author, 'checkout', '-qb', 'pr');
    cpSync(
      join(repoRoot, 'examples', 'proposed-change', 'policies', 'lead-definition.yaml'),
      join(author, 'policies', 'lead-definition.yaml'),
    );
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
    const runnerTemp = join(dir, 'runner');
    mkdirSync(runnerTemp);
    return { workspace, head, runnerTemp };
  }

  const runFetch = (workspace: string, head: string, runnerTemp: string) =>
    spawnSync('bash', ['-e', '-c', fetchStep.run ?? ''], {
      cwd: workspace,
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'] ?? '',
        RUNNER_TEMP: runnerTemp,
        GH_TOKEN: 'token',
        PR_NUMBER: '7',
        HEAD_SHA: head,
        HOME: runnerTemp,
      },
    });

  it("fetches the head as objects only, and the replay judges it on the base's data", async () => {
    const { workspace, head, runnerTemp } = setUp();
    const fetched = runFetch(workspace, head, runnerTemp);
    expect(fetched.stderr).not.toContain('error');
    expect(fetched.status).toBe(0);
    expect(git(workspace, 'rev-parse', 'refs/revops/head')).toBe(head);
    // Nothing of the pull request's tree is on disk.
    expect(git(workspace, 'rev-parse', 'HEAD')).toBe(git(workspace, 'rev-parse', 'origin/main'));
    expect(['.npmrc', 'package.json', 'node_modules', 'pwned'].filter((f) => existsSync(join(workspace, f)))).toEqual(
      [],
    );
    expect(readFileSync(join(workspace, 'data', 'activities.csv'), 'utf8')).not.toContain('ACT99999999');
    // The replay step's command, as stage two runs it in the checkout.
    const run = await runRevops([
      'impact',
      '--repo',
      workspace,
      '--base',
      'HEAD',
      '--head',
      head,
      '--policies',
      'policies',
      '--data',
      join(workspace, 'data'),
      '--data-ref',
      'base',
      '--mask',
      '--quiet',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ImpactReport;
    expectValidImpactReport(report);
    expect(
      report.guardrails
        .filter((g) => g.isCrossed)
        .map((g) => g.id)
        .sort(),
    ).toEqual(['constraint-overload', 'data-changed', 'sla-compliance-drop']);
    expect(report.inputs.dataChanges.map((c) => c.file)).toEqual(['data/activities.csv']);
  });

  it('stops when the pull request has moved past the commit it was asked to judge', () => {
    const { workspace, runnerTemp } = setUp();
    const fetched = runFetch(workspace, 'b'.repeat(40), runnerTemp);
    expect(fetched.status).not.toBe(0);
    expect(fetched.stdout).toContain('is no longer bbbbbbbbbbbb');
  });
});
