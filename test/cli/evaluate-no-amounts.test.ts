import { phraseWarning } from '../../src/reporters/phrase-warning.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/index.js';
import { runRevops } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

/**
 * A synthetic export of closed deals mapped without a revenue column
 * (test/fixtures/no-amounts): D1–D3 won, D4 lost, D5 open, none with an amount. Every figure
 * built on won amounts is unknown — "—" with the reason, null with a reason code in the
 * JSON — never 0.00; counts and rates that need no amount are still given.
 */
const dir = join(fixturesDir, 'no-amounts');
const args = [
  'evaluate',
  '--policies',
  join(dir, 'policies'),
  '--data',
  join(dir, 'export'),
  '--mapping',
  'closed-deals',
  '--as-of',
  '2026-04-01T00:00:00Z',
];

describe('revops evaluate on an export without amounts', () => {
  it('reports unknown amounts as null with a reason (JSON)', async () => {
    const run = await runRevops([...args, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.deals).toMatchObject({
      won: 3,
      lost: 1,
      open: 1,
      winRate: 0.75,
      wonAmount: null,
      averageWonAmount: null,
      wonWithoutAmount: 3,
      amountUnknown: 'no-amounts',
    });
    expect(report.deals.byOwner).toEqual([
      { ownerId: 'S1', won: 2, wonAmount: null },
      { ownerId: 'S2', won: 1, wonAmount: null },
    ]);
    expect(report.goal).toMatchObject({
      actual: null,
      attainment: null,
      attainmentExact: null,
      unknown: 'no-amounts',
      pace: null,
    });
    expect(report.goal?.velocity).toMatchObject({
      winRate: 0.75,
      averageWonAmount: null,
      perDay: null,
      unknown: 'no-amounts',
    });
    expect(report.goal?.forecast).toMatchObject({ projected: null, projectedAttainment: null });
    // Comp: both metrics are unknown and count as 0, and each line says so.
    const line = report.comp?.plans[0]?.people[0]?.periods[0];
    expect(line?.components.map((c) => [c.id, c.isUnknown])).toEqual([
      ['won', true],
      ['shared', true],
    ]);
    expect(report.warnings.map(phraseWarning)).toEqual(
      expect.arrayContaining([
        'None of the 3 won deals carries an amount, so won amounts are unknown.',
        expect.stringMatching(
          /^sellers: won_amount is unknown for 2026-Q1: none of the opportunities credited carries an amount/,
        ),
        expect.stringMatching(/^sellers: goal_attainment is unknown for 2026-Q1/),
      ]),
    );
  });

  it('prints "—" with the reason, never 0.00, in the terminal', async () => {
    const run = await runRevops(args);
    expect(run.code, run.stderr).toBe(0);
    const text = run.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('3 won (amount —: no won deal carries an amount)');
    expect(text).toContain('average won —');
    expect(text).toContain('q1-won: — (no won deal carries an amount) of 100,000.00 BRL (—)');
    expect(text).toContain('Unknown, counted as 0: goal_attainment, won_amount (see the warnings).');
    expect(text).not.toMatch(/won \(0\.00|average won 0\.00/);
  });

  it('prints "—" with the reason in markdown', async () => {
    const run = await runRevops([...args, '--format', 'markdown']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('q1-won: — \\(no won deal carries an amount\\) of 100,000.00 BRL');
    expect(run.stdout).toMatch(/goal — of 100,000\.00 BRL/);
    // The headline's payout is no known 0: it was built on metrics counted as 0.
    expect(run.stdout).toMatch(/· payout 0\.00 BRL \\\(unknown metrics counted as 0\\\)$/m);
  });
});
