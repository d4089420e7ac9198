import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandIndex } from '../../src/cli/command-index.js';
import { runRevops } from '../helpers/cli.js';
import { fixturesDir, repoRoot, useTempDirs } from '../helpers/paths.js';

const bin = join(repoRoot, 'dist', 'cli', 'bin.js');
const register = pathToFileURL(join(fixturesDir, 'module-log', 'register.mjs')).href;

describe('revops starts without loading every command', () => {
  const tempDir = useTempDirs();

  /** The modules of this package the built binary loads for `args`, relative to dist/. */
  function loadedModules(args: string[]): string[] {
    const log = join(tempDir(), 'modules.txt');
    execFileSync(process.execPath, ['--import', register, bin, ...args], {
      env: { ...process.env, MODULE_LOG: log },
      stdio: 'ignore',
    });
    const dist = pathToFileURL(join(repoRoot, 'dist')).href + '/';
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith(dist))
      .map((url) => url.slice(dist.length));
  }

  it('loads no command module, no engine and no GitHub client for --version and --help', () => {
    for (const args of [['--version'], ['--help']]) {
      const loaded = loadedModules(args);
      expect(loaded).toContain('cli/program.js');
      expect(loaded.filter((m) => /^cli\/commands\/|^core\/(engine|policy|data)\/|^github\//.test(m))).toEqual([]);
    }
  });

  it('loads the one command it runs', () => {
    const loaded = loadedModules(['fmt', '--help']);
    expect(loaded).toContain('cli/commands/fmt.js');
    expect(loaded.filter((m) => m.startsWith('cli/commands/'))).toEqual(['cli/commands/fmt.js']);
  });
});

describe('revops --help', () => {
  it('lists every command with its description, loaded or not', async () => {
    const run = await runRevops(['--help']);
    expect(run.code).toBe(0);
    for (const entry of commandIndex) expect(run.stdout).toMatch(new RegExp(`^  ${entry.name} \\[options\\] `, 'm'));
    expect(run.stdout).toContain('help [command]');
  });

  it('shows a command’s own options with `help <command>`', async () => {
    const run = await runRevops(['help', 'fmt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--check');
  });

  it('still suggests the command an unknown name is close to', async () => {
    const run = await runRevops(['validat']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(Did you mean validate?)');
  });
});
