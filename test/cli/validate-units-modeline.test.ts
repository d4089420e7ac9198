import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { copyExamplePolicies, useTempDirs } from '../helpers/paths.js';

/** 1-based line and column of the value after `at` in a file, found by reading the file. */
function locate(file: string, at: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(at));
  return `${index + 1}:${lines[index]!.indexOf(at) + at.length + 1}`;
}

describe('revops validate in a scaffolded repository', () => {
  const tempDir = useTempDirs();

  async function scaffold(): Promise<string> {
    const target = join(tempDir(), 'repo');
    expect((await runRevops(['init', '-o', target, '--quiet'])).code).toBe(0);
    return target;
  }

  it('errors on a utilisation target written as a percent, at its line, with the ratio meant', async () => {
    const repo = await scaffold();
    const goal = join(repo, 'policies', 'revenue-goal.yaml');
    writeFileSync(goal, readFileSync(goal, 'utf8').replace('max: 0.85', 'max: 85'));
    const run = await runRevops(['validate', '--policies', join(repo, 'policies')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${locate(goal, 'max: ')}    error`);
    expect(run.stdout).toContain('unit.ratio-as-percent');
    expect(run.stdout).toContain('fix: Did you mean `0.85` (85 %)?');
  });

  it('errors on a payout-cost guardrail written as a ratio, with the percent meant', async () => {
    const repo = await scaffold();
    const file = join(repo, 'policies', 'guardrails.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/above: 5\n/, 'above: 0.05\n'));
    const run = await runRevops(['validate', '--policies', join(repo, 'policies'), '--format', 'json']);
    expect(run.code).toBe(1);
    const { issues } = JSON.parse(run.stdout) as { issues: { code: string; line: number; hint: string }[] };
    expect(issues.map((i) => [i.code, `${i.line}`])).toEqual([
      ['unit.percent-as-ratio', locate(file, 'above: 0.05').split(':')[0]],
    ]);
    expect(issues[0]!.hint).toContain('Did you mean `5` (5 %)?');
  });
});

describe('the $schema modeline', () => {
  const tempDir = useTempDirs();

  async function scaffold(): Promise<string> {
    const target = join(tempDir(), 'repo');
    expect((await runRevops(['init', '-o', target, '--quiet'])).code).toBe(0);
    return target;
  }

  it('warns when a policy moved into a subfolder, names the path that resolves, and fmt rewrites it', async () => {
    const repo = await scaffold();
    const policies = join(repo, 'policies');
    mkdirSync(join(policies, 'comp'));
    const moved = join(policies, 'comp', 'comp-plan-ae.yaml');
    renameSync(join(policies, 'comp-plan-ae.yaml'), moved);

    const run = await runRevops(['validate', '--policies', policies, '--format', 'json']);
    expect(run.code, 'a warning: the modeline only guides the editor').toBe(0);
    const { issues } = JSON.parse(run.stdout) as {
      issues: { code: string; severity: string; file: string; line: number; column: number; hint: string }[];
    };
    expect(issues.map((i) => [i.code, i.severity, i.file, i.line, i.column])).toEqual([
      ['modeline.unresolved', 'warning', moved, 1, 33],
    ]);
    expect(issues[0]!.hint).toContain('$schema=../../schemas/comp-plan.schema.json');
    expect((await runRevops(['validate', '--policies', policies, '--fail-on', 'warning'])).code).toBe(1);

    const check = await runRevops(['fmt', '--policies', policies, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${moved}\n`);
    expect((await runRevops(['fmt', '--policies', policies])).code).toBe(0);
    expect(readFileSync(moved, 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../schemas/comp-plan.schema.json',
    );
    expect(await runRevops(['validate', '--policies', policies, '--quiet'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect((await runRevops(['fmt', '--policies', policies, '--check'])).code).toBe(0);
  });

  it("warns when it names another kind's schema, and fmt names the right one", async () => {
    const repo = await scaffold();
    const file = join(repo, 'policies', 'calendar-us.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('calendar.schema.json', 'funnel.schema.json'));
    const run = await runRevops(['validate', '--policies', join(repo, 'policies')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('modeline.wrong-schema');
    expect(run.stdout).toContain('$schema=../schemas/calendar.schema.json');
    await runRevops(['fmt', '--policies', join(repo, 'policies')]);
    expect(
      readFileSync(file, 'utf8').startsWith('# yaml-language-server: $schema=../schemas/calendar.schema.json\n'),
    ).toBe(true);
  });

  it('stays quiet when no schemas folder is near (nothing to point at), and fmt leaves the file alone', async () => {
    const temp = copyExamplePolicies();
    try {
      const file = join(temp.dir, 'funnel.yaml');
      const before = readFileSync(file, 'utf8');
      expect(before.startsWith('# yaml-language-server: $schema=../schemas/funnel.schema.json')).toBe(true);
      const run = await runRevops(['validate', '--policies', temp.dir, '--quiet']);
      expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
      await runRevops(['fmt', '--policies', temp.dir]);
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      temp.cleanup();
    }
  });
});
