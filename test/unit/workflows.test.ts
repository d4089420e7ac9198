import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, useTempDirs } from '../helpers/paths.js';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Job {
  if?: string;
  permissions?: unknown;
  steps: Step[];
}

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

interface Action {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const templateDir = 'templates/policy-repo/.github/workflows';
const workflowFiles = ['.github/workflows', templateDir].flatMap((dir) =>
  readdirSync(join(repoRoot, dir))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => `${dir}/${f}`),
);
const readText = (file: string): string => readFileSync(join(repoRoot, file), 'utf8');
const readWorkflow = (file: string): Workflow => parse(readText(file)) as Workflow;
const jobSteps = (workflow: Workflow): Step[] => Object.values(workflow.jobs).flatMap((job) => job.steps);
const onlyJob = (workflow: Workflow): Job => {
  const jobs = Object.values(workflow.jobs);
  expect(jobs).toHaveLength(1);
  return jobs[0] as Job;
};
const action = parse(readText('action.yml')) as Action;
const stageOne = readWorkflow(`${templateDir}/revops-impact.yml`);
const stageTwo = readWorkflow(`${templateDir}/revops-comment.yml`);

/** Every file with steps: each workflow, and the composite action. */
const stepFiles: [string, Step[]][] = [...workflowFiles.map((file): [string, Step[]] => [file, jobSteps(readWorkflow(file))]), ['action.yml', action.runs.steps]];

describe.each(stepFiles)('%s', (file, steps) => {
  it('pins every action by full commit SHA, with the release in a comment', () => {
    const unpinned = steps.filter((s) => s.uses !== undefined && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(s.uses)).map((s) => s.uses);
    expect(unpinned).toEqual([]);
    const uncommented = readText(file)
      .split('\n')
      .filter((line) => /^\s*(- )?uses:/.test(line) && !/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(line));
    expect(uncommented).toEqual([]);
  });

  it('checks out without persisting credentials', () => {
    for (const step of steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) {
      expect(step.with?.['persist-credentials']).toBe(false);
    }
  });

  it('puts no ${{ }} expression inside run: (event data, head_ref, inputs and step outputs go through env:)', () => {
    const unsafe = steps.filter((s) => s.run?.includes('${{')).map((s) => s.run);
    expect(unsafe).toEqual([]);
  });
});

describe.each(workflowFiles)('%s', (file) => {
  const workflow = readWorkflow(file);

  it('grants nothing at the top level and what each job needs on the job', () => {
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeDefined();
  });

  it('has no pull_request_target trigger', () => {
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
  });
});

describe('action.yml', () => {
  const runs = action.runs.steps.map((s) => s.run ?? '').join('\n');

  it('is a composite action with the documented inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['base-ref', 'body-file', 'data', 'head-ref', 'head-sha', 'impact-file', 'mapping', 'mode', 'policies', 'pr', 'token'].sort());
    expect(action.inputs['data']?.required).toBe(true);
    expect(action.inputs['policies']?.default).toBe('policies');
    expect(Object.keys(action.outputs).sort()).toEqual(['blocked', 'report-path']);
  });

  it('passes every input to its scripts through env:', () => {
    const envValues = action.runs.steps.flatMap((s) => Object.values(s.env ?? {})).join('\n');
    for (const input of Object.keys(action.inputs)) expect(envValues, input).toContain(`inputs.${input} }}`);
  });

  it('builds its own checkout and runs the built CLI', () => {
    expect(runs).toContain('cd "$GITHUB_ACTION_PATH"');
    expect(runs.indexOf('npm ci')).toBeGreaterThan(-1);
    expect(runs.indexOf('npm run build')).toBeGreaterThan(runs.indexOf('npm ci'));
    expect(runs).toContain('node "$GITHUB_ACTION_PATH/dist/cli/bin.js"');
    for (const step of action.runs.steps.filter((s) => s.run !== undefined)) expect(step.shell).toBe('bash');
  });

  it('reports blocked from the exit code of check', () => {
    const check = action.runs.steps.find((s) => s.id === 'check');
    expect(check?.run).toContain('1) echo "blocked=true"');
    expect(action.outputs['blocked']?.value).toBe('${{ steps.check.outputs.blocked }}');
  });
});

describe('stage one: revops-impact.yml', () => {
  const job = onlyJob(stageOne);
  const runs = job.steps.map((s) => s.run ?? '').join('\n');

  it('runs on pull requests with a read-only token', () => {
    expect(Object.keys(stageOne.on).sort()).toEqual(['pull_request', 'pull_request_review']);
    expect(job.permissions).toEqual({ contents: 'read' });
  });

  it("fetches the base branch's history", () => {
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
  });

  it('validates, replays in both formats, records the pull request and uploads it all', () => {
    expect(runs).toContain('revops validate "$REVOPS_POLICIES" --format github');
    expect(runs).toMatch(/revops impact .* --format markdown --output "\$out\/impact\.md"/);
    expect(runs).toMatch(/revops impact .* --format json --output "\$out\/impact\.json"/);
    expect(runs).toContain('--base "origin/$BASE_REF" --head "$HEAD_SHA"');
    expect(runs).toContain('/revops-impact/pr-number"');
    expect(runs).toContain('/revops-impact/head-sha"');
    expect(runs).toContain('>> "$GITHUB_STEP_SUMMARY"');
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ name: 'revops-impact', path: '${{ runner.temp }}/revops-impact/' });
  });
});

describe('stage two: revops-comment.yml', () => {
  const job = onlyJob(stageTwo);
  const verify = job.steps.find((s) => s.id === 'verify');

  it('runs after stage one, on its pull-request runs that succeeded', () => {
    expect(stageTwo.on).toEqual({ workflow_run: { workflows: [stageOne.name], types: ['completed'] } });
    expect(job.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(job.if).toContain("github.event.workflow_run.event == 'pull_request'");
  });

  it('may comment and set statuses, and read actions only for the artifact', () => {
    expect(job.permissions).toEqual({ actions: 'read', 'pull-requests': 'write', statuses: 'write' });
  });

  it("never checks out or runs the pull request's code", () => {
    expect(job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))).toEqual([]);
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).not.toMatch(/\bgit\s|refs\/pull|\bnpm ci\b/);
    expect(runs).toContain('npm install --no-audit --no-fund --prefix revops-cli "revops-policy@${REVOPS_VERSION}"');
  });

  it('downloads the triggering run\'s artifact outside any working tree', () => {
    const download = job.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toEqual({
      name: 'revops-impact',
      path: '${{ runner.temp }}/revops-impact',
      'run-id': '${{ github.event.workflow_run.id }}',
      'github-token': '${{ github.token }}',
    });
  });

  it('comments and checks only after the artifact is verified', () => {
    expect(verify?.env).toMatchObject({
      RUN_HEAD_SHA: '${{ github.event.workflow_run.head_sha }}',
      RUN_HEAD_REPO: '${{ github.event.workflow_run.head_repository.full_name }}',
    });
    const posting = job.steps.filter((s) => /revops (comment|check)/.test(s.run ?? ''));
    expect(posting.map((s) => s.if)).toEqual(["steps.verify.outputs.verdict == 'trusted'", "steps.verify.outputs.verdict == 'trusted'", "steps.verify.outputs.verdict == 'workflow-changed'"]);
    expect(job.steps.indexOf(verify as Step)).toBeLessThan(job.steps.indexOf(posting[0] as Step));
  });

  describe('its artifact check', () => {
    const tempDir = useTempDirs();
    const sha = 'a'.repeat(40);

    /** Runs the verify step with a fake `gh` that answers for a pull request. */
    function runVerify(artifact: Record<string, string>, pull: { sha: string; repo: string; files?: string[] }, run: { fail?: boolean; headRepo?: string } = {}): { code: number | null; out: string; log: string; calls: string } {
      const dir = tempDir();
      mkdirSync(join(dir, 'revops-impact'));
      mkdirSync(join(dir, 'bin'));
      for (const [name, text] of Object.entries(artifact)) writeFileSync(join(dir, 'revops-impact', name), text);
      const gh = [
        '#!/bin/bash',
        'echo "$*" >> "$RUNNER_TEMP/gh-calls"',
        run.fail === true ? 'echo "HTTP 404" >&2; exit 1' : '',
        `case "$*" in *pulls/*/files*) printf '%s\\n' ${(pull.files ?? ['policies/funnel.yaml']).map((f) => `'${f}'`).join(' ')} ;; *) echo '${pull.sha} ${pull.repo}' ;; esac`,
      ];
      writeFileSync(join(dir, 'bin', 'gh'), gh.join('\n'));
      chmodSync(join(dir, 'bin', 'gh'), 0o755);
      writeFileSync(join(dir, 'script.sh'), verify?.run ?? '');
      writeFileSync(join(dir, 'output'), '');
      const result = spawnSync('bash', ['-e', join(dir, 'script.sh')], {
        encoding: 'utf8',
        env: {
          PATH: `${join(dir, 'bin')}:${process.env['PATH'] ?? ''}`,
          RUNNER_TEMP: dir,
          GITHUB_OUTPUT: join(dir, 'output'),
          GITHUB_REPOSITORY: 'acme/policies',
          RUN_HEAD_SHA: sha,
          RUN_HEAD_REPO: run.headRepo ?? 'someone/policies',
          RUN_WORKFLOW_PATH: '.github/workflows/revops-impact.yml',
        },
      });
      const calls = join(dir, 'gh-calls');
      return { code: result.status, out: readFileSync(join(dir, 'output'), 'utf8'), log: result.stdout + result.stderr, calls: existsSync(calls) ? readFileSync(calls, 'utf8') : '' };
    }

    const fork = { sha, repo: 'someone/policies' };
    const good = { 'pr-number': '12\n', 'head-sha': `${sha}\n` };

    it('trusts an artifact that names the pull request and commit of the run', () => {
      const run = runVerify(good, fork);
      expect(run.code).toBe(0);
      expect(run.out).toBe(`verdict=trusted\npr=12\nhead-sha=${sha}\n`);
      expect(run.calls).toContain('api repos/acme/policies/pulls/12 ');
      expect(run.calls).toContain('api --paginate repos/acme/policies/pulls/12/files ');
    });

    it.each([
      ['a pr-number that is not a number', { ...good, 'pr-number': '12; echo pwned\n' }, fork, 'not a pull request number'],
      ['a pr-number on two lines', { ...good, 'pr-number': '12\n13\n' }, fork, 'not a pull request number'],
      ['no pr-number', { 'head-sha': good['head-sha'] }, fork, 'pr-number'],
      ['a head-sha that is not the run commit', { ...good, 'head-sha': `${'b'.repeat(40)}\n` }, fork, 'not the commit the run was for'],
      ['a head-sha that is not a SHA', { ...good, 'head-sha': '$(id)\n' }, fork, 'not the commit the run was for'],
      ['a pull request from another repository', good, { sha, repo: 'mallory/policies' }, 'does not come from the repository'],
      ['a pull request whose head repository is gone', good, { sha, repo: '' }, 'does not come from the repository', ''],
    ])('rejects %s', (_name, artifact, pull, message, headRepo?: string) => {
      const run = runVerify(artifact, pull, headRepo === undefined ? {} : { headRepo });
      expect(run.code).not.toBe(0);
      expect(run.log).toContain(message);
      expect(run.out).toBe('');
    });

    it('fails when the number is not a pull request', () => {
      expect(runVerify(good, fork, { fail: true }).code).not.toBe(0);
    });

    it('posts nothing for a commit the pull request has moved past', () => {
      const run = runVerify(good, { ...fork, sha: 'c'.repeat(40) });
      expect(run.code).toBe(0);
      expect(run.out).toBe('verdict=stale\n');
    });

    it('refuses to judge a pull request that changes the stage-one workflow', () => {
      const run = runVerify(good, { ...fork, files: ['policies/funnel.yaml', '.github/workflows/revops-impact.yml'] });
      expect(run.code).toBe(0);
      expect(run.out).toBe(`verdict=workflow-changed\npr=12\nhead-sha=${sha}\n`);
    });
  });
});
