import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

/** The paths the README's Design tree lists: top-level entries, and `src/core/` children by indentation. */
function designTreePaths(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Design\n'));
  const tree = /```\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
  let parent = '';
  return tree.split('\n').flatMap((line) => {
    const [path = ''] = line.trim().split(/\s+/);
    if (!line.startsWith(' ')) parent = path.endsWith('/') ? path : '';
    return [line.startsWith(' ') ? parent + path : path];
  });
}

describe("the README's Design tree", () => {
  const listed = designTreePaths();

  it('lists only paths that exist', () => {
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.filter((p) => !existsSync(join(repoRoot, p)))).toEqual([]);
  });

  it('lists every directory and file of src/ and every directory of src/core/', () => {
    const entries = (dir: string, directoriesOnly: boolean) =>
      readdirSync(join(repoRoot, dir), { withFileTypes: true })
        .filter((e) => !directoriesOnly || e.isDirectory())
        .map((e) => `${dir}${e.name}${e.isDirectory() ? '/' : ''}`);
    const expected = [...entries('src/', false).filter((p) => p !== 'src/core/'), ...entries('src/core/', true)];
    expect(expected.filter((p) => !listed.includes(p))).toEqual([]);
  });
});
