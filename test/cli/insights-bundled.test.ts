import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InsightsReport, StageInsight } from '../../src/core/insights/types.js';
import type { Report } from '../../src/core/report/index.js';
import { runRevops } from '../helpers/cli.js';
import { expectValidInsightsReport } from '../helpers/insights-schema.js';
import { copyExamplePolicies } from '../helpers/paths.js';

/** The bundled example policies and data (the defaults), end to end. */
describe('revops insights on the bundled data', () => {
  let report: InsightsReport;

  beforeAll(async () => {
    const run = await runRevops(['insights', '-q', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    report = JSON.parse(run.stdout) as InsightsReport;
  });

  it('looks at the declared constraint, MQL → SAL, and the stage after it, SAL → SQL', () => {
    expectValidInsightsReport(report);
    expect(report.constraint).toMatchObject({ stage: 'mql', source: 'declared' });
    expect(report.stages.map((s) => [s.stage, s.next, s.role])).toEqual([
      ['mql', 'sal', 'constraint'],
      ['sal', 'sql', 'after-constraint'],
    ]);
    expect(report.definition).toBe('lumen-lead-definition');
  });

  it('partitions each stage: every field and the deciding rule add up to the stage, the bands to the leads qualified by score', () => {
    const totals = (groups: StageInsight['attributes'][number]['groups']) =>
      ['entered', 'matured', 'advanced'].map((k) =>
        groups.reduce((s, g) => s + (g[k as 'entered' | 'matured' | 'advanced'] as number), 0),
      );
    for (const stage of report.stages) {
      const overall = [stage.overall.entered, stage.overall.matured, stage.overall.advanced];
      for (const a of stage.attributes.filter((x) => x.kind === 'field' || x.kind === 'qualified-by'))
        expect([a.attribute, ...totals(a.groups)]).toEqual([a.attribute, ...overall]);
      const byScore = stage.attributes
        .find((a) => a.kind === 'qualified-by')
        ?.groups.find((g) => g.value === 'threshold:mql');
      const bands = stage.attributes.find((a) => a.kind === 'score-band');
      expect(totals(bands?.groups ?? [])).toEqual([byScore?.entered, byScore?.matured, byScore?.advanced]);
    }
  });

  it('suggests raising the MQL threshold by the bands that convert below the stage, counting the leads the evaluation moves', async () => {
    const raise = report.suggestions.find((s) => s.code === 'raise-threshold');
    if (raise?.code !== 'raise-threshold') throw new Error('no threshold suggestion');
    expect(raise).toMatchObject({ class: 'mql', from: 65, evidence: { signal: 'below' } });
    expect(raise.evidence.range?.from).toBe(65);
    expect(raise.evidence.high).toBeLessThan(raise.overallRate as number);
    // The same change, evaluated: the MQL class loses exactly the leads the suggestion counts.
    const temp = copyExamplePolicies();
    try {
      const file = join(temp.dir, 'lead-definition.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('minScore: 65', `minScore: ${raise.to}`));
      const mqls = async (policies: string) => {
        const run = await runRevops(['evaluate', '-q', '--policies', policies, '--format', 'json']);
        expect(run.code, run.stderr).toBe(0);
        const r = JSON.parse(run.stdout) as Report;
        return r.classification?.classes.find((c) => c.class === 'mql')?.count ?? 0;
      };
      expect((await mqls('policies')) - (await mqls(temp.dir))).toBe(raise.leadsMoved);
    } finally {
      temp.cleanup();
    }
  });

  it('prints the suggestion first in markdown, with the sweep to try', async () => {
    const run = await runRevops(['insights', '-q', '--format', 'markdown']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.startsWith('## What converts at the constraint')).toBe(true);
    expect(run.stdout).toContain(
      "Try: `revops impact --base-dir policies --sweep 'LeadDefinition/lumen-lead-definition:spec.classes[id=mql].minScore=",
    );
    expect(run.stdout.indexOf('### Suggested')).toBeLessThan(run.stdout.indexOf('### mql'));
  });
});
