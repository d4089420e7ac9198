import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { getFileInfo } from 'prettier';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

describe('Prettier', () => {
  it('formats all of our own TypeScript and JavaScript: .prettierignore leaves none of it out', async () => {
    const files = execFileSync('git', ['ls-files', '*.ts', '*.js'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '' && !f.startsWith('test/fixtures/'));
    expect(files.length).toBeGreaterThan(300);
    const ignorePath = join(repoRoot, '.prettierignore');
    const ignored: string[] = [];
    for (const file of files) if ((await getFileInfo(join(repoRoot, file), { ignorePath })).ignored) ignored.push(file);
    expect(ignored).toEqual([]);
  });
});
