import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { renderOutput } from '../../src/reporters/registry.js';
import { runRevops } from '../helpers/cli.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';
import { git } from '../helpers/git.js';

const proposed = join(repoRoot, 'examples', 'proposed-change', 'policies');
const data = join(repoRoot, 'examples', 'data');

describe('revops impact --base REF with no head: the working tree, like git diff', () => {
  const tempDir = useTempDirs();

  /** A repository whose one commit holds the example policies, with the proposed change edited in but not committed. */
  function setUpUncommittedEdit(): { repo: string; sha: string } {
    const repo = tempDir();
    cpSync(join(repoRoot, 'policies'), join(repo, 'policies'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'policies');
    cpSync(join(proposed, 'lead-definition.yaml'), join(repo, 'policies', 'lead-definition.yaml'));
    return { repo, sha: git(repo, 'rev-parse', 'HEAD') };
  }

  it('replays the uncommitted edit and names both sides first', async () => {
    const { repo, sha } = setUpUncommittedEdit();
    const policies = join(repo, 'policies');
    const common = ['impact', '-q', '--repo', repo, '--base', 'main', '--data', data, '--as-of', '2026-03-31'];
    const json = await runRevops([...common, '--format', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as ImpactReport;
    expect(report.base).toMatchObject({ ref: 'main', sha });
    expect(report.head).toMatchObject({ ref: `${policies} (working tree)`, sha: null });
    expect(report.policyChanges).toHaveLength(1);
    const sides = `main (${sha.slice(0, 12)}) → ${policies} (working tree)`;
    // The other formats render this same report.
    const terminal = renderOutput('impact', 'terminal', report, { color: false });
    expect(terminal.split('\n')[0]).toContain(`revops impact · ${sides} · as of`);
    expect(terminal).not.toContain('No impact');
    const markdown = renderOutput('impact', 'markdown', report, { color: false });
    expect(markdown.split('\n')[0]).toMatch(/^### revops-policy impact · main /);
    expect(markdown.split('\n')[0]).toContain(String.raw`\(working tree\)`);
  }, 60_000);

  it('still compares two commits with --head, and says which and that the edit is left out', async () => {
    const { repo, sha } = setUpUncommittedEdit();
    const run = await runRevops(['impact', '-q', '--repo', repo, '--base', 'main', '--head', 'HEAD', '--data', data]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toContain(`main (${sha.slice(0, 12)}) → HEAD (${sha.slice(0, 12)})`);
    expect(run.stdout).toContain('No impact');
    // …and says what it leaves out.
    expect(run.stderr).toBe(
      'note: policies has changes in the working tree that --head HEAD leaves out; leave out --head to compare them.\n',
    );
  }, 60_000);
});
