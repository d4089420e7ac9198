import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  engines?: { node?: string } | string[];
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  engines: { node: string };
  overrides?: unknown;
};
const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

function parseVersion(text: string): number[] {
  const parts = text.split('.').map((p) => Number(p));
  if (parts.length > 3 || parts.some((p) => !Number.isInteger(p))) throw new Error(`unsupported version ${text}`);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/**
 * Whether an `engines.node` range admits a version. Only the forms the dependencies use
 * (`>=X`, `>= X`, `^X`, `*`, alternatives with `||`); any other form fails the test, so a
 * range it cannot read is never taken as admitted.
 */
export function admits(range: string, version: string): boolean {
  const v = parseVersion(version);
  return range.split('||').some((alternative) => {
    const text = alternative.trim();
    if (text === '*' || text === '') return true;
    const atLeast = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(text);
    if (atLeast) return compareVersions(v, parseVersion(atLeast[1]!)) >= 0;
    const caret = /^\^(\d+(?:\.\d+){0,2})$/.exec(text);
    if (caret) return compareVersions(v, parseVersion(caret[1]!)) >= 0 && v[0] === parseVersion(caret[1]!)[0];
    throw new Error(`engines range "${range}" is not a form this check reads`);
  });
}

describe("every dependency's engines", () => {
  const floor = /^>=(\d+\.\d+\.\d+)$/.exec(manifest.engines.node)?.[1];

  it('has no overrides: a consumer installs what the lock file resolves without them', () => {
    expect(manifest.overrides).toBeUndefined();
    expect(floor).toBeDefined();
  });

  it('admits the Node version package.json claims as its floor', () => {
    const refused = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.dev !== true && entry.devOptional !== true)
      .filter(
        ([, entry]) => entry.engines !== undefined && !Array.isArray(entry.engines) && entry.engines.node !== undefined,
      )
      .filter(([, entry]) => !admits((entry.engines as { node: string }).node, floor!))
      .map(([path, entry]) => `${path}@${entry.version} needs node ${(entry.engines as { node: string }).node}`);
    expect(refused).toEqual([]);
  });

  it('reads the ranges it meets and refuses the ones it cannot', () => {
    expect(admits('>= 20', '20.19.0')).toBe(true);
    expect(admits('>=22', '20.19.0')).toBe(false);
    expect(admits('^18 || >=20.0.0', '20.19.0')).toBe(true);
    expect(admits('^22.1', '20.19.0')).toBe(false);
    expect(() => admits('20.x', '20.19.0')).toThrow(/not a form/);
  });
});

describe('package.json says where the project lives', () => {
  it('names the repository, its home page and where to report bugs, all on the same repository', () => {
    const meta = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      repository?: { url?: string };
      homepage?: string;
      bugs?: { url?: string };
    };
    const repo = /github\.com\/([\w.-]+\/[\w.-]+?)(\.git)?$/.exec(meta.repository?.url ?? '')?.[1];
    expect(repo).toBeDefined();
    expect(meta.homepage).toBe(`https://github.com/${repo}#readme`);
    expect(meta.bugs?.url).toBe(`https://github.com/${repo}/issues`);
  });
});
