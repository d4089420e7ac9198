import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

// The bundled MQL change plus three comp changes: AE quota 600,000 → 300,000 a year, the AE
// shared-goal floor 0.7 → 0.3, the SDR qualified-pipeline cap 2 → 1.5.
const head = join(repoRoot, 'test', 'fixtures', 'impact-payouts', 'head');
const args = ['impact', '-q', '--base-dir', 'policies', '--head-dir', head];

describe('impact: payouts by plan and component, with reasons', () => {
  it('gives each component its delta and coded reasons (JSON, hand-checked for one AE)', async () => {
    const run = await runRevops([...args, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ImpactReport;
    const ae = report.comp.plans.find((p) => p.plan === 'ae-new-business');
    const nb = ae?.parts.find((x) => x.id === 'new-business');
    // U010 won 81,990 in Q1. Quarter target variable 120,000 / 4 = 30,000, weight 0.8 → 24,000.
    // Base: 81,990 / 150,000 = 0.5466; marginal 0.5 × 0.6 + 0.0466 × 1 = 0.3466 → 8,318.40.
    // Head: 81,990 / 75,000 = 1.0932; 0.5 × 0.6 + 0.5 × 1 + 0.0932 × 1.6 = 0.94912 → 22,778.88.
    expect(nb?.lines.find((l) => l.personId === 'U010')).toEqual({
      personId: 'U010',
      period: '2026-Q1',
      payout: { base: '8318.40', head: '22778.88', delta: '14460.48' },
      reasons: [
        {
          code: 'tier-crossed',
          metric: 'won_amount',
          tier: { base: 1, head: 2, delta: 1 },
          attainment: { base: 0.5466, head: 1.0932, delta: 0.5466 },
        },
        {
          code: 'target-changed',
          metric: 'won_amount',
          target: { base: '150000.00', head: '75000.00', delta: '-75000' },
        },
      ],
    });
    expect(ae?.parts.find((x) => x.id === 'shared-goal')?.reasons.map((r) => [r.code, r.subject, r.people])).toEqual([
      ['gate-passed', 'shared-goal-floor', 3],
    ]);
    const sdr = report.comp.plans.find((p) => p.plan === 'sdr-pipeline');
    const codes = sdr?.parts.flatMap((x) => x.reasons.map((r) => r.code));
    expect(codes).toEqual(expect.arrayContaining(['cap-hit', 'cap-changed', 'metric-moved', 'base-pay-changed']));
    // The parts add up to each plan's total, exactly.
    for (const p of report.comp.plans) {
      const cents = (side: 'base' | 'head') =>
        p.parts.reduce((s, x) => s + Math.round(Number(x.payout[side]) * 100), 0);
      expect([cents('base'), cents('head')]).toEqual([
        Math.round(Number(p.total.base) * 100),
        Math.round(Number(p.total.head) * 100),
      ]);
    }
    const marketing = report.comp.plans.find((p) => p.plan === 'marketing-revenue');
    expect(marketing?.isZeroByGate).toEqual({ base: true, head: true });
  });

  it('prints the breakdown and a plan held at 0 by a gate in the terminal', async () => {
    const run = await runRevops(args);
    expect(run.code).toBe(0);
    const text = run.stdout.slice(run.stdout.indexOf('Payouts by plan and component'));
    expect(text).toContain('new-business (won_amount): 18,382.40 → 51,143.68 (+32,761.28)');
    expect(text).toMatch(/won_amount attainment 0\.5466 → 1\.0932 crosses from tier 2 to tier 3/);
    expect(text).toMatch(
      /gate shared-goal-floor passes under the head: goal_attainment 0\.3942 → 0\.3942, min 0\.7 → 0\.3/,
    );
    expect(text).toMatch(/cap reached under the head \(factor 1\.625 → 1\.5\)/);
    expect(text).toMatch(
      /marketing-revenue under base and head: pays 0\.00 USD because gate shared-goal-floor\s+failed/,
    );
    expect(text).toMatch(/ae-new-business under the base: gate shared-goal-floor failed/);
  });

  it('shows the breakdown and the plan paying 0 unfolded in the markdown comment, each person masked', async () => {
    const run = await runRevops([...args, '--format', 'markdown', '--mask']);
    expect(run.code).toBe(0);
    const shown = run.stdout.slice(0, run.stdout.indexOf('<details>'));
    expect(shown).toContain('**Payouts by plan and component**');
    expect(shown).toMatch(/- \*\*ae-new-business\*\* \+39,857\.33 USD: new-business \\\(won\\_amount\\\) \+32,761\.28/);
    expect(shown).toMatch(
      /- ⚠ marketing-revenue under base and head: pays 0\.00 USD because gate shared-goal-floor failed/,
    );
    expect(run.stdout).toMatch(
      /\| ae-new-business \| new-business \\\(won\\_amount\\\) \| person-[0-9a-f]{10} \| 2026-Q1 \|/,
    );
    expect(run.stdout).not.toMatch(/U01[0-2]/);
  });
});
