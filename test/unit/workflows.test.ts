import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionModes } from '../../src/action/action-inputs.js';
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
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value?: string }>;
  runs: { using: string; main: string; steps?: Step[] };
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

/** Every file with steps: each workflow (the action is JavaScript: it has none). */
const stepFiles: [string, Step[]][] = workflowFiles.map((file): [string, Step[]] => [
  file,
  jobSteps(readWorkflow(file)),
]);

/** The scaffold's reference to the revops action, which `revops init --action` replaces. */
const revopsAction = 'OWNER/REPO@REF';
/** The third-party actions, at their releases that run on Node 24 (README: "Pinned actions"). */
const node24Pins: Record<string, string> = {
  'actions/checkout': '3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
  'actions/setup-node': '820762786026740c76f36085b0efc47a31fe5020 # v7.0.0',
  'actions/upload-artifact': 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0',
  'actions/download-artifact': '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1',
};
/** `uses:` lines of a file, as written (with their comment). */
const usesLines = (file: string): string[] =>
  readText(file)
    .split('\n')
    .filter((line) => /^\s*(- )?uses:/.test(line))
    .map((line) => line.replace(/^\s*(- )?uses:\s*/, ''));

describe.each(stepFiles)('%s', (file, steps) => {
  it('pins every third-party action by full commit SHA, with the release in a comment', () => {
    // The revops action itself: the scaffold's placeholder (init writes the reference), or this
    // repository's own checkout in its CI.
    const own = file.startsWith(templateDir) ? revopsAction : './';
    const unpinned = steps
      .filter((s) => s.uses !== undefined && s.uses !== own && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(s.uses))
      .map((s) => s.uses);
    expect(unpinned).toEqual([]);
    const uncommented = usesLines(file).filter((line) => line !== own && !/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(line));
    expect(uncommented).toEqual([]);
  });

  it('uses the releases of actions/* that run on Node 24', () => {
    for (const line of usesLines(file).filter((l) => l.startsWith('actions/'))) {
      const [name] = line.split('@');
      expect(`${name}@${node24Pins[name ?? ''] ?? 'an unknown action'}`).toBe(line);
    }
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

/** What `revops init` scaffolds: it runs on a user's pull requests. */
const shippedStepFiles = stepFiles.filter(([file]) => file.startsWith(templateDir));

describe.each(shippedStepFiles)('%s', (_file, steps) => {
  it('installs and builds nothing: revops is the pinned action, run as it is', () => {
    const installs = steps.filter((s) =>
      /\b(npm|npx|yarn|pnpm|node|setup-node)\b/.test(`${s.run ?? ''} ${s.uses ?? ''}`),
    );
    expect(installs).toEqual([]);
    const revops = steps.filter((s) => s.uses === revopsAction);
    expect(revops.length).toBeGreaterThan(0);
    for (const step of revops) {
      expect(actionModes).toContain(String(step.with?.['mode']));
      for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), input).toContain(input);
    }
  });
});

describe("the README's pinned actions", () => {
  it('lists exactly the releases and commits the workflows pin', () => {
    const readme = readText('README.md');
    const table = readme.slice(readme.indexOf('\n### Pinned actions\n'), readme.indexOf('How each was checked'));
    const rows = [...table.matchAll(/^\| (actions\/[\w-]+)[^|]*\| (v\d+\.\d+\.\d+) \| `([0-9a-f]{40})` \|$/gm)].map(
      (m) => [m[1], `${m[3]} # ${m[2]}`],
    );
    expect(Object.fromEntries(rows)).toEqual(node24Pins);
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
  it('is a JavaScript action on Node 24 whose entry is the committed bundle', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist-action/index.mjs' });
    expect(existsSync(join(repoRoot, action.runs.main))).toBe(true);
    expect(existsSync(join(repoRoot, 'dist-action/LICENSES.txt'))).toBe(true);
  });

  it('documents every input and output, and offers every mode', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      [
        'base-ref',
        'body-file',
        'data',
        'head-ref',
        'head-sha',
        'impact-file',
        'mapping',
        'mask',
        'min-coverage',
        'mode',
        'policies',
        'pr',
        'run-id',
        'token',
      ].sort(),
    );
    expect(action.inputs['policies']?.default).toBe('policies');
    expect(action.inputs['data']?.default).toBe('data');
    expect(action.inputs['token']?.default).toBe('${{ github.token }}');
    expect(Object.keys(action.outputs).sort()).toEqual(['blocked', 'report-path', 'valid']);
    for (const [name, entry] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)])
      expect(entry.description, name).toMatch(/\w{3}/);
    const text = readText('action.yml');
    for (const mode of actionModes) {
      expect(text).toContain(`# mode ${mode}:`);
      expect(action.inputs['mode']?.description).toContain(mode);
    }
  });

  it("declares exactly the inputs the action's code reads", () => {
    const code = readdirSync(join(repoRoot, 'src/action'))
      .map((f) => readText(`src/action/${f}`))
      .join('\n');
    const read = [...code.matchAll(/read(?:Input|Boolean)\(env, '([a-z-]+)'/g)].map((m) => m[1]).sort();
    expect(read).toEqual(Object.keys(action.inputs).sort());
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

  it("validates and replays the base's data for the job summary, with the action in impact mode", () => {
    const impact = job.steps.filter((s) => s.uses === revopsAction);
    expect(impact.map((s) => s.with)).toEqual([
      {
        mode: 'impact',
        policies: '${{ env.REVOPS_POLICIES }}',
        data: '${{ env.REVOPS_DATA }}',
        'base-ref': 'origin/${{ github.event.pull_request.base.ref }}',
        'head-ref': '${{ github.event.pull_request.head.sha }}',
      },
    ]);
    expect(job.steps.indexOf(impact[0] as Step)).toBeGreaterThan(
      job.steps.findIndex((s) => s.uses?.startsWith('actions/checkout@')),
    );
  });

  it('hands stage two nothing but the pull-request number, recorded before anything can fail', () => {
    const upload = job.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload.map((s) => s.with)).toEqual([
      { name: 'revops-pr', path: '${{ runner.temp }}/revops-pr/', 'if-no-files-found': 'error', 'retention-days': 7 },
    ]);
    expect(runs).toContain('> "$RUNNER_TEMP/revops-pr/pr-number"');
    expect(runs).not.toMatch(/impact\.json|head-sha"/);
    const first = job.steps.findIndex((s) => s.uses?.startsWith('actions/checkout@') || s.uses === revopsAction);
    expect(job.steps.indexOf(upload[0] as Step)).toBeLessThan(first);
  });
});

describe('stage two: revops-comment.yml', () => {
  const job = onlyJob(stageTwo);
  const verify = job.steps.find((s) => s.id === 'verify');
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

  it('replays with the action in replay mode, on the base checkout, for the verified pull request and commit', () => {
    const replay = job.steps.filter((s) => s.uses === revopsAction);
    expect(replay).toHaveLength(1);
    expect(replay[0]?.if).toBe("steps.verify.outputs.verdict == 'judge'");
    expect(replay[0]?.with).toEqual({
      mode: 'replay',
      policies: '${{ env.REVOPS_POLICIES }}',
      data: '${{ env.REVOPS_DATA }}',
      pr: '${{ steps.verify.outputs.pr }}',
      'head-sha': '${{ steps.verify.outputs.head-sha }}',
      'run-id': '${{ github.event.workflow_run.id }}.${{ github.event.workflow_run.run_attempt }}',
    });
    expect(at(replay[0])).toBeGreaterThan(job.steps.findIndex((s) => s.uses?.startsWith('actions/checkout@')));
  });

  it('never checks out, installs or runs anything of the pull request itself', () => {
    expect(runs).not.toMatch(
      /\bgit\s+(-c\s+\S+\s+)?(checkout|switch|worktree|reset|merge|pull|restore|submodule)\b|\bnpm\b|\bnpx\b|\bnode\s/,
    );
    expect(job.steps.filter((s) => s.uses?.startsWith('./'))).toEqual([]);
  });

  it("decides the status from its own replay of the base's data, never from the artifact", () => {
    // Only the verify step reads what stage one uploaded, and only its pull-request number.
    const readers = job.steps.filter((s) => (s.run ?? '').includes('revops-pr'));
    expect(readers).toEqual([verify]);
    expect(verify?.run).toContain('pr=$(head -c 32 "$RUNNER_TEMP/revops-pr/pr-number")');
    expect(JSON.stringify(job.steps.find((s) => s.uses === revopsAction)?.with)).not.toContain('revops-pr');
  });

  it('sets a failure status when it will not judge (the action sets one when it cannot replay)', () => {
    const fail = job.steps.filter((s) => (s.run ?? '').includes('-f state=failure'));
    expect(fail.map((s) => s.if)).toEqual(["steps.verify.outputs.verdict == 'too-many-files'"]);
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
