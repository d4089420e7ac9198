import { afterEach } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const examplePolicies = join(repoRoot, 'policies');

/** A fresh temporary directory; remove it with `cleanup`. */
export function makeTempDir(prefix = 'revops-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies the example policies into a temporary directory so a test can change them. */
export function copyExamplePolicies(): { dir: string; cleanup: () => void } {
  const temp = makeTempDir();
  cpSync(examplePolicies, temp.dir, { recursive: true });
  return temp;
}

/**
 * Temporary directories removed after each test of the calling `describe`: call it in the
 * `describe` body, then call the returned function for a fresh directory.
 */
export function useTempDirs(): () => string {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
  return () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    return temp.dir;
  };
}
