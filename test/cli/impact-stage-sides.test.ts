import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';

const sqlStage = `    - id: sql
      name: Sales qualified
      owner: ae
      entry: sql_qualified
      capacity:
        headcount: 3
        perPersonPerWeek: 5    # qualification meetings per AE per week
        unit: leads
`;

/**
 * A stage that exists under one side only (the example funnel with and without its sql
 * stage): the other side has no figures for it — "—", not 0 arrivals — and a stage only
 * the head has is still compared, so the head's busiest stage is not missed.
 */
describe('revops impact with a stage on one side only', () => {
  const tempDir = useTempDirs();

  async function impact(withSql: 'base' | 'head', format: 'json' | 'markdown' | 'terminal'): Promise<string> {
    const full = tempDir();
    cpSync(join(repoRoot, 'policies'), full, { recursive: true });
    const cut = tempDir();
    cpSync(full, cut, { recursive: true });
    const funnel = join(cut, 'funnel.yaml');
    const text = readFileSync(funnel, 'utf8');
    if (!text.includes(sqlStage)) throw new Error('the example funnel has no sql stage block');
    writeFileSync(funnel, text.replace(sqlStage, ''));
    const [base, head] = withSql === 'base' ? [full, cut] : [cut, full];
    const run = await runRevops(['impact', '-q', '--base-dir', base, '--head-dir', head, '--format', format]);
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  }

  it('gives no arrivals, not 0, for the side without the stage', async () => {
    const report = JSON.parse(await impact('base', 'json')) as ImpactReport;
    expectValidImpactReport(report);
    const sql = report.stages.find((s) => s.stage === 'sql');
    expect(sql?.arrivals.base).toBeGreaterThan(0);
    expect(sql?.arrivals).toMatchObject({ head: null, delta: null });
    const text = (await impact('base', 'terminal')).replace(/\s+/g, ' ');
    expect(text).toMatch(/ sql [\d,]+ → — /);
  });

  it('compares a stage only the head has', async () => {
    const report = JSON.parse(await impact('head', 'json')) as ImpactReport;
    expectValidImpactReport(report);
    const sql = report.stages.find((s) => s.stage === 'sql');
    expect(sql?.arrivals.base).toBeNull();
    expect(sql?.arrivals.head).toBeGreaterThan(0);
    expect(sql?.utilisation.head).not.toBeNull();
    // In funnel order: sql sits between sal and opportunity.
    expect(report.stages.map((s) => s.stage).indexOf('sql')).toBe(report.stages.map((s) => s.stage).indexOf('sal') + 1);
  });

  it('charts no made-up 0 for the side without the stage', async () => {
    const markdown = await impact('head', 'markdown');
    const axis = markdown.split('\n').find((l) => l.startsWith('  x-axis ')) ?? '';
    expect(axis).toContain('"sal"');
    expect(axis).not.toContain('"sql"');
    expect(markdown).not.toMatch(/^ {2}(bar|line) \[(.*, )?0(,|\])/m);
  });
});
