import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { examplePolicies } from '../helpers/paths.js';

describe('revops validate on the example policies', () => {
  it('finds every example policy valid and exits 0', async () => {
    const run = await runRevops(['validate', '--policies', examplePolicies, '--format', 'json']);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      summary: { files: number; errors: number; warnings: number };
    };
    expect(run.stderr).toBe('');
    expect(report.summary).toEqual({ files: 18, errors: 0, warnings: 0 });
    expect(report.ok).toBe(true);
    expect(run.code).toBe(0);
  });

  it('prints a summary that names the constraint', async () => {
    const run = await runRevops(['validate', '--policies', examplePolicies, '--summary']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ 18 policy files valid');
    expect(run.stdout).toMatch(/RevenueGoal\s+fy2026-new-business .*constraint: mql utilisation ≤ 0\.85/);
  });

  it('exits 2 with a clear message when the directory does not exist', async () => {
    const run = await runRevops(['validate', '--policies', 'no/such/dir']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('revops: Policy directory no/such/dir does not exist.\n');
  });

  it('exits 2 on an unknown format', async () => {
    const run = await runRevops(['validate', '--policies', examplePolicies, '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'xml' is invalid");
  });
});

describe('revops validate output', () => {
  it('renders the clean result and the policy summary (golden)', async () => {
    const run = await runRevops(['validate', '--policies', 'policies', '--summary']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✔ 18 policy files valid\n/);
    // One summary line per policy file, each naming its kind and name.
    expect(run.stdout.split('\n').filter((l) => /^ {2}[A-Z]\w+ {2,}[a-z0-9-]+ {2,}\S/.test(l))).toHaveLength(18);
    expect(run.stdout).toMatch(/RevenueGoal +fy2026-new-business +.*constraint: mql utilisation ≤ 0\.85/);
    expect(run.stdout).toMatch(
      /CompPlan +sdr-pipeline +.*qualified-pipeline 60 %, sourced-revenue 20 %, constraint 20 %/,
    );
    expectGolden('validate/example-summary.txt', run.stdout);
  });

  it('explains that a file is not a policy directory', async () => {
    const run = await runRevops(['validate', '--policies', 'policies/funnel.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('policies/funnel.yaml is a file; give the directory that holds the policies');
  });
});
