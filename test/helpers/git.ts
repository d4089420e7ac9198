import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/** Runs git in `cwd` with a fixed author and committer, so tests commit without a user config; returns stdout trimmed. */
export function git(cwd: string, ...args: string[]): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'a',
    GIT_AUTHOR_EMAIL: 'a@example.test',
    GIT_COMMITTER_NAME: 'a',
    GIT_COMMITTER_EMAIL: 'a@example.test',
  };
  return execFileSync('git', args, { cwd, encoding: 'utf8', env }).trim();
}

/**
 * A git repository of the bundled example (`policies/` and `data/`) at `repo`: `onBase` edits the
 * base before it is committed on `main`, then each change gets its own branch from `main`
 * (`pr-0`, `pr-1`, …, in order). Returns each change's head commit by name; `main` is checked out.
 */
export function buildExampleRepo(
  repo: string,
  changes: readonly (readonly [string, (repo: string) => void])[],
  onBase: (repo: string) => void = () => undefined,
): Map<string, string> {
  cpSync(join(repoRoot, 'policies'), join(repo, 'policies'), { recursive: true });
  cpSync(join(repoRoot, 'examples', 'data'), join(repo, 'data'), { recursive: true });
  onBase(repo);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'base');
  const heads = new Map<string, string>();
  for (const [name, change] of changes) {
    git(repo, 'checkout', '-q', '-B', `pr-${heads.size}`, 'main');
    change(repo);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', name);
    heads.set(name, git(repo, 'rev-parse', 'HEAD'));
  }
  git(repo, 'checkout', '-q', 'main');
  return heads;
}

/**
 * The bundled proposed change (MQL minScore 65 → 60) as the branch `honest change`, then each
 * attack on top of that same change, for {@link buildExampleRepo}.
 */
export function withProposedChange(
  attacks: Record<string, (repo: string) => void>,
): (readonly [string, (repo: string) => void])[] {
  const proposed = join(repoRoot, 'examples', 'proposed-change', 'policies', 'lead-definition.yaml');
  return [['honest change', () => undefined] as const, ...Object.entries(attacks)].map(
    ([name, attack]) =>
      [
        name,
        (repo: string) => {
          cpSync(proposed, join(repo, 'policies', 'lead-definition.yaml'));
          attack(repo);
        },
      ] as const,
  );
}
