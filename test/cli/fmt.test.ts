import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as FormatRender from '../../src/core/policy/format-render.js';
import { runRevops } from '../helpers/cli.js';
import { copyExamplePolicies, examplePolicies, fixturesDir, makeTempDir } from '../helpers/paths.js';

const invalidScenario = join(fixturesDir, 'fmt', 'invalid-left-alone');

/** Every file's bytes under `dir`, to prove what was (not) written. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => [
      join(entry.parentPath, entry.name).slice(dir.length + 1),
      readFileSync(join(entry.parentPath, entry.name)).toString('hex'),
    ]),
  );
}

describe('revops fmt --check', () => {
  it('finds the example policies canonical and writes nothing', async () => {
    const before = snapshot(examplePolicies);
    const run = await runRevops(['fmt', '--policies', examplePolicies, '--check']);
    expect(run).toEqual({ code: 0, stdout: 'All 18 policy files formatted.\n', stderr: '' });
    expect(snapshot(examplePolicies)).toEqual(before);
  });

  it('exits 0 and says so when every file is formatted', async () => {
    const temp = copyExamplePolicies();
    try {
      expect((await runRevops(['fmt', '--policies', temp.dir])).code).toBe(0);
      const run = await runRevops(['fmt', '--policies', temp.dir, '--check']);
      expect(run).toEqual({ code: 0, stdout: 'All 18 policy files formatted.\n', stderr: '' });
    } finally {
      temp.cleanup();
    }
  });
});

describe('revops fmt', () => {
  it('rewrites only the files that change, and they stay valid policies', async () => {
    const temp = copyExamplePolicies();
    try {
      // Put `metadata` after `spec` in one file: fmt must move it back and touch nothing else.
      const goalFile = join(temp.dir, 'revenue-goal.yaml');
      const goal = readFileSync(goalFile, 'utf8');
      const metadata = goal.slice(goal.indexOf('metadata:'), goal.indexOf('spec:'));
      writeFileSync(goalFile, goal.replace(metadata, '') + metadata);
      const before = snapshot(temp.dir);

      const run = await runRevops(['fmt', '--policies', temp.dir]);
      expect(run).toEqual({
        code: 0,
        stdout: `formatted ${temp.dir}/revenue-goal.yaml\nFormatted 1 of 18 policy files.\n`,
        stderr: '',
      });
      const after = snapshot(temp.dir);
      for (const [name, bytes] of before) {
        if (name === 'revenue-goal.yaml') expect(after.get(name), name).not.toBe(bytes);
        else expect(after.get(name), name).toBe(bytes);
      }
      expect(readFileSync(goalFile, 'utf8')).toBe(goal);
      expect((await runRevops(['validate', '--policies', temp.dir])).code).toBe(0);
    } finally {
      temp.cleanup();
    }
  });

  it('reports files that do not parse or have no known kind with file:line:column, leaves them alone and exits 1', async () => {
    const temp = makeTempDir();
    try {
      cpSync(invalidScenario, temp.dir, { recursive: true });
      const before = snapshot(temp.dir);

      const check = await runRevops(['fmt', '--policies', temp.dir, '--check']);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain(`${temp.dir}/out-of-order.yaml\n`);
      expect(snapshot(temp.dir)).toEqual(before);

      const run = await runRevops(['fmt', '--policies', temp.dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${temp.dir}/broken.yaml:9:10: `);
      expect(run.stderr).toContain(`${temp.dir}/unknown-kind.yaml:1:7: Unknown kind \`Funel\``);
      expect(run.stderr).toContain('Did you mean `Funnel`?');
      expect(run.stdout).toBe(
        `formatted ${temp.dir}/out-of-order.yaml\nFormatted 1 of 3 policy files.\n2 policy files not formatted because of the problems above; left unchanged.\n`,
      );
      const after = snapshot(temp.dir);
      expect(after.get('broken.yaml')).toBe(before.get('broken.yaml'));
      expect(after.get('unknown-kind.yaml')).toBe(before.get('unknown-kind.yaml'));
      expect(readFileSync(join(temp.dir, 'out-of-order.yaml'), 'utf8')).toBe(
        [
          '# yaml-language-server: $schema=../../../../schemas/calendar.schema.json',
          'apiVersion: revops/v1',
          'kind: Calendar',
          'metadata:',
          '  name: us-hours',
          '  owner: revops   # who keeps the holidays',
          '  description: Business hours in New York.',
          'spec:',
          '  timeZone: America/New_York',
          '',
        ].join('\n'),
      );
    } finally {
      temp.cleanup();
    }
  });

  it('keeps a UTF-8 BOM and CRLF line endings when it rewrites a file', async () => {
    const temp = makeTempDir();
    try {
      const file = join(temp.dir, 'calendar.yaml');
      const text =
        'kind: Calendar\napiVersion: revops/v1\nmetadata:\n  name: c\n  owner: o\n  description: d\nspec:\n  timeZone: UTC\n';
      writeFileSync(file, '\uFEFF' + text.replace(/\n/g, '\r\n'));
      expect((await runRevops(['fmt', '--policies', temp.dir])).code).toBe(0);
      const bytes = readFileSync(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const written = bytes.subarray(3).toString('utf8');
      expect(written.startsWith('apiVersion: revops/v1\r\nkind: Calendar\r\n')).toBe(true);
      expect(written.replace(/\r\n/g, '')).not.toContain('\n');
      expect((await runRevops(['fmt', '--policies', temp.dir, '--check'])).code).toBe(0);
    } finally {
      temp.cleanup();
    }
  });

  it('exits 2 when the directory does not exist or holds no policy files', async () => {
    const missing = await runRevops(['fmt', '--policies', 'no/such/dir']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'revops: Policy directory no/such/dir does not exist.\n' });
    const temp = makeTempDir();
    try {
      const empty = await runRevops(['fmt', '--policies', temp.dir, '--check']);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toBe(`revops: No policy files (*.yaml, *.yml) found in ${temp.dir}.\n`);
    } finally {
      temp.cleanup();
    }
  });

  it('explains itself in --help', async () => {
    const run = await runRevops(['fmt', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: revops fmt [options]\n');
    expect(run.stdout).toContain('--policies <dir>');
    expect(run.stdout).toContain('--check');
    expect(run.stdout).toContain('revops fmt --check');
    expect(run.stdout).toContain(
      'Exit codes: 0 all files formatted, 1 files not formatted (--check), invalid or refused,\n2 usage or IO error.',
    );
  });
});

describe('revops fmt when formatting would lose a comment', () => {
  const renderModule = '../../src/core/policy/format-render.js';
  afterEach(() => {
    vi.doUnmock(renderModule);
    vi.resetModules();
  });

  it('refuses, says why, writes nothing and exits 1', async () => {
    vi.resetModules();
    vi.doMock(renderModule, async (importOriginal) => {
      const real = await importOriginal<typeof FormatRender>();
      const dropComment = (text: string, schema: Parameters<typeof real.renderCanonical>[1]): string =>
        real.renderCanonical(text, schema).replace('   # who keeps the holidays', '');
      return { ...real, renderCanonical: dropComment };
    });
    const { runRevops: runWithFaultyRender } = await import('../helpers/cli.js');
    const temp = makeTempDir();
    try {
      cpSync(join(invalidScenario, 'out-of-order.yaml'), join(temp.dir, 'out-of-order.yaml'));
      const before = snapshot(temp.dir);
      const run = await runWithFaultyRender(['fmt', '--policies', temp.dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `${temp.dir}/out-of-order.yaml: refused to format: comment would be lost: # who keeps the holidays; the file is left unchanged.\n`,
      );
      expect(snapshot(temp.dir)).toEqual(before);
      expect((await runWithFaultyRender(['fmt', '--policies', temp.dir, '--check'])).code).toBe(1);
    } finally {
      temp.cleanup();
    }
  });
});
