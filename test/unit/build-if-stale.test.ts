import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, useTempDirs } from '../helpers/paths.js';

describe('npm start builds only when the build is missing or stale', () => {
  const tempDir = useTempDirs();

  /** A project whose "build" counts its runs in builds.txt, with the real script. */
  function setUp(): { dir: string; builds: () => number; start: () => void } {
    const dir = tempDir();
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'src'));
    cpSync(join(repoRoot, 'scripts', 'build-if-stale.mjs'), join(dir, 'scripts', 'build-if-stale.mjs'));
    const build = `node -e "require('fs').appendFileSync('builds.txt','x')" && mkdir -p dist && node scripts/build-if-stale.mjs --stamp`;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', private: true, scripts: { build } }));
    writeFileSync(join(dir, 'src', 'a.ts'), 'export {};\n');
    const past = new Date(Date.now() - 60_000);
    for (const path of ['package.json', 'src/a.ts', 'src']) utimesSync(join(dir, path), past, past);
    return {
      dir,
      builds: () => (existsSync(join(dir, 'builds.txt')) ? readFileSync(join(dir, 'builds.txt'), 'utf8').length : 0),
      start: () => void execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: dir, stdio: 'ignore' }),
    };
  }

  it('builds a fresh clone (no dist), then not again while nothing changed', () => {
    const project = setUp();
    project.start();
    expect(project.builds()).toBe(1);
    expect(existsSync(join(project.dir, 'dist', '.build-stamp'))).toBe(true);
    project.start();
    expect(project.builds()).toBe(1);
  }, 30_000);

  it('builds again after a source changes', () => {
    const project = setUp();
    project.start();
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(project.dir, 'src', 'a.ts'), future, future);
    project.start();
    expect(project.builds()).toBe(2);
  }, 30_000);
});
