import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { fakeUser, pullRequestEvent, repoFullName, startFakeGitHub } from '../helpers/github-server.js';
import { makeTempDir, repoRoot } from '../helpers/paths.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';
import { buildExampleRepo, git, withProposedChange } from '../helpers/git.js';

const honestCrossings = ['constraint-overload', 'sla-compliance-drop'];

/** Attacks a pull request adds to the honest change (MQL minScore 65 → 60), each on its own branch. */
const attacks: Record<string, (repo: string) => void> = {
  'far-future activity row': (repo) =>
    appendFileSync(
      join(repo, 'data', 'activities.csv'),
      'ACT99999999,L0000001,,email,outbound,2031-06-01T10:00:00Z,U009,sent\n',
    ),
  'leads.csv replaced by a symlink': (repo) => {
    rmSync(join(repo, 'data', 'leads.csv'));
    symlinkSync('users.csv', join(repo, 'data', 'leads.csv'));
  },
  '__proto__ column in the leads header': (repo) => {
    const file = join(repo, 'data', 'leads.csv');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^id,/, 'id,__proto__,'));
  },
  'a data file named like a workflow command': (repo) =>
    writeFileSync(join(repo, 'data', 'x\n::error::pwned\u202e.csv'), 'id\n1\n'),
  'changed FieldMapping': (repo) => {
    const file = join(repo, 'policies', 'mapping-hubspot.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('id: {column: Record ID}', 'id: {column: Email}'));
  },
};

// Each case runs impact on a git repository of its own: slower than the default limit on a busy machine.
/** The JSON impact report a run printed, held to its schema. */
function validImpact(stdout: string): ImpactReport {
  const report = JSON.parse(stdout) as ImpactReport;
  expectValidImpactReport(report);
  return report;
}

describe('revops impact on a pull request that also changes data or mappings', { timeout: 90_000 }, () => {
  let root = '';
  let repo = '';
  let cleanup = (): void => undefined;
  let heads = new Map<string, string>();

  beforeAll(() => {
    ({ dir: root, cleanup } = makeTempDir('revops-gate-'));
    repo = join(root, 'repo');
    heads = buildExampleRepo(repo, withProposedChange(attacks));
  });
  afterAll(() => cleanup());

  /** Stage one's view: the pull request checked out, then impact on base and head. */
  async function impactOf(
    name: string,
    extra: string[] = [],
  ): Promise<{ code: number; report: ImpactReport | null; stderr: string }> {
    const head = heads.get(name) as string;
    git(repo, 'checkout', '-q', head);
    const run = await runRevops([
      'impact',
      '-q',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      head,
      '--data',
      join(repo, 'data'),
      '--format',
      'json',
      ...extra,
    ]);
    return {
      code: run.code,
      report: run.code === 0 ? validImpact(run.stdout) : null,
      stderr: run.stderr,
    };
  }
  const crossed = (report: ImpactReport | null): string[] =>
    (report?.guardrails ?? []).filter((g) => g.isCrossed).map((g) => g.id);

  it('crosses what the bundled change crosses, and nothing about data', async () => {
    const { code, report } = await impactOf('honest change');
    expect(code).toBe(0);
    expect(crossed(report)).toEqual(honestCrossings);
    expect(report?.inputs).toMatchObject({
      dataFrom: 'base',
      dataDir: 'data',
      dataChanges: [],
      mappingChanges: [],
      isChanged: false,
    });
  });

  it.each(Object.keys(attacks))('still crosses what the honest change crosses, plus data-changed: %s', async (name) => {
    const { code, report, stderr } = await impactOf(name);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(crossed(report).sort()).toEqual([...honestCrossings, 'data-changed'].sort());
    expect(report?.inputs.isChanged).toBe(true);
    expect(report?.guardrails.find((g) => g.id === 'data-changed')?.approvers.teams).toEqual(['lumen-metrics/revops']);
  });

  it('says which file and rows changed', async () => {
    const future = (await impactOf('far-future activity row')).report;
    expect(future?.inputs.dataChanges).toEqual([
      { file: 'data/activities.csv', change: 'changed', rows: { added: 1, removed: 0, changed: 0 }, note: null },
    ]);
    expect(future?.stamp.asOf.startsWith('2031')).toBe(false);
    const link = (await impactOf('leads.csv replaced by a symlink')).report;
    expect(link?.inputs.dataChanges).toEqual([
      { file: 'data/leads.csv', change: 'changed', rows: null, note: 'a symbolic link at the head' },
    ]);
    const proto = (await impactOf('__proto__ column in the leads header')).report;
    expect(proto?.inputs.dataChanges).toEqual([
      { file: 'data/leads.csv', change: 'changed', rows: { added: 0, removed: 0, changed: 0 }, note: 'header changed' },
    ]);
    const mapping = (await impactOf('changed FieldMapping')).report;
    expect(mapping?.inputs).toMatchObject({ dataChanges: [], mappingChanges: ['FieldMapping hubspot changed'] });
    expect(mapping?.guardrails.find((g) => g.id === 'data-changed')?.crossings).toEqual([{ code: 'data-changed' }]);
  });

  it('shows a hostile data file name inert in the terminal', async () => {
    const head = heads.get('a data file named like a workflow command') as string;
    git(repo, 'checkout', '-q', head);
    const run = await runRevops([
      'impact',
      '-q',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      head,
      '--data',
      join(repo, 'data'),
    ]);
    expect(run.code).toBe(0);
    // The name is kept as it is in the report and escaped by the terminal's sanitiser.
    expect(run.stdout).toContain('data/x␊::error::pwned<U+202E>.csv added (+1 −0 ~0 rows)');
    expect(run.stdout.split('\n').filter((l) => l.trimStart().startsWith('::'))).toEqual([]);
    expect(run.stdout).not.toContain('\u202e');
  });

  it('puts the data change at the top of the comment', async () => {
    const head = heads.get('far-future activity row') as string;
    const run = await runRevops([
      'impact',
      '-q',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      head,
      '--data',
      join(repo, 'data'),
      '--format',
      'markdown',
    ]);
    const lines = run.stdout.split('\n');
    expect(lines[2]?.replace(/\\/g, '')).toContain(
      'This change edits data or mappings (data_changed): data/activities.csv changed (+1 −0 ~0 rows)',
    );
  });

  it('makes revops check ask the data-changed approvers, and pass once they approve', async () => {
    const head = heads.get('far-future activity row') as string;
    const out = join(root, 'impact.json');
    git(repo, 'checkout', '-q', head);
    const run = await runRevops([
      'impact',
      '-q',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      head,
      '--data',
      join(repo, 'data'),
      '--format',
      'json',
      '--output',
      out,
    ]);
    expect(run.code).toBe(0);
    const github = await startFakeGitHub();
    try {
      github.addToken('actions-token', 'installation');
      github.addPull(7, fakeUser('analyst'), head);
      writeFileSync(join(root, 'event.json'), JSON.stringify(pullRequestEvent(7, head)));
      const env = {
        GITHUB_TOKEN: 'actions-token',
        GITHUB_REPOSITORY: repoFullName,
        GITHUB_EVENT_PATH: join(root, 'event.json'),
        GITHUB_API_URL: github.url,
      };
      const reviewers = [fakeUser('vp-sales'), fakeUser('head-of-sdr')];
      for (const user of reviewers) github.addReview(7, user, 'APPROVED', head);
      expect((await runRevops(['check', '--impact', out], env)).code).toBe(1);
      expect(github.statuses.at(-1)?.state).toBe('failure');
      expect(github.statuses.at(-1)?.description).toContain('data-changed');
      const revops = fakeUser('revops-lead');
      github.addTeamMember('lumen-metrics/revops', 'revops-lead');
      github.addReview(7, revops, 'APPROVED', head);
      expect((await runRevops(['check', '--impact', out], env)).code).toBe(0);
      expect(github.statuses.at(-1)?.state).toBe('success');
    } finally {
      await github.close();
    }
  });

  it('reads the head data only when asked, and refuses a symbolic link there', async () => {
    const link = await impactOf('leads.csv replaced by a symlink', ['--data-ref', 'head']);
    expect(link.code).toBe(2);
    expect(link.stderr).toContain('data/leads.csv is a symbolic link at');
    const future = await impactOf('far-future activity row', ['--data-ref', 'head']);
    expect(future.report?.inputs).toMatchObject({ dataFrom: 'head', isChanged: true });
    expect(future.report?.inputs.note).toContain('--data-ref head');
  });

  it('reads the --mapping FieldMapping from the base, so a mapping the pull request adds is unknown', async () => {
    git(repo, 'checkout', '-q', '-B', 'pr-mapping', heads.get('honest change') as string);
    const file = join(repo, 'policies', 'mapping-canonical.yaml');
    writeFileSync(
      file,
      readFileSync(join(repo, 'policies', 'mapping-hubspot.yaml'), 'utf8').replace('name: hubspot', 'name: canonical'),
    );
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'add a mapping');
    const run = await runRevops([
      'impact',
      '-q',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      'HEAD',
      '--data',
      join(repo, 'data'),
      '--mapping',
      'canonical',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No FieldMapping named canonical');
  });

  it('refuses data inside the repository that the base does not hold, and notes data outside it', async () => {
    mkdirSync(join(repo, 'untracked'), { recursive: true });
    const inside = await runRevops([
      'impact',
      '-q',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      'main',
      '--data',
      join(repo, 'untracked'),
    ]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('untracked is not in the repository at main');
    const outside = await runRevops([
      'impact',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      'main',
      '--data',
      join(repoRoot, 'examples', 'data'),
      '--format',
      'json',
    ]);
    expect(outside.code).toBe(0);
    expect(outside.stderr).toContain('is outside the repository: read from the file system');
    expect((JSON.parse(outside.stdout) as ImpactReport).inputs).toMatchObject({
      dataFrom: 'worktree',
      isChanged: false,
    });
  });

  it.each([
    [['--data-ref', 'elsewhere'], /--data-ref must be base, head or worktree/],
    [
      ['--data-ref', 'base', '--base-dir', 'policies', '--head-dir', 'policies'],
      /--data-ref base needs --base <git ref>/,
    ],
  ])('refuses %j with exit 2', async (args, message) => {
    const run = await runRevops([
      'impact',
      '-q',
      '--repo',
      repo,
      ...(args.includes('--base-dir') ? [] : ['--base', 'main']),
      ...args,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
