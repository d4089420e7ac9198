import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { copyExamplePolicies, useTempDirs } from '../helpers/paths.js';

const data = 'test/fixtures/explain/data';
const asOf = '2026-03-31T15:00:00Z';

describe('revops explain', () => {
  const tempDir = useTempDirs();

  it('explains an MQL rule by rule with the values it saw and file:line (golden)', async () => {
    const run = await runRevops(['explain', '--data', data, '--lead', 'L-1', '--as-of', asOf]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Lead L-1 is mql — score 110 = fit 50 + engagement 60');
    expect(run.stdout).toMatch(
      /✓ target-company-size\s+\+20\s+policies\/lead-definition\.yaml:45\n\s+\(employee_count=450 >= 200 and employee_count=450 <= 5000\)/,
    );
    expectGolden('explain/mql.txt', run.stdout);
  });

  it('names the exclusion that decided, and still shows every other rule', async () => {
    const run = await runRevops(['explain', '--data', data, '--lead', 'L-2', '--as-of', asOf]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Lead L-2 is excluded by exclusion `personal-email`');
    expect(run.stdout).toMatch(/✓ personal-email .*\n\s+email_domain="gmail.com" in \["gmail.com"/);
    expect(run.stdout).toMatch(/✓ demo-request/);
    expectGolden('explain/excluded.txt', run.stdout);
  });

  it('shows decay: two half-lives leave a quarter of the engagement points', async () => {
    const run = await runRevops(['explain', '--data', data, '--lead', 'L-3', '--as-of', asOf, '--format', 'json']);
    expect(run.code).toBe(0);
    const explanation = JSON.parse(run.stdout) as {
      classification: { class: string; engagementRaw: number; decayFactor: number; engagement: number };
    };
    expect(explanation.classification).toMatchObject({
      class: 'nurture',
      engagementRaw: 28,
      decayFactor: 0.25,
      engagement: 7,
    });
  });

  it('exits 2 naming the lead when it is not in the data', async () => {
    const run = await runRevops(['explain', '--data', data, '--lead', 'L-404', '--as-of', asOf]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`revops: No lead with id L-404 among the 3 leads read from ${data}.\n`);
  });

  it('says a missing lead may be among the rejected rows, and how many there are', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'leads.csv'), 'id,created_at\nL-1,2026-01-05T10:00:00Z\nL-2,\nL-3,2026-02-30T10:00:00Z\n');
    const run = await runRevops(['explain', '--data', dir, '--lead', 'L-2', '--as-of', asOf]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No lead with id L-2 among the 1 leads read');
    expect(run.stderr).toContain('2 lead rows were rejected and it may be one of them');
  });

  it('exits 2 on an --as-of that is not a date', async () => {
    const run = await runRevops(['explain', '--data', data, '--lead', 'L-1', '--as-of', 'yesterday']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--as-of yesterday is not an ISO 8601 date or date-time');
  });

  it('refuses to explain with invalid policies and shows why', async () => {
    const run = await runRevops([
      'explain',
      '--policies',
      'test/fixtures/bad-input/unknown-property',
      '--data',
      data,
      '--lead',
      'L-1',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown property `defaultClas`');
    expect(run.stderr).toContain('are not valid; fix them first');
  });

  it('exits 2 with the failing clause, not a stack trace, when a rule fails on the lead; --mask names the pseudonym only', async () => {
    const temp = copyExamplePolicies();
    try {
      const file = join(temp.dir, 'lead-definition.yaml');
      const text = readFileSync(file, 'utf8');
      // A string where an instant is expected: the rule fails on every lead that has a domain.
      const failing = text.replace(
        'when: {"==": [{"var": "is_student"}, true]}',
        'when: {"days_between": [{"var": "email_domain"}, 0]}',
      );
      expect(failing).not.toBe(text);
      writeFileSync(file, failing);
      const run = await runRevops([
        'explain',
        '--policies',
        temp.dir,
        '--data',
        data,
        '--lead',
        'L-1',
        '--as-of',
        asOf,
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^revops: Lead L-1 cannot be explained: a rule of lumen-lead-definition fails on its values at .*lead-definition\.yaml:\d+: argument 1 of `days_between` is a string/,
      );
      expect(run.stderr.split('\n')).toHaveLength(2);

      const masked = await runRevops([
        'explain',
        '--policies',
        temp.dir,
        '--data',
        data,
        '--lead',
        'L-1',
        '--as-of',
        asOf,
        '--mask',
      ]);
      expect(masked.code).toBe(2);
      expect(masked.stderr).toMatch(/^revops: Lead lead-[0-9a-f]{10} cannot be explained/);
      expect(masked.stderr).not.toMatch(/L-1|acme/);
    } finally {
      temp.cleanup();
    }
  });
});
