import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { fixturesDir, useTempDirs } from '../helpers/paths.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';

/**
 * Impact on an export without amounts (test/fixtures/no-amounts): the plan pays on
 * won_amount and goal_attainment, both unknown and counted as 0 on each side. Raising the
 * target pay changes nothing in money, and the impact must say why instead of showing a
 * plain "0.00 → 0.00" as if the plan paid nothing for a known reason.
 */
const fixture = join(fixturesDir, 'no-amounts');

describe('revops impact when comp metrics are unknown', () => {
  const tempDir = useTempDirs();

  async function impact(format: 'json' | 'markdown' | 'terminal'): Promise<string> {
    const base = tempDir();
    cpSync(join(fixture, 'policies'), base, { recursive: true });
    const head = tempDir();
    cpSync(base, head, { recursive: true });
    const plan = join(head, 'comp-plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('targetVariable: "40000"', 'targetVariable: "80000"'));
    const run = await runRevops([
      'impact',
      '-q',
      '--base-dir',
      base,
      '--head-dir',
      head,
      '--data',
      join(fixture, 'export'),
      '--mapping',
      'closed-deals',
      '--as-of',
      '2026-04-01T00:00:00Z',
      '--format',
      format,
    ]);
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  }

  it('names the metrics each side counted as 0 (JSON)', async () => {
    const report = JSON.parse(await impact('json')) as ImpactReport;
    expectValidImpactReport(report);
    expect(report.comp.total).toEqual([{ currency: 'BRL', base: '0.00', head: '0.00', delta: '0.00', deltaPct: null }]);
    expect(report.comp.countedAsZero).toEqual({
      base: ['goal_attainment', 'won_amount'],
      head: ['goal_attainment', 'won_amount'],
    });
  });

  it('says so next to the payout in the terminal, with the warnings', async () => {
    const text = (await impact('terminal')).replace(/\s+/g, ' ');
    expect(text).toContain(
      'Unknown, counted as 0 — base: goal_attainment, won_amount; head: goal_attainment, won_amount.',
    );
    expect(text).toMatch(
      /Warnings ! .* ! sellers: won_amount is unknown for 2026-Q1: none of the opportunities credited carries an amount/,
    );
  });

  it('says so under the summary table of the comment', async () => {
    const markdown = await impact('markdown');
    const summaryEnd = markdown.indexOf('<details>');
    const caveat = markdown.indexOf(
      '⚠ Payouts count unknown metrics as 0 — base: goal\\_attainment, won\\_amount; head: goal\\_attainment, won\\_amount (see the warnings).',
    );
    expect(caveat).toBeGreaterThan(0);
    expect(caveat).toBeLessThan(summaryEnd);
  });
});
