import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../../src/cli/cli-io.js';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { displayPath, findProjectConfig, readProjectConfig } from '../../../src/cli/project-config.js';
import { parseProjectConfig } from '../../../src/cli/project-config-parse.js';
import { useTempDirs } from '../../helpers/paths.js';

const io: CliIo = {
  ...nodeFileIo,
  stdout: () => undefined,
  stderr: () => undefined,
  env: {},
  isTty: false,
  exists: async (path) => existsSync(path),
  mkdir: async (path) => void mkdirSync(path, { recursive: true }),
};

/** Writes `files` (path → text) under `root`, making directories; a `.git` entry is an empty directory. */
function layout(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    if (path.endsWith('.git')) {
      mkdirSync(full, { recursive: true });
      continue;
    }
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
}

describe('findProjectConfig', () => {
  const tempDir = useTempDirs();

  it('finds the nearest revops.config.yaml from the directory upwards', async () => {
    const root = tempDir();
    layout(root, {
      'repo/.git': '',
      'repo/revops.config.yaml': 'data: data\n',
      'repo/team/revops.config.yaml': 'data: team-data\n',
      'repo/team/sub/deeper/x.txt': '',
      'repo/other/sub/x.txt': '',
    });
    expect(await findProjectConfig(io, join(root, 'repo/team/sub/deeper'))).toBe(
      join(root, 'repo/team/revops.config.yaml'),
    );
    expect(await findProjectConfig(io, join(root, 'repo/team'))).toBe(join(root, 'repo/team/revops.config.yaml'));
    expect(await findProjectConfig(io, join(root, 'repo/other/sub'))).toBe(join(root, 'repo/revops.config.yaml'));
  });

  it('stops at the git root: a config above the repository is not the project’s', async () => {
    const root = tempDir();
    // A .git file (as in a worktree or submodule) marks the root as a directory does.
    layout(root, { 'revops.config.yaml': 'data: x\n', 'repo/.git-file': '', 'repo/sub/x.txt': '' });
    writeFileSync(join(root, 'repo', '.git'), 'gitdir: elsewhere\n');
    expect(await findProjectConfig(io, join(root, 'repo/sub'))).toBeUndefined();
    expect(await findProjectConfig(io, join(root, 'repo'))).toBeUndefined();
  });

  it('outside a git repository, looks in the directory itself only', async () => {
    const root = tempDir();
    layout(root, { 'revops.config.yaml': 'data: x\n', 'sub/x.txt': '' });
    expect(await findProjectConfig(io, root)).toBe(join(root, 'revops.config.yaml'));
    expect(await findProjectConfig(io, join(root, 'sub'))).toBeUndefined();
  });
});

describe('readProjectConfig', () => {
  const tempDir = useTempDirs();

  it('--config names the file; --no-config reads none; paths are given relative to the working directory', async () => {
    const root = tempDir();
    layout(root, { '.git': '', 'revops.config.yaml': 'data: found\n', 'conf/team.yaml': 'data: ../exports\n' });
    const found = await readProjectConfig(io, { choice: undefined, cwd: join(root) });
    expect(found).toMatchObject({ file: 'revops.config.yaml', dir: root, at: null, values: { data: 'found' } });
    const named = await readProjectConfig(io, { choice: 'conf/team.yaml', cwd: root });
    expect(named).toMatchObject({ file: 'conf/team.yaml', dir: join(root, 'conf'), values: { data: '../exports' } });
    expect(await readProjectConfig(io, { choice: false, cwd: root })).toBeUndefined();
    await expect(readProjectConfig(io, { choice: 'missing.yaml', cwd: root })).rejects.toThrow(
      '--config missing.yaml does not exist.',
    );
  });

  it('refuses a file too large to be a config before reading it', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'revops.config.yaml'), `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    await expect(readProjectConfig(io, { choice: undefined, cwd: root })).rejects.toThrow(
      /Cannot read the project config revops\.config\.yaml: it is \d+ bytes; a project config may be at most 1048576/,
    );
  });

  it('displayPath keeps paths inside the working directory relative and others absolute', () => {
    expect(displayPath('/a/b/c', '/a')).toBe('b/c');
    expect(displayPath('/a', '/a')).toBe('.');
    expect(displayPath('/x/y', '/a')).toBe('/x/y');
  });
});

describe('parseProjectConfig', () => {
  const parse = (text: string) => parseProjectConfig('c.yaml', new TextEncoder().encode(text), ['evaluate', 'impact']);

  it('reads every key', () => {
    const text =
      'policies: p\ndata: d\nmapping: hubspot\nbase: origin/main\ntimeZone: Europe/Berlin\nformat:\n  impact: markdown\n';
    expect(parse(text)).toMatchObject({
      issues: [],
      values: {
        policies: 'p',
        data: 'd',
        mapping: 'hubspot',
        base: 'origin/main',
        timeZone: 'Europe/Berlin',
        format: { impact: 'markdown' },
      },
    });
    expect(parse(text).locate(['format', 'impact'])).toBe('c.yaml:7:11');
  });

  it.each([
    ['base: -x\n', 'schema.format', 1],
    ['data: ""\n', 'schema.minLength', 1],
    ['data: [a]\n', 'schema.type', 1],
    ['format: markdown\n', 'schema.type', 1],
    ['policies: a\npolicies: b\n', 'yaml.duplicate-key', 2],
    ['data: !secret x\n', 'yaml.tag', 1],
    ['__proto__: {}\n', 'yaml.forbidden-key', 1],
    ['format:\n  impct: json\n', 'config.unknown-command', 2],
    ['timeZone: Nowhere/Else\n', 'config.time-zone', 1],
  ])('%j is refused with %s at line %d, and sets nothing', (text, code, line) => {
    const parsed = parse(text);
    expect(parsed.values).toEqual({});
    expect(parsed.issues.map((i) => [i.code, i.line])).toContainEqual([code, line]);
  });
});
