import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';

/**
 * A pull request that moves the marketing plan off the shared outcome (100 % on sal_count
 * and sourced pipeline, its goal gate removed): impact still replays it (the figures are
 * right) and reports the plan as a finding of the head side.
 */
describe('revops impact: a plan the change takes off the shared outcome', () => {
  const tempDir = useTempDirs();

  async function impact(format: 'json' | 'markdown') {
    const base = join(repoRoot, 'policies');
    const head = tempDir();
    cpSync(base, head, { recursive: true });
    const file = join(head, 'comp-plan-marketing.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(
      ['spec', 'components'],
      doc.createNode([
        { id: 'sals', metric: 'sal_count', weight: 0.5 },
        { id: 'pipeline', metric: 'sourced_pipeline_amount', weight: 0.5 },
      ]),
    );
    doc.deleteIn(['spec', 'gates']);
    writeFileSync(file, doc.toString());
    // Its unit tests name the old components; the pull request drops them with the plan's terms.
    rmSync(join(head, 'tests', 'comp-plan-marketing.test.yaml'));
    return runRevops(['impact', '-q', '--base-dir', base, '--head-dir', head, '--format', format]);
  }

  it('is a head-side finding in the JSON report, and the validation error is printed', async () => {
    const run = await impact('json');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('comp.shared-outcome');
    expect(run.stderr).toContain('This marketing plan pays 100 % on sal_count (50 %)');
    const report = JSON.parse(run.stdout) as ImpactReport;
    expectValidImpactReport(report);
    expect(report.warnings.filter((w) => w.code === 'comp.shared-outcome')).toEqual([
      {
        code: 'comp.shared-outcome',
        plan: 'marketing-revenue',
        side: 'head',
        share: '0',
        minShare: '0.3',
        outcomeMetrics: ['goal_attainment', 'won_amount', 'sourced_won_amount', 'constraint_target_met'],
        paidOn: ['sal_count', 'sourced_pipeline_amount'],
      },
    ]);
  });

  it('is phrased in the PR comment', async () => {
    const run = await impact('markdown');
    expect(run.stdout).toContain(
      'marketing-revenue: under the change it pays 0 % of its target variable on the shared goal or the constraint metric',
    );
    expect(run.stdout).toContain('less than the 30 % the RevenueGoal asks');
  });

  it('says nothing when both sides keep the plans on the shared outcome', async () => {
    const base = join(repoRoot, 'policies');
    const run = await runRevops(['impact', '-q', '--base-dir', base, '--head-dir', base, '--format', 'json']);
    const report = JSON.parse(run.stdout) as ImpactReport;
    expect(report.warnings.some((w) => w.code === 'comp.shared-outcome')).toBe(false);
  });
});
