import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Where the reviewed golden files live. */
export const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));

/**
 * Compares output with a reviewed golden file in test/golden/. Run with UPDATE_GOLDEN=1 to
 * write them, then review the diff like code. A missing golden fails: it is never created
 * silently, or a first run would compare the output with itself.
 */
export function expectGolden(name: string, actual: string): void {
  expectGoldenIn(goldenDir, name, actual, process.env);
}

/** `expectGolden` on a given directory and environment (for the helper's own test). */
export function expectGoldenIn(
  dir: string,
  name: string,
  actual: string,
  env: Readonly<Record<string, string | undefined>>,
): void {
  const file = join(dir, name);
  if (env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(`golden file ${name} is missing: run UPDATE_GOLDEN=1 on this test, then review the new file`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
