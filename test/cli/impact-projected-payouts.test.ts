import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';

async function impactOf(head: string, format = 'json'): Promise<{ stdout: string; stderr: string }> {
  return runRevops(['impact', '-q', '--base-dir', 'policies', '--head-dir', head, '--format', format]);
}

const reports = new Map<string, Promise<ImpactReport>>();

/** The JSON report of one head, run once per file. */
function reportOf(head: string): Promise<ImpactReport> {
  const had = reports.get(head);
  if (had !== undefined) return had;
  const run = readReport(head);
  reports.set(head, run);
  return run;
}

async function readReport(head: string): Promise<ImpactReport> {
  const run = await impactOf(head);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as ImpactReport;
}

describe('impact: payouts on the projected volumes', () => {
  it('pays the bundled change period by period, figures a reader can check from the printed assumptions', async () => {
    const r = await reportOf('examples/proposed-change/policies');
    const p = r.projection;
    const pay = p.payouts;
    expect(pay.unknown).toBeNull();
    expect(pay.plans.map((x) => [x.plan, x.periods.map((k) => k.label), x.unknown])).toEqual([
      ['ae-new-business', ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], null],
      ['marketing-revenue', ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], null],
      [
        'sdr-pipeline',
        ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
        null,
      ],
    ]);
    const ae = pay.plans[0];
    // Q2 (91 days) is all projected: 13 weeks.
    expect(ae?.periods[1]).toEqual({ label: '2026-Q2', weeksProjected: 13 });
    expect(ae?.metrics).toEqual([
      { metric: 'won_amount', basis: 'stage', stage: 'won', unknown: null },
      { metric: 'goal_attainment', basis: 'goal', stage: null, unknown: null },
    ]);
    // The AEs own every won deal, so their Q2 won amounts add up to won revenue a week × 13 weeks.
    const q2 = (ae?.payout?.parts[0]?.lines ?? []).filter((l) => l.period === '2026-Q2');
    const value = (side: 'base' | 'head') =>
      q2.reduce((s, l) => {
        const moved = l.reasons.find((x) => x.code === 'metric-moved');
        return moved?.code === 'metric-moved' ? s.plus(moved.value[side] ?? 0) : s;
      }, new Decimal(0));
    const perWeek = (x: string | null) => new Decimal(x ?? 0).div(p.horizonWeeks ?? 1).times(13);
    expect(value('base').minus(perWeek(p.wonRevenue.base)).abs().toNumber()).toBeLessThan(1);
    expect(value('head').minus(perWeek(p.wonRevenue.head)).abs().toNumber()).toBeLessThan(1);
    // Goal attainment of a projected quarter: its won revenue ÷ (1,800,000 × 91/365). On the bundled data
    // the base's projected quarters clear the 0.7 shared-goal gate and the head's fall under it.
    const attainment = (side: 'base' | 'head') =>
      perWeek(p.wonRevenue[side]).div(new Decimal(1_800_000).times(91).div(365)).toNumber();
    expect(attainment('base')).toBeGreaterThanOrEqual(0.7);
    expect(attainment('head')).toBeLessThan(0.7);
    const gate = (ae?.payout?.parts.flatMap((x) => x.lines) ?? [])
      .filter((l) => l.period === '2026-Q2')
      .flatMap((l) => l.reasons)
      .find((x) => x.code === 'gate-failed');
    expect(gate).toMatchObject({ gate: 'shared-goal-floor', metric: 'goal_attainment' });
    expect(gate?.code === 'gate-failed' && gate.value.base).toBeCloseTo(attainment('base'), 3);
    expect(gate?.code === 'gate-failed' && gate.value.head).toBeCloseTo(attainment('head'), 3);
    expect(ae?.payout?.heldByGates.head[0]?.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    // Fewer won deals: the AEs are paid less, and the totals add up plan by plan.
    expect(ae?.payout?.total.delta.startsWith('-')).toBe(true);
    const sum = pay.plans.reduce((s, x) => s.plus(x.payout?.total.delta ?? 'NaN'), new Decimal(0));
    expect(pay.totals).toHaveLength(1);
    expect(pay.totals[0]?.delta).toBe(sum.toFixed(2));
  });

  it('prints the projected payouts, their range and their assumptions in the terminal', async () => {
    const run = await impactOf('examples/proposed-change/policies', 'terminal');
    const r = await reportOf('examples/proposed-change/policies');
    const t = r.projection.payouts.totals[0];
    const minus = (x: string | null | undefined) => (x ?? '').replace('-', '−').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const text = run.stdout.replace(/\n\s*/g, ' ');
    expect(text).toContain(`projected payouts ${minus(t?.delta)} USD (range ${minus(t?.deltaLow)} to +`);
    expect(text).toContain('Payouts on the projected volumes to the period');
    expect(text).toContain('Plan sdr-pipeline: opportunities_created by opportunity arrivals');
  });

  it('pays an unchanged head exactly what it pays the base', async () => {
    const pay = (await reportOf('policies')).projection.payouts;
    expect(pay.plans.length).toBeGreaterThan(0);
    for (const plan of pay.plans) {
      expect(plan.payout?.total.delta).toBe('0.00');
      expect(plan.payout?.parts.flatMap((x) => x.lines)).toEqual([]);
      expect(plan.range).toMatchObject({ deltaLow: '0.00', deltaHigh: '0.00' });
    }
    expect(pay.totals[0]).toMatchObject({ delta: '0.00', deltaLow: '0.00', deltaHigh: '0.00' });
  });
});
