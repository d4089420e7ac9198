import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { git } from '../helpers/git.js';
import { makeTempDir, repoRoot } from '../helpers/paths.js';

const proposed = join(repoRoot, 'examples', 'proposed-change', 'policies', 'lead-definition.yaml');
const baseConfig = 'policies: policies\ndata: data\n';

/** What a pull request's head does to the project config besides the honest policy change. */
const attacks: Record<string, (repo: string) => void> = {
  // quiet-data is committed in the base too: read there, it would give other figures without a word.
  'config points data at a copy with the busy weeks cut': (repo) =>
    writeFileSync(join(repo, 'revops.config.yaml'), 'policies: policies\ndata: quiet-data\n'),
  'config points policies at a directory the base lacks': (repo) => {
    cpSync(join(repo, 'policies'), join(repo, 'loose'), { recursive: true });
    writeFileSync(join(repo, 'revops.config.yaml'), 'policies: loose\ndata: data\n');
  },
  'config moves the reporting time zone': (repo) =>
    writeFileSync(join(repo, 'revops.config.yaml'), `${baseConfig}timeZone: Pacific/Kiritimati\n`),
  'config deleted': (repo) => rmSync(join(repo, 'revops.config.yaml')),
};

/** The report without what names the head commit, which differs between any two heads. */
function judged(stdout: string): unknown {
  const report = JSON.parse(stdout) as ImpactReport & { head: unknown };
  return { ...report, head: null };
}

describe('a pull request cannot change what the gate judges through revops.config.yaml', { timeout: 120_000 }, () => {
  let root = '';
  let repo = '';
  let cleanup = (): void => undefined;
  const heads = new Map<string, string>();

  beforeAll(() => {
    ({ dir: root, cleanup } = makeTempDir('revops-config-gate-'));
    repo = join(root, 'repo');
    cpSync(join(repoRoot, 'policies'), join(repo, 'policies'), { recursive: true });
    cpSync(join(repoRoot, 'examples', 'data'), join(repo, 'data'), { recursive: true });
    writeFileSync(join(repo, 'revops.config.yaml'), baseConfig);
    cpSync(join(repo, 'data'), join(repo, 'quiet-data'), { recursive: true });
    const leads = join(repo, 'quiet-data', 'leads.csv');
    const lines = readFileSync(leads, 'utf8').split('\n');
    writeFileSync(leads, lines.slice(0, Math.floor(lines.length / 3)).join('\n') + '\n');
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    for (const [name, attack] of [['honest change', () => undefined], ...Object.entries(attacks)] as const) {
      git(repo, 'checkout', '-q', '-B', `pr-${heads.size}`, 'main');
      cpSync(proposed, join(repo, 'policies', 'lead-definition.yaml'));
      attack(repo);
      git(repo, 'add', '-A');
      git(repo, 'commit', '-qm', name);
      heads.set(name, git(repo, 'rev-parse', 'HEAD'));
    }
  });
  afterAll(() => cleanup());

  /** The gate's command line, as a workflow gives it: the sides, no --data or --policies, with the head checked out. */
  async function gate(name: string, extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
    const head = heads.get(name) as string;
    git(repo, 'checkout', '-q', head);
    return runRevops(['impact', '--repo', repo, '--base', 'main', '--head', head, '--format', 'json', ...extra]);
  }

  let honest: { code: number; stdout: string } | undefined;
  it.each(Object.keys(attacks))('%s: the same report as the honest change', async (name) => {
    honest ??= await gate('honest change', ['-q']);
    expect(honest.code).toBe(0);
    const attacked = await gate(name, ['-q']);
    expect(attacked.stderr).toBe('');
    expect(attacked.code).toBe(0);
    expect(judged(attacked.stdout)).toEqual(judged(honest.stdout));
  });

  it('says that the working tree’s config is left out', async () => {
    const run = await gate('config points data at a copy with the busy weeks cut');
    expect(run.stderr).toMatch(
      /^note: \S+revops\.config\.yaml is read at the base main \([0-9a-f]{12}\), as guardrails are; its working-tree version is left out\.\n/,
    );
  });

  it('reads a config the base does not hold as none, and says so', async () => {
    git(repo, 'checkout', '-q', '-B', 'no-config', 'main');
    rmSync(join(repo, 'revops.config.yaml'));
    git(repo, 'commit', '-qam', 'no config');
    writeFileSync(join(repo, 'revops.config.yaml'), 'data: elsewhere\n');
    const run = await runRevops([
      'impact',
      '--repo',
      repo,
      '--base',
      'no-config',
      '--data',
      join(repo, 'data'),
      '--format',
      'json',
    ]);
    expect(run.stderr).toContain(`note: ${join(repo, 'revops.config.yaml')} is not in the base no-config (`);
    expect(run.code).toBe(0);
    rmSync(join(repo, 'revops.config.yaml'));
  });

  it('takes the base from the config only when the head is the working tree', async () => {
    git(repo, 'checkout', '-q', heads.get('honest change') as string);
    writeFileSync(join(repo, 'revops.config.yaml'), `${baseConfig}base: main\n`);
    const local = await runRevops(['impact', '-q', '--repo', repo, '--format', 'json']);
    expect(local.code).toBe(0);
    const report = JSON.parse(local.stdout) as ImpactReport;
    expect(report.base.ref).toBe('main');
    expect(report.head.ref).toBe(`${join(repo, 'policies')} (working tree)`);
    const named = await runRevops(['impact', '-q', '--repo', repo, '--head', 'HEAD']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('Give --base <git ref> or --base-dir <dir>');
    git(repo, 'checkout', '-q', '--', '.');
  });
});
