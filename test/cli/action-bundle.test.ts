import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionBundle, runActionBundle } from '../helpers/action.js';
import { git } from '../helpers/git.js';
import type { FakeGitHub } from '../helpers/github-server.js';
import { fakeUser, repoFullName, startFakeGitHub } from '../helpers/github-server.js';
import { fixturesDir, repoRoot, useTempDirs } from '../helpers/paths.js';

describe('the action bundle (dist-action/)', () => {
  const tempDir = useTempDirs();

  it('is what `npm run build:action` builds from the sources, byte for byte', () => {
    const out = tempDir();
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts/build-action.mjs'), '--outdir', out], {
      encoding: 'utf8',
    });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    for (const file of ['index.mjs', 'LICENSES.txt']) {
      const isSame = readFileSync(join(out, file)).equals(readFileSync(join(repoRoot, 'dist-action', file)));
      expect(isSame, `dist-action/${file} differs from what src/ builds: run npm run build:action and commit it`).toBe(
        true,
      );
    }
  }, 60_000);

  it('names no path of the machine that built it, and keeps the licences of what it bundles', () => {
    const code = readFileSync(actionBundle, 'utf8');
    expect(code).not.toContain(repoRoot);
    const licences = readFileSync(join(repoRoot, 'dist-action/LICENSES.txt'), 'utf8');
    for (const name of ['commander@', 'ajv@', 'yaml@', 'decimal.js@', '@octokit/core@', 're2js@'])
      expect(licences).toContain(`\n${name}`);
    expect(licences).toContain('Permission is hereby granted');
  });
});

describe('the action, run with node as a workflow runs it', () => {
  const tempDir = useTempDirs();

  /** A repository whose main holds the example policies and data, and a branch that loosens the MQL rule. */
  function makeRepository(): string {
    const repo = join(tempDir(), 'repo');
    cpSync(join(repoRoot, 'policies'), join(repo, 'policies'), { recursive: true });
    cpSync(join(repoRoot, 'examples', 'data'), join(repo, 'data'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    git(repo, 'checkout', '-qb', 'change');
    cpSync(
      join(repoRoot, 'examples', 'proposed-change', 'policies', 'lead-definition.yaml'),
      join(repo, 'policies', 'lead-definition.yaml'),
    );
    git(repo, 'commit', '-qam', 'loosen the MQL rule');
    return repo;
  }

  it('validate: annotates an invalid policy and fails the step; passes a valid set', async () => {
    const repo = join(tempDir(), 'repo');
    cpSync(join(repoRoot, 'policies'), join(repo, 'policies'), { recursive: true });
    const good = await runActionBundle(repo, tempDir(), { mode: 'validate' });
    expect(good.code).toBe(0);
    expect(good.outputs).toEqual({ valid: 'true' });
    appendFileSync(join(repo, 'policies', 'funnel.yaml'), 'unknownField: 1\n');
    const bad = await runActionBundle(repo, tempDir(), { mode: 'validate', policies: 'policies' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^::error file=policies\/funnel\.yaml,line=\d+/m);
    expect(bad.stdout).toContain('::error::revops (mode validate) failed');
    expect(bad.outputs).toEqual({ valid: 'false' });
  }, 120_000);

  it('fails the step on a bad input, before running anything', async () => {
    const run = await runActionBundle(tempDir(), tempDir(), { mode: 'replay', pr: '7; curl x', 'head-sha': 'a' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::Input pr must be a pull request number/m);
    expect(run.outputs).toEqual({});
  });

  it('impact: replays the base data under both sides into the report directory and the job summary', async () => {
    const repo = makeRepository();
    const sha = git(repo, 'rev-parse', 'HEAD');
    const run = await runActionBundle(repo, tempDir(), {
      mode: 'impact',
      'base-ref': 'main',
      'head-ref': sha,
      pr: '7',
      'head-sha': sha,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dir = join(run.runnerTemp, 'revops-impact');
    expect(run.outputs).toEqual({ 'report-path': dir });
    const report = JSON.parse(readFileSync(join(dir, 'impact.json'), 'utf8')) as {
      guardrails: { id: string; isCrossed: boolean }[];
    };
    expect(report.guardrails.filter((g) => g.isCrossed).map((g) => g.id)).toContain('constraint-overload');
    expect(readFileSync(join(dir, 'pr-number'), 'utf8')).toBe('7\n');
    expect(readFileSync(join(dir, 'head-sha'), 'utf8')).toBe(`${sha}\n`);
    expect(run.summary).toBe(readFileSync(join(dir, 'impact.md'), 'utf8'));
    expect(run.summary).toContain('constraint');
  }, 180_000);

  it('impact: an invalid head policy fails the step with its annotation and writes no report', async () => {
    const repo = makeRepository();
    appendFileSync(join(repo, 'policies', 'funnel.yaml'), 'unknownField: 1\n');
    const run = await runActionBundle(repo, tempDir(), { mode: 'impact', 'base-ref': 'main' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=policies\/funnel\.yaml/m);
    expect(existsSync(join(run.runnerTemp, 'revops-impact', 'impact.md'))).toBe(false);
    expect(run.outputs).toEqual({});
  }, 120_000);

  describe('against a loopback GitHub', () => {
    /** The head commit the fixture reports in test/fixtures/github were built on. */
    const headSha = '3f786850e387550fdab836ed7e6dc881de23001b';
    let github: FakeGitHub;
    beforeEach(async () => {
      github = await startFakeGitHub();
      github.addToken('actions-token', 'installation');
      github.addPull(7, fakeUser('revops-analyst'), headSha);
    });
    afterEach(async () => {
      await github.close();
    });
    const env = (): Record<string, string> => ({ GITHUB_REPOSITORY: repoFullName, GITHUB_API_URL: github.url });
    const checkInputs = {
      mode: 'check',
      'impact-file': join(fixturesDir, 'github', 'impact-constraint-crossed.json'),
      pr: '7',
      'head-sha': headSha,
      token: 'actions-token',
    };

    it('check: sets the failure status and says blocked, without failing the step, while approval is missing', async () => {
      const run = await runActionBundle(tempDir(), tempDir(), checkInputs, env());
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ blocked: 'true' });
      expect(github.statuses).toEqual([
        expect.objectContaining({ sha: headSha, state: 'failure', context: 'revops-policy/guardrails' }),
      ]);
    }, 60_000);

    it('check: sets success and says not blocked once the approver approved the head', async () => {
      github.addReview(7, fakeUser('vp-sales'), 'APPROVED', headSha);
      const run = await runActionBundle(tempDir(), tempDir(), checkInputs, env());
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ blocked: 'false' });
      expect(github.statuses.at(-1)).toMatchObject({ state: 'success', description: 'Approved by vp-sales' });
    }, 60_000);

    it('check: a token GitHub does not know fails nothing but blocks (no status is set)', async () => {
      const run = await runActionBundle(tempDir(), tempDir(), { ...checkInputs, token: 'unknown' }, env());
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ blocked: 'true' });
      expect(github.statuses).toEqual([]);
    }, 60_000);

    it('comment: posts the body as the one sticky comment', async () => {
      const body = join(tempDir(), 'impact.md');
      writeFileSync(body, '## Impact\n\nThe constraint stays at mql.\n');
      const inputs = { mode: 'comment', 'body-file': body, pr: '7', 'head-sha': headSha, token: 'actions-token' };
      const run = await runActionBundle(tempDir(), tempDir(), inputs, env());
      expect(run.code).toBe(0);
      expect(github.comments).toHaveLength(1);
      expect(github.comments[0]?.body).toContain('The constraint stays at mql.');
      expect(github.comments[0]?.body.split('\n')[0]).toContain(`sha=${headSha}`);
    }, 60_000);
  });
});
