import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrPreview } from '../../src/cli/commands/pr.js';
import { runRevops } from '../helpers/cli.js';
import { git } from '../helpers/git.js';
import type { FakeGitHub } from '../helpers/github-server.js';
import { startFakeGitHub } from '../helpers/github-server.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';

const proposed = join(repoRoot, 'examples', 'proposed-change', 'policies', 'lead-definition.yaml');

/** Each test runs the CLI three or four times on the example data: longer than the default timeout. */

/** The two approvals the proposed change needs, as the base's guardrails name them. */
const mentionLine =
  '**Approval needed from** @vp-sales (constraint-overload); any one of vp-sales or @head-of-sdr (sla-compliance-drop).';

describe('revops pr: the pull request flow offline, from local git', () => {
  const tempDir = useTempDirs();
  let github: FakeGitHub;
  /** GitHub variables pointing at a loopback server that records any request: none may come. */
  let env: Record<string, string>;

  beforeAll(async () => {
    github = await startFakeGitHub();
    env = { GITHUB_TOKEN: '', GITHUB_API_URL: github.url, GITHUB_REPOSITORY: '', GITHUB_EVENT_PATH: '' };
  });
  afterAll(async () => {
    await github.close();
  });

  /** A policy repository as `init` lays it out: the example policies and data committed on main, then the change edited in. */
  function setUpRepository(): string {
    const repo = tempDir();
    cpSync(join(repoRoot, 'policies'), join(repo, 'policies'), { recursive: true });
    cpSync(join(repoRoot, 'examples', 'data'), join(repo, 'data'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'policies and data');
    cpSync(proposed, join(repo, 'policies', 'lead-definition.yaml'));
    return repo;
  }
  const pr = (repo: string, ...args: string[]): ReturnType<typeof runRevops> =>
    runRevops(['pr', '-q', '--repo', repo, '--base', 'main', '--data', join(repo, 'data'), ...args], env);

  it('prints the comment body, the failure status and the reviewers; JSON holds the same; nothing is sent', async () => {
    const repo = setUpRepository();
    const run = await pr(repo, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const preview = JSON.parse(run.stdout) as PrPreview;
    expect(preview.head).toMatchObject({ sha: null });
    expect(preview.base).toMatchObject({ ref: 'main', sha: git(repo, 'rev-parse', 'HEAD') });
    expect(preview.comment.body.split('\n')[0]).toBe('<!-- revops-policy:impact -->');
    expect(preview.comment.body).toContain('LeadDefinition lumen-lead-definition');
    expect(preview.comment.body).toContain(mentionLine);
    expect(preview.comment.characters).toBe(preview.comment.body.length);
    expect(preview.status).toEqual({
      context: 'revops-policy/guardrails',
      state: 'failure',
      description:
        'Approval missing: constraint-overload needs vp-sales; sla-compliance-drop needs one of vp-sales or head-of-sdr',
      lines: expect.arrayContaining([
        'missing   constraint-overload: constraint_utilisation 1.02 is above 1',
      ]) as unknown,
    });
    expect(preview.reviewers).toEqual({ users: ['vp-sales', 'head-of-sdr'], teams: [], notes: [] });

    const text = await pr(repo, '--approved-by', 'vp-sales');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('approvals assumed: vp-sales');
    expect(text.stdout).toContain('success: Approved by vp-sales');
    expect(text.stdout).toMatch(/Reviewers it would request ─+\nnobody\n/);

    const markdown = await pr(repo, '--format', 'markdown');
    expect(markdown.stdout).toBe(preview.comment.body);
    expect(github.requests).toEqual([]);
  }, 120_000);

  it("judges with the base's guardrails: a head that adds an approver or a mention changes nobody requested", async () => {
    const repo = setUpRepository();
    const guardrails = join(repo, 'policies', 'guardrails.yaml');
    writeFileSync(
      guardrails,
      readFileSync(guardrails, 'utf8')
        .replace('users: [vp-sales]\n', 'users: [vp-sales, mallory]\n        requires: any\n')
        .replace('description: Moving the bottleneck', 'description: "@mallory please approve. Moving the bottleneck')
        .replace('changes what every team optimises.', 'changes what every team optimises."'),
    );
    const run = await pr(repo, '--format', 'json', '--approved-by', 'mallory');
    expect(run.stderr).toBe('');
    const preview = JSON.parse(run.stdout) as PrPreview;
    // The head's guardrail file changed (it is listed) but the base's judges.
    expect(preview.comment.body).toContain('Guardrails revenue-guardrails');
    expect(preview.comment.body).toContain(mentionLine);
    expect(preview.comment.body).not.toMatch(/@mallory/);
    expect(preview.status.state).toBe('failure');
    expect(preview.reviewers.users).toEqual(['vp-sales', 'head-of-sdr']);
  }, 120_000);

  it('comment --dry-run and check --dry-run work without a token or a head SHA and ask GitHub nothing', async () => {
    const repo = setUpRepository();
    const dir = tempDir();
    const impact = ['impact', '-q', '--repo', repo, '--base', 'main', '--data', join(repo, 'data'), '--mask'];
    const md = await runRevops([...impact, '--format', 'markdown', '--output', join(dir, 'impact.md')], env);
    expect(md.code).toBe(0);
    const comment = await runRevops(['comment', '--body-file', join(dir, 'impact.md'), '--dry-run'], env);
    expect(comment.stderr).toBe('');
    expect(comment.code).toBe(0);
    expect(comment.stdout).toContain('dry run without a token: GitHub not asked; would create the sticky comment');
    expect(comment.stdout).toContain('<!-- revops-policy:impact -->\n');
    expect(comment.stdout).toContain(mentionLine);
    // A report of the working tree names no head commit: check reads it only for a dry run without a token.
    const committed = [...impact, '--head', 'HEAD'];
    git(repo, 'checkout', '-qb', 'change');
    git(repo, 'commit', '-qam', 'the change');
    await runRevops([...committed, '--format', 'json', '--output', join(dir, 'impact.json')], env);
    const check = await runRevops(['check', '--impact', join(dir, 'impact.json'), '--dry-run'], env);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      'dry run: would set status revops-policy/guardrails = failure: Approval missing: constraint-overload needs vp-sales;',
    );
    expect(check.stdout).toContain('dry run: would request reviews from vp-sales, head-of-sdr');
    expect(github.requests).toEqual([]);
  }, 120_000);
});
