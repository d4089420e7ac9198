import { appendFileSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrPreview } from '../../src/cli/commands/pr.js';
import { runRevops } from '../helpers/cli.js';
import { git } from '../helpers/git.js';
import { makeTempDir, repoRoot } from '../helpers/paths.js';

/*
 * Guardrail waivers count only on the base branch. The honest change (MQL minScore 65 → 60)
 * crosses constraint-overload, mql-volume and sla-compliance-drop; a Waiver for all three is
 * either already on the base, or added by the pull request itself (the attack).
 */
const proposed = join(repoRoot, 'examples', 'proposed-change', 'policies');
const crossed = ['constraint-overload', 'mql-volume', 'sla-compliance-drop'];
const waiverFile = [
  'apiVersion: revops/v1',
  'kind: Waiver',
  'metadata: {name: accepted-crossings, owner: revops, description: Crossings leadership accepted for Q1.}',
  'spec:',
  '  waivers:',
  ...crossed.map(
    (id) => `    - {guardrail: ${id}, owner: cro-lumen, reason: Q1 inbound push agreed, expires: "2027-03-31"}`,
  ),
  '',
].join('\n');

describe('guardrail waivers in a pull request', { timeout: 180_000 }, () => {
  let repo = '';
  let cleanup = (): void => undefined;
  const heads = new Map<string, string>();

  beforeAll(() => {
    const temp = makeTempDir('revops-waiver-guardrails-');
    cleanup = temp.cleanup;
    repo = join(temp.dir, 'repo');
    cpSync(join(repoRoot, 'policies'), join(repo, 'policies'), { recursive: true });
    cpSync(join(repoRoot, 'examples', 'data'), join(repo, 'data'), { recursive: true });
    appendFileSync(
      join(repo, 'policies', 'guardrails.yaml'),
      '    - id: mql-volume\n      metric: mql_volume_change_pct\n      above: 10\n      approvers:\n        users: [vp-marketing]\n',
    );
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    git(repo, 'checkout', '-q', '-b', 'waived-base');
    writeFileSync(join(repo, 'policies', 'waivers.yaml'), waiverFile);
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'waivers on the base');
    const branch = (name: string, from: string, withWaiver: boolean): void => {
      git(repo, 'checkout', '-q', '-B', name, from);
      cpSync(join(proposed, 'lead-definition.yaml'), join(repo, 'policies', 'lead-definition.yaml'));
      if (withWaiver) writeFileSync(join(repo, 'policies', 'waivers.yaml'), waiverFile);
      git(repo, 'add', '-A');
      git(repo, 'commit', '-qm', name);
      heads.set(name, git(repo, 'rev-parse', 'HEAD'));
    };
    branch('self-waiver', 'main', true);
    branch('on-waived-base', 'waived-base', false);
    git(repo, 'checkout', '-q', 'main');
  });
  afterAll(() => cleanup());

  /** `revops pr` (the report as the workflows build it, judged by `check`'s code) on one branch. */
  async function judge(base: string, head: string, now = '2026-12-06T12:00:00Z') {
    const run = await runRevops([
      'pr',
      '-q',
      '--repo',
      repo,
      '--base',
      base,
      '--head',
      heads.get(head) as string,
      '--data',
      join(repo, 'data'),
      '--now',
      now,
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    const preview = JSON.parse(run.stdout) as PrPreview;
    // The comment is markdown: its parentheses are escaped.
    return { code: run.code, preview, comment: preview.comment.body.replace(/\\([()])/g, '$1') };
  }

  it('still needs every approval when the pull request waives its own guardrails', async () => {
    const { code, preview, comment } = await judge('main', 'self-waiver');
    expect(code).toBe(1);
    expect(preview.status.state).toBe('failure');
    for (const id of crossed) expect(preview.status.description).toContain(id);
    expect(comment).toContain('waiver proposed in this PR: takes effect after merge');
    expect(comment).not.toMatch(/\bwaived \(/);
  });

  it('lifts the approvals when the waivers are on the base branch, and shows them waived', async () => {
    const { code, preview, comment } = await judge('waived-base', 'on-waived-base');
    expect(preview.status.state).toBe('success');
    expect(code).toBe(0);
    expect(preview.status.lines.join('\n')).toContain('waived    mql-volume');
    expect(comment).toContain('waived (cro-lumen, until 2027-03-31, Q1 inbound push agreed)');
    expect(preview.reviewers.users).toEqual([]);
  });

  it('needs the approvals again once the base waivers expired', async () => {
    const { code, preview, comment } = await judge('waived-base', 'on-waived-base', '2027-04-01T12:00:00Z');
    expect(code).toBe(1);
    for (const id of crossed) expect(preview.status.description).toContain(id);
    expect(comment).toContain('waiver expired on 2027-03-31');
  });
});
