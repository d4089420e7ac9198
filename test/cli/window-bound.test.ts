import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { examplePolicies, repoRoot, useTempDirs } from '../helpers/paths.js';

// One activity dated in 2526 made `evaluate` list five centuries of weeks (42 s, 800 MB);
// in 9999 it never finished. The window is now at most ten years, or a clear usage error.
describe('the evaluation window is bounded', () => {
  const tempDir = useTempDirs();

  function dataWith(line: string): string {
    const dir = join(tempDir(), 'data');
    cpSync(join(repoRoot, 'examples', 'data'), dir, { recursive: true });
    appendFileSync(join(dir, 'activities.csv'), line);
    return dir;
  }

  it('stops with exit 2 when one row moves the as-of centuries ahead, naming both ends and their sources', async () => {
    const data = dataWith('ACT-FUTURE,L0000001,,email,outbound,9999-06-01T00:00:00Z,U009,sent,,\n');
    // Under today's clock the row is rejected as dated in the future; a clock set past it lets
    // it through, and the window bound is what stops it.
    const run = await runRevops([
      'evaluate',
      '--policies',
      examplePolicies,
      '--data',
      data,
      '--now',
      '9999-12-31T00:00:00Z',
      '--format',
      'json',
      '--quiet',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('to 9999-06-01T00:00:00.000Z (the latest date-time of activities)');
    expect(run.stderr).toContain('(the period of RevenueGoal "fy2026-new-business")');
    expect(run.stderr).toContain('spans more than 10 years');
    expect(run.stderr).not.toContain('internal error');
  });

  it('stops with exit 2 on --from and --as-of too far apart, naming the options', async () => {
    const run = await runRevops([
      'evaluate',
      '--policies',
      examplePolicies,
      '--data',
      join(repoRoot, 'examples', 'data'),
      '--from',
      '1900-01-01',
      '--as-of',
      '2026-03-01',
      '--format',
      'json',
      '--quiet',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/from 1900-01-01T\S+ \(--from\) to 2026-03-01T\S+ \(--as-of\)/);
  });

  it('evaluates a ten-year window', async () => {
    const run = await runRevops([
      'evaluate',
      '--policies',
      examplePolicies,
      '--data',
      join(repoRoot, 'examples', 'data'),
      '--from',
      '2016-06-01',
      '--as-of',
      '2026-03-01',
      '--format',
      'json',
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { window: { weeks: number } }).window.weeks).toBeGreaterThan(500);
  });
});
