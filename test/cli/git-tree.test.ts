import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTreeAt } from '../../src/cli/git-policies.js';
import { runRevops } from '../helpers/cli.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';
import { git } from '../helpers/git.js';

describe('reading policies from a git commit', () => {
  const tempDir = useTempDirs();
  const path = process.env['PATH'];
  afterEach(() => {
    process.env['PATH'] = path;
  });

  /** A repository whose policies hold one 8 MiB (highly compressible) blob, and a `git` that logs its calls. */
  function setUp(): { repo: string; sha: string; huge: string; size: number; calls: () => string[] } {
    const dir = tempDir();
    const repo = join(dir, 'repo');
    cpSync(join(repoRoot, 'policies'), join(repo, 'policies'), { recursive: true });
    const size = 8 * 1024 * 1024;
    writeFileSync(join(repo, 'policies', 'huge.yaml'), `#${'a'.repeat(size - 2)}\n`);
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'policies and a huge file');
    const huge = git(repo, 'rev-parse', 'HEAD:policies/huge.yaml');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    mkdirSync(join(dir, 'bin'));
    writeFileSync(
      join(dir, 'bin', 'git'),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${join(dir, 'calls')}'\nexec '${real}' "$@"\n`,
    );
    chmodSync(join(dir, 'bin', 'git'), 0o755);
    writeFileSync(join(dir, 'calls'), '');
    process.env['PATH'] = `${join(dir, 'bin')}:${path ?? ''}`;
    return {
      repo,
      sha: git(repo, 'rev-parse', 'HEAD'),
      huge,
      size,
      calls: () => readFileSync(join(dir, 'calls'), 'utf8').split('\n'),
    };
  }

  it('sizes an oversized blob from the listing and refuses to read it whole, without reading it', async () => {
    const { repo, sha, huge, size, calls } = setUp();
    const tree = await readTreeAt(sha, 'policies', repo);
    expect(await tree.fileSize('policies/huge.yaml')).toBe(size);
    await expect(tree.readFile('policies/huge.yaml')).rejects.toThrow(
      `policies/huge.yaml is ${size} bytes at ${sha.slice(0, 12)}; at most 1048576 are read whole`,
    );
    expect(calls().filter((c) => c.includes(huge))).toEqual([]);
    // A small file is still read, each time from git (nothing is cached).
    expect(new TextDecoder().decode(await tree.readFile('policies/funnel.yaml'))).toBe(
      readFileSync(join(repo, 'policies', 'funnel.yaml'), 'utf8'),
    );
  });

  it('streams a big blob in chunks', async () => {
    const { repo, sha, size } = setUp();
    const tree = await readTreeAt(sha, 'policies', repo);
    let total = 0;
    let biggest = 0;
    for await (const chunk of tree.readStream('policies/huge.yaml')) {
      total += chunk.length;
      biggest = Math.max(biggest, chunk.length);
    }
    expect(total).toBe(size);
    expect(biggest).toBeLessThan(1024 * 1024);
  });

  it('makes impact refuse the oversized policy file, never reading it', async () => {
    const { repo, huge, calls } = setUp();
    const run = await runRevops([
      'impact',
      '-q',
      '--repo',
      repo,
      '--base',
      'HEAD',
      '--head',
      'HEAD',
      '--data',
      join(repoRoot, 'examples', 'data'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('policy files may be at most 1048576 bytes');
    expect(calls().filter((c) => c.includes(huge))).toEqual([]);
  });
});
