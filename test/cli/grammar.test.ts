import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { copyExamplePolicies, examplePolicies, useTempDirs } from '../helpers/paths.js';

const deprecated =
  /^revops: "revops (\w+) ([^"]+)" is deprecated; write "revops \1 (--policies|-o) \2" \(the old spelling goes in the next version\)\.\n/;

describe('old spellings stay for one version, with a note on stderr', () => {
  const tempDir = useTempDirs();

  it.each(['validate', 'fmt', 'test'])('%s DIR reads DIR as --policies DIR does, and says so', async (name) => {
    const check = name === 'fmt' ? ['--check'] : [];
    const old = await runRevops([name, examplePolicies, ...check]);
    const now = await runRevops([name, '--policies', examplePolicies, ...check]);
    expect(old.stderr).toMatch(deprecated);
    expect(now.stderr).toBe('');
    expect(old.stdout).toBe(now.stdout);
    expect(old.code).toBe(0);
  });

  it('refuses a positional directory and --policies together', async () => {
    const run = await runRevops(['validate', examplePolicies, '--policies', 'elsewhere']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Give the directory once: --policies elsewhere or ${examplePolicies}, not both.`);
  });

  it('init DIR scaffolds DIR as -o DIR does', async () => {
    const target = join(tempDir(), 'repo');
    const run = await runRevops(['init', target]);
    expect(run.stderr).toMatch(deprecated);
    expect(run.code).toBe(0);
    expect(existsSync(join(target, 'policies', 'funnel.yaml'))).toBe(true);
    expect((await runRevops(['init'])).stderr).toContain('Give the directory to create: revops init -o <dir>.');
  });

  it('sample-data --out is -o/--output', async () => {
    const out = tempDir();
    const run = await runRevops(['sample-data', '--leads', '20', '--seed', '1', '--out', out, '-q']);
    expect(run.stderr).toBe(
      'revops: --out is deprecated; write -o/--output (the old spelling goes in the next version).\n',
    );
    expect(run.code).toBe(0);
    expect(existsSync(join(out, 'leads.csv'))).toBe(true);
  });

  it('hides the old spellings from --help', async () => {
    expect((await runRevops(['sample-data', '--help'])).stdout).not.toContain('--out ');
    expect((await runRevops(['validate', '--help'])).stdout).toMatch(/^Usage: revops validate \[options\]\n/);
  });
});

describe('-o/--output writes any report to a file', () => {
  const tempDir = useTempDirs();

  it.each([
    ['validate', ['--format', 'json'], '"schemaVersion": 1'],
    ['test', ['--format', 'json'], '"coveragePercent"'],
    ['explain', ['--lead', 'L0000001', '--format', 'json'], '"leadId": "L0000001"'],
  ])('%s', async (name, args, expected) => {
    const file = join(tempDir(), 'out.json');
    const run = await runRevops([name, ...args, '-o', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `revops: wrote the json ${name === 'validate' ? 'result' : name === 'test' ? 'test results' : 'explanation'} to ${file}\n`,
    );
    expect(readFileSync(file, 'utf8')).toContain(expected);
  });
});

describe('-q/--quiet prints nothing when all is well, and the problems when not', () => {
  const tempDir = useTempDirs();

  it('validate', async () => {
    const clean = await runRevops(['validate', '-q']);
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
    const temp = copyExamplePolicies();
    try {
      const funnel = join(temp.dir, 'funnel.yaml');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(funnel, readFileSync(funnel, 'utf8').replace('kind: Funnel', 'kind: Funnell'));
      const broken = await runRevops(['validate', '--policies', temp.dir, '-q']);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('funnel.yaml');
    } finally {
      temp.cleanup();
    }
  });

  it('test', async () => {
    expect(await runRevops(['test', '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('fmt', async () => {
    expect(await runRevops(['fmt', '--check', '-q'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('init', async () => {
    const run = await runRevops(['init', '-o', join(tempDir(), 'repo'), '-q']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe("the program's own options before the command", () => {
  it.each([['--debug'], ['--slow-path'], ['--debug', '--slow-path']])(
    '%s before the command still runs the command (it is loaded, not a stub)',
    async (...options) => {
      const after = await runRevops(['validate', '--policies', examplePolicies]);
      const before = await runRevops([...options, 'validate', '--policies', examplePolicies]);
      expect(after.code).toBe(0);
      expect(after.stdout).toContain('valid');
      expect(before).toEqual(after);
    },
  );
});
