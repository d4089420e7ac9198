import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/index.js';
import { runRevops } from '../helpers/cli.js';
import { fixturesDir, useTempDirs } from '../helpers/paths.js';

/**
 * Money on a public export, recomputed here with whole-number arithmetic (BigInt) straight
 * from the committed CSV: the Maven CRM opportunities (test/fixtures/maven) with the goal
 * fy2017-won-amount (10,000,000 USD over 2017, 365 days) and a quarterly plan paying every
 * agent 25,000 × the goal's attainment in the quarter, held back below 0.7. With attainment
 * rounded to 4 dp before it multiplied pay, three quarters in four were off by cents.
 */
const maven = join(fixturesDir, 'maven');
const plan = `apiVersion: revops/v1
kind: CompPlan
metadata:
  name: agents
  owner: revops
  description: Every agent shares the goal.
spec:
  goal: fy2017-won-amount
  roles: [ae]
  team: sales
  currency: USD
  period: quarter
  targetVariable: "100000"
  components:
    - {id: shared-goal, metric: goal_attainment, weight: 1}
  gates:
    - {id: floor, metric: goal_attainment, min: 0.7}
`;

interface Deal {
  stage: string;
  engage: string;
  close: string;
  value: bigint;
}

const DAY = 86_400_000;
const days = (from: string, to: string): bigint =>
  BigInt((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** n ÷ d in cents, half up (n, d > 0, n in cents × d already): "1234.57". */
function cents(n: bigint, d: bigint): string {
  const c = (2n * n + d) / (2n * d);
  return `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
}

function readDeals(): Deal[] {
  const [, ...lines] = readFileSync(join(maven, 'export', 'sales_pipeline.csv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  return lines.map((line) => {
    const [, , , , stage = '', engage = '', close = '', value = ''] = line.split(',');
    return { stage, engage, close, value: value === '' ? 0n : BigInt(value) };
  });
}

describe('revops evaluate on the Maven export: goal pay and velocity from exact figures', () => {
  const tempDir = useTempDirs();
  let report: Report;
  const deals = readDeals();
  const won = deals.filter((d) => d.stage === 'Won');

  beforeAll(async () => {
    const dir = tempDir();
    cpSync(join(maven, 'policies'), dir, { recursive: true });
    writeFileSync(join(dir, 'comp-plan.yaml'), plan);
    const run = await runRevops([
      'evaluate',
      '--policies',
      dir,
      '--data',
      join(maven, 'export'),
      '--mapping',
      'maven',
      '--as-of',
      '2018-01-01T00:00:00Z',
      '--format',
      'json',
    ]);
    report = JSON.parse(run.stdout) as Report;
  });

  it.each([
    { label: '2017-Q1', from: '2017-01-01', to: '2017-04-01' },
    { label: '2017-Q2', from: '2017-04-01', to: '2017-07-01' },
    { label: '2017-Q3', from: '2017-07-01', to: '2017-10-01' },
    { label: '2017-Q4', from: '2017-10-01', to: '2018-01-01' },
  ])('pays every agent in $label 25,000 × won ÷ (10,000,000 × days ÷ 365), unless below 0.7', ({ label, from, to }) => {
    const wonInQuarter = won.filter((d) => d.close >= from && d.close < to).reduce((s, d) => s + d.value, 0n);
    const quarterDays = days(from, to);
    // a = won × 365 ÷ (10,000,000 × days); pay = 25,000 × a = won × 365 ÷ (400 × days), in cents × 100.
    const isPassed = wonInQuarter * 365n * 10n >= 7n * 10_000_000n * quarterDays;
    const pay = isPassed ? cents(wonInQuarter * 365n * 100n, 400n * quarterDays) : '0.00';
    const lines = (report.comp?.plans[0]?.people ?? []).map((p) => p.periods.find((k) => k.period === label));
    expect(lines).toHaveLength(35);
    for (const line of lines) {
      expect(line?.gates[0]?.isPassed).toBe(isPassed);
      expect(line?.total).toBe(pay);
    }
  });

  it('builds velocity from the exact win rate, average and cycle', () => {
    // Open: engaged deals not closed by as-of (prospecting deals have no engage date and are rejected).
    const open = BigInt(deals.filter((d) => d.stage === 'Engaging' && d.engage !== '').length);
    const lost = BigInt(deals.filter((d) => d.stage === 'Lost').length);
    const wonCount = BigInt(won.length);
    const wonValue = won.reduce((s, d) => s + d.value, 0n);
    const cycleDays = won.reduce((s, d) => s + days(d.engage, d.close), 0n);
    // open × won/(won + lost) × value/won ÷ (cycle/won) = open × value × won ÷ ((won + lost) × cycle)
    expect(report.goal?.velocity.openOpportunities).toBe(Number(open));
    expect(report.goal?.velocity.perDay).toBe(cents(open * wonValue * wonCount * 100n, (wonCount + lost) * cycleDays));
  });

  it('carries the projected attainment exactly, next to its display figure', () => {
    // As of 2018-01-01 the period is over: projected = won in 2017, exactly; ÷ 10,000,000 moves the point 7 places.
    const won2017 = won.filter((d) => d.close < '2018-01-01').reduce((s, d) => s + d.value, 0n);
    const exact = `${won2017 / 10_000_000n}.${String(won2017 % 10_000_000n).padStart(7, '0')}`.replace(/\.?0+$/, '');
    expect(report.goal?.forecast.projectedAttainmentExact).toBe(exact);
    expect(report.goal?.forecast.projectedAttainment).toBe(Math.round(Number(exact) * 10_000) / 10_000);
  });
});
