import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateImpact, loadData, loadPolicies, renderImpact, renderReport } from '../../../src/index.js';
import type { ImpactReport, Report } from '../../../src/index.js';
import { describeImpact } from '../../../src/reporters/impact-headline.js';
import { summariseReport } from '../../../src/reporters/report-summary.js';
import { examplePolicies, repoRoot } from '../../helpers/paths.js';
import { collectReportFigures, findStrayFigures } from '../../helpers/report-figures.js';

const formats = ['terminal', 'markdown', 'json'] as const;

/** Digits that are names, not figures: the queue model's name and formula. */
const prose = ['M/M/1', 'ρ/(1−ρ)', 'Wilson 95 %'];

describe('every number a reporter prints is in the report it renders', () => {
  let report: Report;
  let impact: ImpactReport;

  it('builds the bundled example and the bundled proposed change', async () => {
    const policies = await loadPolicies(examplePolicies);
    const proposed = await loadPolicies(join(repoRoot, 'examples', 'proposed-change', 'policies'));
    const data = await loadData(join(repoRoot, 'examples', 'data'));
    report = evaluate(policies, data);
    impact = evaluateImpact(policies, proposed, data);
    expect(report.comp?.plans.length).toBeGreaterThan(0);
    expect(impact.hasChanges).toBe(true);
  });

  it.each(formats)('the evaluation report, %s', (format) => {
    const text = renderReport(report, format, { color: false });
    expect(text.length).toBeGreaterThan(1000);
    expect(findStrayFigures(text, collectReportFigures(report), prose)).toEqual([]);
  });

  it.each(formats)('the impact report, %s', (format) => {
    const text = renderImpact(impact, format, { color: false });
    expect(text.length).toBeGreaterThan(1000);
    expect(findStrayFigures(text, collectReportFigures(impact), prose)).toEqual([]);
  });

  it('says how many data issues there are in all, not how many it did not show', () => {
    const r = structuredClone(report);
    const issue = {
      code: 'data.bad-number',
      severity: 'error',
      entity: 'leads',
      file: 'leads.csv',
      path: '',
      column: 3,
      message: 'not a number',
    } as const;
    r.data.issues = Array.from({ length: 7 }, (_, k) => ({ ...issue, line: 11 + k }));
    r.data.totals.issueCount = 41;
    const text = renderReport(r, 'terminal', { color: false });
    expect(text).toContain('41 data issues in all');
    expect(findStrayFigures(text, collectReportFigures(r), prose)).toEqual([]);
  });

  it('judges as the report judges: tones and words follow its flags, with no threshold of their own', () => {
    const tones = (r: Report, label: string) =>
      summariseReport(r)
        .filter((l) => l.label === label)
        .map((l) => l.tone);
    const r = structuredClone(report);
    const sla = r.slas[0]!;
    Object.assign(sla, { compliance: 0.5, complianceTarget: null, isComplianceMet: null });
    expect(tones(r, 'SLA')[0]).toBe('neutral');
    Object.assign(sla, { compliance: 0.99, complianceTarget: 1, isComplianceMet: false });
    expect(tones(r, 'SLA')[0]).toBe('bad');
    const load = r.constraint!.stages.find((s) => s.stage === r.constraint!.stage)!;
    Object.assign(load, { utilisation: 0.5, isOverCapacity: true });
    expect(tones(r, 'Constraint')).toEqual(['bad']);
    Object.assign(load, { utilisation: 1.5, isOverCapacity: false });
    expect(tones(r, 'Constraint')).toEqual(['neutral']);

    const i = structuredClone(impact);
    i.constraint.utilisation = { base: 0.5, head: 0.6, delta: 0.1 };
    i.constraint.crossesCapacity = 'over';
    expect(describeImpact(i).constraint).toContain('over capacity');
    i.constraint.utilisation = { base: 0.9, head: 1.2, delta: 0.3 };
    i.constraint.crossesCapacity = null;
    expect(describeImpact(i).constraint).not.toMatch(/capacity|1\.0/);
  });

  it('catches a figure the report does not hold', () => {
    const figures = collectReportFigures({ utilisation: 0.8712, hours: 60, weeks: ['2026-W12'] });
    expect(findStrayFigures('utilisation 0.87 (87.1 %), 2.5 d, week 2026-W12', figures)).toEqual([]);
    expect(findStrayFigures('utilisation 0.88, total 1,234.00', figures).map((s) => s.split(' ')[0])).toEqual([
      '0.88',
      '1,234.00',
    ]);
  });
});
