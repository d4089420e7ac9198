import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/paths.js';

describe('--output that cannot be written', () => {
  const tempDir = useTempDirs();

  it.each([
    ['a directory', (dir: string) => dir, 'EISDIR'],
    ['a file in a missing directory', (dir: string) => join(dir, 'missing', 'report.json'), 'ENOENT'],
  ])('is a clear error (exit 2), not an internal error with a stack trace: %s', async (_name, target, code) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    for (const command of [['evaluate'], ['impact', '--base-dir', 'policies', '--head-dir', 'policies']]) {
      const run = await runRevops([...command, '-q', '--format', 'json', '-o', target(dir)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^revops: ${code}: [^\\n]*\\n$`));
    }
  });
});
