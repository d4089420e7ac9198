import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { git } from '../helpers/git.js';
import type { FakeGitHub } from '../helpers/github-server.js';
import { fakeUser, repoFullName, startFakeGitHub } from '../helpers/github-server.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';
import type { UsesHandlerArgs, WorkflowRun } from '../helpers/workflow-runner.js';
import { runWorkflowJob } from '../helpers/workflow-runner.js';

const action = `acme/revops-policy@${'c'.repeat(40)}`;

/**
 * A new user's flow, as the README tells it: `revops init --action`, commit the data, open a
 * pull request that loosens the MQL rule; then the scaffolded workflows' steps, in order, with
 * the committed action bundle, against a loopback GitHub.
 */
describe('the scaffolded workflows, step by step, with the bundled action', () => {
  const tempDir = useTempDirs();
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addToken('actions-token', 'installation');
  });
  afterEach(async () => {
    await github.close();
  });

  async function setUp(): Promise<{ dir: string; origin: string; head: string; policyRepo: string }> {
    const dir = tempDir();
    const policyRepo = join(dir, 'revenue-policies');
    expect((await runRevops(['init', '-o', policyRepo, '--action', action, '--quiet'])).code).toBe(0);
    cpSync(join(repoRoot, 'examples', 'data'), join(policyRepo, 'data'), { recursive: true });
    git(policyRepo, 'init', '-q', '-b', 'main');
    git(policyRepo, 'add', '-A');
    git(policyRepo, 'add', '-f', 'data');
    git(policyRepo, 'commit', '-qm', 'policies, workflows and the CRM export');
    git(policyRepo, 'checkout', '-qb', 'lower-mql');
    // The bundled change's lead definition, its editor modeline pointed at the scaffold's schemas/.
    const proposed = readFileSync(
      join(repoRoot, 'examples', 'proposed-change', 'policies', 'lead-definition.yaml'),
      'utf8',
    );
    writeFileSync(
      join(policyRepo, 'policies', 'lead-definition.yaml'),
      proposed.replace('$schema=../../../schemas/', '$schema=../schemas/'),
    );
    git(policyRepo, 'commit', '-qam', 'lower the MQL threshold');
    const head = git(policyRepo, 'rev-parse', 'HEAD');
    const origin = join(dir, 'origin.git');
    git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
    git(policyRepo, 'push', '-q', origin, 'main', `${head}:refs/pull/7/head`);
    github.addPull(7, fakeUser('revops-analyst'), head);
    return { dir, origin, head, policyRepo };
  }

  /** actions/checkout: a clone of the origin at `ref` (default the pull request's head), shallow unless fetch-depth is 0. */
  const checkout =
    (origin: string, defaultRef: string) =>
    ({ with: options, workspace }: UsesHandlerArgs): void => {
      rmSync(workspace, { recursive: true, force: true });
      const depth = options['fetch-depth'] === '0' ? [] : ['--depth=1'];
      git(join(workspace, '..'), 'clone', '-q', ...depth, '--no-checkout', `file://${origin}`, workspace);
      const ref = options['ref'] ?? defaultRef;
      git(workspace, 'fetch', '-q', ...depth, 'origin', ref.startsWith('refs/') ? `+${ref}:refs/remotes/pull` : ref);
      git(workspace, 'checkout', '-q', 'FETCH_HEAD');
    };
  const artifacts = new Map<string, string>();
  const upload = ({ with: options }: UsesHandlerArgs): void => {
    const store = join(tempDir(), 'artifact');
    cpSync(options['path'] ?? '', store, { recursive: true });
    artifacts.set(options['name'] ?? '', store);
  };
  const download = ({ with: options }: UsesHandlerArgs): void => {
    cpSync(artifacts.get(options['name'] ?? '') ?? '/nonexistent', options['path'] ?? '', { recursive: true });
  };

  /** `gh api` as stage two's verify step calls it, answering what the loopback GitHub holds. */
  function fakeGh(dir: string, head: string): string {
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      join(bin, 'gh'),
      [
        '#!/bin/bash',
        `case "$*" in *pulls/7/files*) echo policies/lead-definition.yaml ;; *pulls/7*) echo '${head} ${repoFullName} main 1' ;; *) exit 1 ;; esac`,
      ].join('\n'),
    );
    chmodSync(join(bin, 'gh'), 0o755);
    return bin;
  }

  const expectAllRan = (run: WorkflowRun, skipped: string[] = []): void => {
    for (const step of run.steps) {
      if (skipped.includes(step.name)) expect(step.skipped, step.name).toBe(true);
      else
        expect({ name: step.name, code: step.code, log: step.code === 0 ? '' : step.log }).toEqual({
          name: step.name,
          code: 0,
          log: '',
        });
    }
  };

  it('validate, impact (stage one) and comment (stage two) run as the README says', async () => {
    const { dir, origin, head, policyRepo } = await setUp();
    const workflows = join(policyRepo, '.github', 'workflows');
    const env = {
      PATH: `${fakeGh(dir, head)}:${process.env['PATH'] ?? ''}`,
      GITHUB_REPOSITORY: repoFullName,
      GITHUB_API_URL: github.url,
      NO_COLOR: '1',
    };
    const context = {
      'github.event.pull_request.number': '7',
      'github.event.pull_request.base.ref': 'main',
      'github.event.pull_request.head.sha': head,
      'github.event.workflow_run.head_sha': head,
      'github.event.workflow_run.head_repository.full_name': repoFullName,
      'github.event.workflow_run.id': '8123456789',
      'github.event.workflow_run.run_attempt': '1',
      'github.token': 'actions-token',
    };
    const uses = {
      'actions/checkout': checkout(origin, 'refs/pull/7/head'),
      'actions/upload-artifact': upload,
      'actions/download-artifact': download,
    };
    const job = (name: string) => ({
      action,
      workspace: join(dir, `${name}-workspace`),
      home: join(dir, `${name}-home`),
      context,
      env,
      uses,
    });

    const validate = await runWorkflowJob(join(workflows, 'revops-validate.yml'), job('validate'));
    expectAllRan(validate);

    const stageOne = await runWorkflowJob(join(workflows, 'revops-impact.yml'), job('impact'));
    expectAllRan(stageOne);
    expect(stageOne.summary).toContain('mql');
    expect(readFileSync(join(artifacts.get('revops-pr') ?? '', 'pr-number'), 'utf8')).toBe('7\n');
    expect(github.requests).toEqual([]);

    const stageTwo = await runWorkflowJob(join(workflows, 'revops-comment.yml'), job('comment'));
    expectAllRan(stageTwo, ['Refuse to judge a pull request of 3,000 files or more']);
    expect(stageTwo.outputs['verify']).toMatchObject({ verdict: 'judge', pr: '7', 'head-sha': head });
    // The base checkout, with the head's objects only.
    const workspace = join(dir, 'comment-workspace');
    expect(git(workspace, 'rev-parse', 'HEAD')).toBe(git(policyRepo, 'rev-parse', 'main'));
    expect(git(workspace, 'rev-parse', 'refs/revops/head')).toBe(head);
    expect(existsSync(join(workspace, 'data', 'leads.csv'))).toBe(true);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body.split('\n')[0]).toContain(`sha=${head} run=8123456789.1`);
    expect(github.statuses).toEqual([
      expect.objectContaining({ sha: head, state: 'failure', context: 'revops-policy/guardrails' }),
    ]);
    expect(github.statuses[0]?.description).toContain('Approval missing: constraint-overload');
    // The page for leaders, from the same replay, is the run's artifact.
    const page = readFileSync(artifacts.get('revops-impact-report') ?? '', 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('Approval required');
    expect(page).toContain('constraint-overload');

    // The VP approves the head: stage two runs again and the status turns green.
    github.addReview(7, fakeUser('vp-sales'), 'APPROVED', head);
    const again = await runWorkflowJob(join(workflows, 'revops-comment.yml'), job('comment-again'));
    expectAllRan(again, ['Refuse to judge a pull request of 3,000 files or more']);
    expect(github.statuses.at(-1)).toMatchObject({ state: 'success' });
    expect(github.comments).toHaveLength(1);
  }, 600_000);
});
