import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDataAt } from '../../src/cli/data-changes.js';
import { useTempDirs } from '../helpers/paths.js';
import { git } from '../helpers/git.js';

describe('compareDataAt', () => {
  const tempDir = useTempDirs();

  /** Commits `before`, then `after`, under data/; returns both commits. */
  function commits(
    before: Record<string, string>,
    after: Record<string, string | { link: string }>,
  ): { repo: string; base: string; head: string } {
    const repo = tempDir();
    mkdirSync(join(repo, 'data'));
    git(repo, 'init', '-q');
    for (const [name, text] of Object.entries(before)) writeFileSync(join(repo, 'data', name), text);
    writeFileSync(join(repo, 'README.md'), 'not data\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'base');
    const base = git(repo, 'rev-parse', 'HEAD');
    for (const name of Object.keys(before)) rmSync(join(repo, 'data', name));
    for (const [name, content] of Object.entries(after)) {
      if (typeof content === 'string') writeFileSync(join(repo, 'data', name), content);
      else symlinkSync(content.link, join(repo, 'data', name));
    }
    writeFileSync(join(repo, 'README.md'), 'still not data\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'head');
    return { repo, base, head: git(repo, 'rev-parse', 'HEAD') };
  }

  it('counts rows added, removed and changed (same id), whatever their order or line endings', async () => {
    const { repo, base, head } = commits(
      { 'leads.csv': 'id,score\nA,1\nB,2\nC,3\nC,3\n', 'users.csv': 'id\nU1\n' },
      { 'leads.csv': 'id,score\r\nB,20\r\nA,1\r\nD,4\r\nC,3\r\n', 'users.csv': 'id\nU1\n' },
    );
    expect(await compareDataAt(base, head, 'data', repo)).toEqual([
      { file: 'data/leads.csv', change: 'changed', rows: { added: 1, removed: 1, changed: 1 }, note: null },
    ]);
  });

  it('names added and removed files with their rows, a header change, and a symbolic link', async () => {
    const { repo, base, head } = commits(
      { 'old.csv': 'id\n1\n2\n', 'leads.csv': 'id,score\nA,1\n', 'users.csv': 'id\nU1\n' },
      {
        'new.ndjson': '{"id":1}\n{"id":2}\n{"id":3}\n',
        'leads.csv': 'id,__proto__\nA,1\n',
        'users.csv': { link: '../README.md' },
      },
    );
    expect(await compareDataAt(base, head, 'data', repo)).toEqual([
      { file: 'data/leads.csv', change: 'changed', rows: { added: 0, removed: 0, changed: 0 }, note: 'header changed' },
      { file: 'data/new.ndjson', change: 'added', rows: { added: 3, removed: 0, changed: 0 }, note: null },
      { file: 'data/old.csv', change: 'removed', rows: { added: 0, removed: 2, changed: 0 }, note: null },
      { file: 'data/users.csv', change: 'changed', rows: null, note: 'a symbolic link at the head' },
    ]);
  });

  it('finds nothing when only files outside the data directory change', async () => {
    const { repo, base, head } = commits({ 'leads.csv': 'id\nA\n' }, { 'leads.csv': 'id\nA\n' });
    expect(await compareDataAt(base, head, 'data', repo)).toEqual([]);
  });
});
