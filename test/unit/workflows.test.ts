import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, useTempDirs } from '../helpers/paths.js';

interface Step {
  id?: string;
  'working-directory'?: string;
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
const stepFiles: [string, Step[]][] = [
  ...workflowFiles.map((file): [string, Step[]] => [file, jobSteps(readWorkflow(file))]),
  ['action.yml', action.runs.steps],
];

describe.each(stepFiles)('%s', (file, steps) => {
  it('pins every action by full commit SHA, with the release in a comment', () => {
    const unpinned = steps
      .filter((s) => s.uses !== undefined && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(s.uses))
      .map((s) => s.uses);
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

/** What `revops init` scaffolds and the action: they run on a user's pull requests. */
const shippedStepFiles = stepFiles.filter(([file]) => file.startsWith(templateDir) || file === 'action.yml');

describe.each(shippedStepFiles)('%s', (_file, steps) => {
  it('installs with npm only outside the checkout, with no scripts, an empty user config and the public registry', () => {
    const installs = steps.filter((s) => /\bnpm (install|ci|i)\b/.test(s.run ?? ''));
    expect(installs).toHaveLength(1);
    for (const step of installs) {
      expect(step.run).toContain('--ignore-scripts');
      expect(step.run).toContain('--userconfig "$RUNNER_TEMP/revops-npmrc"');
      expect(step.run).toContain('--registry https://registry.npmjs.org/');
      expect(step['working-directory'] === '${{ runner.temp }}' || step.run?.includes('cd "$GITHUB_ACTION_PATH"')).toBe(
        true,
      );
    }
    expect(steps.filter((s) => /\bnpx\b/.test(s.run ?? ''))).toEqual([]);
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
    expect(Object.keys(action.inputs).sort()).toEqual(
      [
        'base-ref',
        'body-file',
        'data',
        'head-ref',
        'head-sha',
        'impact-file',
        'mapping',
        'mode',
        'policies',
        'pr',
        'token',
      ].sort(),
    );
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

  it("replays in a base checkout: fetches the head as objects, replays the base's data, then comments and checks", () => {
    const replay = action.runs.steps.find((s) => s.id === 'replay');
    expect(replay?.if).toBe("inputs.mode == 'replay'");
    expect(replay?.run).toContain(
      'fetch --no-tags --no-recurse-submodules --depth=1 origin "+refs/pull/$PR/head:refs/revops/head"',
    );
    expect(replay?.run).toContain('if [ "$(git rev-parse refs/revops/head)" != "$HEAD_SHA" ]');
    expect(replay?.run).toContain('--base "${BASE_REF:-HEAD}" --head "$HEAD_SHA"');
    expect(replay?.run).toContain('--data-ref base');
    expect(replay?.run).not.toMatch(/\bgit\s+(checkout|switch|worktree|reset|merge|pull)\b/);
    const check = action.runs.steps.find((s) => s.id === 'check');
    expect(check?.if).toBe("inputs.mode == 'check' || inputs.mode == 'replay'");
    expect(check?.run).toContain('if [ -n "$REPORT_PATH" ]; then IMPACT_FILE="$REPORT_PATH/impact.json"; fi');
    expect(check?.env?.['REPORT_PATH']).toBe('${{ steps.replay.outputs.report-path }}');
  });

  it('reports blocked from the exit code of check', () => {
    const check = action.runs.steps.find((s) => s.id === 'check');
    expect(check?.run).toContain('1) echo "blocked=true"');
    // GitHub refused the status (exit 3): none is set, so the merge stays blocked; not a failed step.
    expect(check?.run).toContain('3) echo "blocked=true"');
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

  it("validates and replays the base's data for the job summary", () => {
    expect(runs).toContain('revops validate --policies "$REVOPS_POLICIES" --format github');
    expect(runs).toMatch(
      /revops impact --base "origin\/\$BASE_REF" --head "\$HEAD_SHA" .*--data-ref base .*--format markdown/s,
    );
    expect(runs).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  it('hands stage two nothing but the pull-request number, recorded before anything can fail', () => {
    const upload = job.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload.map((s) => s.with)).toEqual([
      { name: 'revops-pr', path: '${{ runner.temp }}/revops-pr/', 'if-no-files-found': 'error', 'retention-days': 7 },
    ]);
    expect(runs).toContain('> "$RUNNER_TEMP/revops-pr/pr-number"');
    expect(runs).not.toMatch(/impact\.json|head-sha"/);
    const first = job.steps.findIndex(
      (s) => s.uses?.startsWith('actions/checkout@') || /npm|revops /.test(s.run ?? ''),
    );
    expect(job.steps.indexOf(upload[0] as Step)).toBeLessThan(first);
  });
});

describe('stage two: revops-comment.yml', () => {
  const job = onlyJob(stageTwo);
  const verify = job.steps.find((s) => s.id === 'verify');
  const impact = job.steps.find((s) => s.id === 'impact');
  const runs = job.steps.map((s) => s.run ?? '').join('\n');
  const at = (step: Step | undefined): number => job.steps.indexOf(step as Step);

  it('runs after stage one, on its pull-request runs that finished', () => {
    expect(stageTwo.on).toEqual({ workflow_run: { workflows: [stageOne.name], types: ['completed'] } });
    expect(job.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(job.if).toContain("github.event.workflow_run.conclusion == 'failure'");
    expect(job.if).toContain("github.event.workflow_run.event == 'pull_request'");
  });

  it('may read the repository and the artifact, comment and set statuses', () => {
    expect(job.permissions).toEqual({ actions: 'read', contents: 'read', 'pull-requests': 'write', statuses: 'write' });
  });

  it('checks out the base branch only, after the pull request is verified', () => {
    const checkouts = job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((s) => s.with)).toEqual([
      { ref: '${{ steps.verify.outputs.base-ref }}', 'persist-credentials': false },
    ]);
    expect(at(checkouts[0])).toBeGreaterThan(at(verify));
  });

  it("fetches the head's objects and never checks out, installs or runs them", () => {
    expect(runs).toContain(
      'fetch --no-tags --no-recurse-submodules --depth=1 origin "+refs/pull/$PR_NUMBER/head:refs/revops/head"',
    );
    expect(runs).toContain('if [ "$(git rev-parse refs/revops/head)" != "$HEAD_SHA" ]');
    expect(runs).not.toMatch(
      /\bgit\s+(-c\s+\S+\s+)?(checkout|switch|worktree|reset|merge|pull|restore|submodule)\b|\bnpm ci\b|\bnpx\b|\bnode\s/,
    );
  });

  it('installs revops before any checkout, outside it, with no scripts and no .npmrc but an empty one', () => {
    const npm = job.steps.filter((s) => /\bnpm\b/.test(s.run ?? ''));
    expect(npm).toHaveLength(1);
    expect(npm[0]?.['working-directory']).toBe('${{ runner.temp }}');
    expect(npm[0]?.run).toMatch(
      /npm install --ignore-scripts .*--userconfig "\$RUNNER_TEMP\/revops-npmrc" .*--registry https:\/\/registry\.npmjs\.org\/ --prefix revops-cli/s,
    );
    expect(at(npm[0])).toBeLessThan(job.steps.findIndex((s) => s.uses?.startsWith('actions/checkout@')));
  });

  it("decides the status from its own replay of the base's data, never from the artifact", () => {
    expect(impact?.if).toBe("steps.verify.outputs.verdict == 'judge'");
    expect(impact?.run).toContain(
      'sides=(--base HEAD --head "$HEAD_SHA" --policies "$REVOPS_POLICIES" --data "$REVOPS_DATA" --data-ref base --mask --quiet)',
    );
    expect(impact?.run).toContain('--format json --output "$out/impact.json"');
    expect(impact?.run).toContain('out="$RUNNER_TEMP/revops-report"');
    const check = job.steps.find((s) => /revops check/.test(s.run ?? ''));
    expect(check?.run).toContain('revops check --impact "$RUNNER_TEMP/revops-report/impact.json"');
    expect(at(check)).toBeGreaterThan(at(impact));
    // Only the verify step reads what stage one uploaded, and only its pull-request number.
    const readers = job.steps.filter((s) => (s.run ?? '').includes('revops-pr'));
    expect(readers).toEqual([verify]);
    expect(verify?.run).toContain('pr=$(head -c 32 "$RUNNER_TEMP/revops-pr/pr-number")');
    for (const step of job.steps.filter((s) => /revops (comment|check) --/.test(s.run ?? '')))
      expect(step.if).toBe("steps.impact.outputs.code == '0'");
  });

  it('sets a failure status when it cannot replay or will not judge', () => {
    const fail = job.steps.filter((s) => (s.run ?? '').includes('-f state=failure'));
    expect(fail.map((s) => s.if)).toEqual([
      "steps.verify.outputs.verdict == 'too-many-files'",
      "steps.impact.outputs.code != '' && steps.impact.outputs.code != '0'",
    ]);
  });

  describe('its pull-request check', () => {
    const tempDir = useTempDirs();
    const sha = 'a'.repeat(40);

    /** Runs the verify step with a fake `gh` that answers for a pull request. */
    function runVerify(
      artifact: Record<string, string>,
      pull: { sha: string; repo: string; base?: string; changed?: number; listed?: number },
      run: { fail?: boolean; headRepo?: string } = {},
    ): { code: number | null; out: string; log: string; calls: string } {
      const dir = tempDir();
      mkdirSync(join(dir, 'revops-pr'));
      mkdirSync(join(dir, 'bin'));
      for (const [name, text] of Object.entries(artifact)) writeFileSync(join(dir, 'revops-pr', name), text);
      const listed = pull.listed ?? 1;
      const gh = [
        '#!/bin/bash',
        'echo "$*" >> "$RUNNER_TEMP/gh-calls"',
        run.fail === true ? 'echo "HTTP 404" >&2; exit 1' : '',
        `case "$*" in *pulls/*/files*) for ((i = 0; i < ${listed}; i++)); do echo "policies/f$i.yaml"; done ;; *) echo '${pull.sha} ${pull.repo} ${pull.base ?? 'main'} ${pull.changed ?? listed}' ;; esac`,
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
        },
      });
      const calls = join(dir, 'gh-calls');
      return {
        code: result.status,
        out: readFileSync(join(dir, 'output'), 'utf8'),
        log: result.stdout + result.stderr,
        calls: existsSync(calls) ? readFileSync(calls, 'utf8') : '',
      };
    }

    const fork = { sha, repo: 'someone/policies' };
    const good = { 'pr-number': '12\n' };

    it('judges the pull request the run was for, on its base branch', () => {
      const run = runVerify(good, fork);
      expect(run.code).toBe(0);
      expect(run.out).toBe(`verdict=judge\npr=12\nhead-sha=${sha}\nbase-ref=main\n`);
      expect(run.calls).toContain('api repos/acme/policies/pulls/12 ');
      expect(run.calls).toContain('api --paginate repos/acme/policies/pulls/12/files?per_page=100 ');
    });

    it.each([
      ['a pr-number that is not a number', { 'pr-number': '12; echo pwned\n' }, fork, 'not a pull request number'],
      ['a pr-number on two lines', { 'pr-number': '12\n13\n' }, fork, 'not a pull request number'],
      ['a pr-number of 0', { 'pr-number': '0\n' }, fork, 'not a pull request number'],
      ['no pr-number', {}, fork, 'pr-number'],
      [
        'a pull request from another repository',
        good,
        { sha, repo: 'mallory/policies' },
        'does not come from the repository',
      ],
      ['a pull request whose head repository is gone', good, { sha, repo: '-' }, 'does not come from the repository'],
      ['a base branch named like an option', good, { ...fork, base: '--upload-pack=x' }, 'unexpected name'],
      ['a base branch with ..', good, { ...fork, base: 'a/../b' }, 'unexpected name'],
    ])('rejects %s', (_name, artifact, pull, message) => {
      const run = runVerify(artifact, pull);
      expect(run.code).not.toBe(0);
      expect(run.log).toContain(message);
      expect(run.out).toBe('');
    });

    it('fails when the number is not a pull request', () => {
      expect(runVerify(good, fork, { fail: true }).code).not.toBe(0);
    });

    it('judges nothing for a commit the pull request has moved past', () => {
      const run = runVerify(good, { ...fork, sha: 'c'.repeat(40) });
      expect(run.code).toBe(0);
      expect(run.out).toBe('verdict=stale\n');
    });

    it.each([
      ['3,000 files listed (the cap)', { listed: 3000 }, 'too-many-files'],
      ['more files changed than listed', { listed: 2999, changed: 3500 }, 'too-many-files'],
      ['2,999 files', { listed: 2999 }, 'judge'],
    ])('refuses to judge a pull request at the file-list cap: %s', (_name, files, verdict) => {
      const run = runVerify(good, { ...fork, ...files });
      expect(run.code).toBe(0);
      expect(run.out).toBe(`verdict=${verdict}\npr=12\nhead-sha=${sha}\nbase-ref=main\n`);
    });
  });
});
