import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { fixturesDir, useTempDirs } from '../helpers/paths.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';

const maven = join(fixturesDir, 'maven');

/**
 * Impact on the Maven export (test/fixtures/maven) when the goal's target drops from
 * 10,000,000 to 8,000,000 USD: as of 2018-01-01 the 2017 period is over, so each side's
 * projected attainment is the 2017 won value ÷ its target, exactly — and so is the change.
 */
describe('revops impact on the Maven export: the goal forecast, exactly', () => {
  const tempDir = useTempDirs();

  it('compares exact projected attainments', async () => {
    const base = tempDir();
    cpSync(join(maven, 'policies'), base, { recursive: true });
    const head = tempDir();
    cpSync(base, head, { recursive: true });
    const goal = join(head, 'revenue-goal.yaml');
    writeFileSync(goal, readFileSync(goal, 'utf8').replace('target: "10000000"', 'target: "8000000"'));
    const run = await runRevops([
      'impact',
      '-q',
      '--base-dir',
      base,
      '--head-dir',
      head,
      '--data',
      join(maven, 'export'),
      '--mapping',
      'maven',
      '--as-of',
      '2018-01-01T00:00:00Z',
      '--format',
      'json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ImpactReport;
    expectValidImpactReport(report);
    // Won in 2017, summed from the CSV (columns: …, deal_stage, engage_date, close_date, close_value).
    const [, ...lines] = readFileSync(join(maven, 'export', 'sales_pipeline.csv'), 'utf8')
      .trim()
      .split(/\r?\n/);
    const won = lines
      .map((l) => l.split(','))
      .filter((c) => c[4] === 'Won' && (c[6] ?? '') < '2018-01-01')
      .reduce((s, c) => s + BigInt(c[7] ?? '0'), 0n);
    // won ÷ 10^7 and won ÷ (8 × 10^6) = won × 125 ÷ 10^9: both terminate; the change is won × 25 ÷ 10^9.
    const decimal = (n: bigint, places: number) =>
      `${n / 10n ** BigInt(places)}.${String(n % 10n ** BigInt(places)).padStart(places, '0')}`.replace(/\.?0+$/, '');
    expect(report.goal?.projectedAttainmentExact).toEqual({
      base: decimal(won, 7),
      head: decimal(won * 125n, 9),
      delta: decimal(won * 25n, 9),
    });
    // With the period over nothing is left to project: won revenue is "—" (never a projected 0.00),
    // and the flow forecast is the actual itself.
    expect(report.projection.wonRevenue).toMatchObject({ base: null, head: null, delta: null, unknown: 'period-over' });
    expect(report.projection.goalForecast.base).toBe(`${decimal(won, 0)}.00`);
    expect(report.projection.goalForecast.attainment.head).toBeCloseTo(Number(won) / 8_000_000, 4);
  });
});
