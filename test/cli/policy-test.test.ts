import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { copyExamplePolicies } from '../helpers/paths.js';

describe('revops test', () => {
  it('passes the example policy tests with every clause of the lead definition exercised', async () => {
    const run = await runRevops(['test', 'policies', '--min-coverage', '100']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/lumen-lead-definition\s+55 \/ 55\s+100\.0 %/);
    expect(run.stdout).toContain('✔ 10 passed, 0 failed');
    expectGolden('policy-test/example-coverage.txt', run.stdout);
  });

  it('fails with the difference when an expectation does not hold', async () => {
    const temp = copyExamplePolicies();
    try {
      const file = join(temp.dir, 'tests', 'lead-definition.test.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('expect: {class: nurture, fit: 28, engagement: 18, score: 46}', 'expect: {class: mql, fit: 30, engagement: 18, score: 46}'));
      const run = await runRevops(['test', temp.dir]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('✗ unsubscribing takes points off');
      expect(run.stdout).toMatch(/at .*lead-definition\.test\.yaml:\d+/);
      expect(run.stdout).toContain('class: expected "mql", got "nurture"');
      expect(run.stdout).toContain('fit: expected 30, got 28');
      expect(run.stdout).toContain('✖ 9 passed, 1 failed');
      expectGolden('policy-test/one-failure.txt', run.stdout.split(temp.dir).join('<policies>'));
    } finally {
      temp.cleanup();
    }
  });

  it('fails below --min-coverage and lists the clauses no test reaches', async () => {
    const temp = copyExamplePolicies();
    try {
      const file = join(temp.dir, 'tests', 'lead-definition.test.yaml');
      const text = readFileSync(file, 'utf8');
      // Keep only the first case (a competitor): most clauses are never evaluated.
      writeFileSync(file, text.slice(0, text.indexOf('    - name: a student is excluded')));
      const run = await runRevops(['test', temp.dir, '--min-coverage', '90']);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/not exercised: .*lead-definition\.yaml:19 {2}exclusions\.1\.when\n/);
      expect(run.stderr).toMatch(/clause coverage \d+\.\d % is below --min-coverage 90 %/);
    } finally {
      temp.cleanup();
    }
  });

  it('writes the report as JSON', async () => {
    const run = await runRevops(['test', 'policies', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { passed: number; failed: number; coveragePercent: number };
    expect(report).toMatchObject({ passed: 10, failed: 0, coveragePercent: 100 });
  });

  it('rejects a --min-coverage that is not a percentage', async () => {
    const run = await runRevops(['test', 'policies', '--min-coverage', '120']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--min-coverage must be a number from 0 to 100, not 120.');
  });
});
