import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttributeInsight, InsightsReport } from '../../src/core/insights/types.js';
import { runRevops } from '../helpers/cli.js';
import { expectValidInsightsReport } from '../helpers/insights-schema.js';
import { fixturesDir } from '../helpers/paths.js';

/**
 * test/fixtures/insights, computed by hand. Policies: big company 40 points, pricing page 30,
 * webinar 10, MQL from 60, a demo request is an MQL; the MQL stage is the declared constraint.
 * Leads (as of 2026-03-01T00:00Z, window from 2026-01-01):
 *   A  L01–L10  score 70, smb, ads: MQL, then 2 accepted (SAL) and 8 disqualified, each 2 days later
 *   B  L11–L20  score 80, ent, ads: MQL, all 10 accepted 2 days later (L11–L15 SQL 2 days after that)
 *   B' L21–L22  score 80, ent, ads: MQL a day before as-of, still open (entered, not matured)
 *   C  L23–L26  hand-raisers, score 0, smb, web: 3 accepted, 1 disqualified, 2 days later
 *   N  L27–L31  score 40: never MQL
 * Every item that left the MQL stage left after exactly 2 days, so the lag (p90) is 2 days:
 * 26 entered, 24 matured (B' is not), 2 + 10 + 3 = 15 advanced: 15/24 = 0.625.
 */
const fixture = join(fixturesDir, 'insights');
const base = [
  'insights',
  '-q',
  '--policies',
  join(fixture, 'policies'),
  '--data',
  join(fixture, 'data'),
  '--as-of',
  '2026-03-01T00:00:00Z',
  '--from',
  '2026-01-01T00:00:00Z',
  '--band',
  '10',
  '--min-sample',
  '5',
];

/** The Wilson 95 % interval from its textbook formula, in floating point, rounded to 4 dp (the oracle). */
function wilson(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z / d) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const r = (x: number) => Math.round(x * 10_000) / 10_000;
  return [r(Math.max(0, centre - half)), r(Math.min(1, centre + half))];
}

function attribute(report: InsightsReport, stage: number, name: string): AttributeInsight {
  const found = report.stages[stage]?.attributes.find((a) => a.attribute === name);
  if (found === undefined) throw new Error(`no attribute ${name}`);
  return found;
}

function group(a: AttributeInsight, value: string | null) {
  const found = a.groups.find((g) => g.value === value && !g.isOther);
  if (found === undefined) throw new Error(`no group ${String(value)} in ${a.attribute}`);
  return found;
}

describe('revops insights on a hand-computed funnel', () => {
  let report: InsightsReport;

  beforeAll(async () => {
    const run = await runRevops([...base, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    report = JSON.parse(run.stdout) as InsightsReport;
  });

  it('meets its JSON Schema', () => {
    expectValidInsightsReport(report);
  });

  it('measures the constraint stage on matured items only', () => {
    expect(report.constraint).toMatchObject({ stage: 'mql', source: 'declared' });
    const mql = report.stages[0];
    expect(mql).toMatchObject({ stage: 'mql', next: 'sal', role: 'constraint', entity: 'lead' });
    expect(mql?.maturity).toEqual({ days: 2, left: 24, quantile: 0.9 });
    const [low, high] = wilson(15, 24);
    expect(mql?.overall).toEqual({ entered: 26, matured: 24, advanced: 15, rate: 0.625, low, high });
    // The stage after it: SAL → SQL, 15 entered (A 2, B 10, C 3), 5 advanced, all matured.
    expect(report.stages[1]).toMatchObject({ stage: 'sal', next: 'sql', role: 'after-constraint' });
    expect(report.stages[1]?.overall).toMatchObject({ entered: 15, matured: 15, advanced: 5 });
  });

  it('gives conversion, interval and lift per score band, and marks the small groups', () => {
    const bands = attribute(report, 0, 'score-band');
    // A: 2 of 10 (0.2 ÷ 0.625 = 0.32); B: 10 of 10, 2 more not matured (1 ÷ 0.625 = 1.6).
    const [aLow, aHigh] = wilson(2, 10);
    expect(group(bands, '70')).toEqual({
      value: '70',
      isOther: false,
      range: { from: 70, to: 80 },
      entered: 10,
      matured: 10,
      advanced: 2,
      rate: 0.2,
      low: aLow,
      high: aHigh,
      lift: 0.32,
      signal: 'below', // its high end, 0.5098, is under 0.625
      rank: 2,
    });
    expect(group(bands, '80')).toMatchObject({
      entered: 12,
      matured: 10,
      advanced: 10,
      lift: 1.6,
      signal: 'above',
      rank: 1,
    });
    // Hand-raisers: 3 of 4, under the minimum sample of 5: shown, not ranked.
    const qualified = attribute(report, 0, 'qualified-by');
    expect(group(qualified, 'hand-raiser:demo-request')).toMatchObject({
      matured: 4,
      advanced: 3,
      lift: 1.2,
      signal: 'small',
      rank: null,
    });
    expect(group(qualified, 'threshold:mql')).toMatchObject({ matured: 20, advanced: 12, rank: 1 });
  });

  it('counts a lead under every scoring rule that gave it points', () => {
    const rules = attribute(report, 0, 'scoring-rule');
    expect(group(rules, 'big-company')).toMatchObject({ entered: 22, matured: 20, advanced: 12 });
    expect(group(rules, 'webinar')).toMatchObject({ entered: 12, matured: 10, advanced: 10, signal: 'above' });
    // Hand-raisers got no points: in no rule's group.
    expect(rules.groups.reduce((s, g) => s + g.entered, 0)).toBe(22 + 22 + 12);
  });

  it('suggests raising the threshold past the low band, the points of the rule that converts, and a rule for the field', () => {
    expect(report.noSuggestion).toBeNull();
    expect(report.suggestions.map((s) => s.code)).toEqual(['raise-threshold', 'raise-points', 'add-rule']);
    expect(report.suggestions[0]).toMatchObject({
      class: 'mql',
      from: 60,
      to: 80,
      // A's 10 leads score 70: a minScore of 80 moves exactly them out of mql.
      leadsMoved: 10,
      evidence: { matured: 10, advanced: 2 },
      overallRate: 0.625,
      sweep: { path: 'spec.classes[id=mql].minScore', from: 60, to: 90, step: 5 },
    });
    expect(report.suggestions[1]).toMatchObject({
      rule: 'webinar',
      category: 'engagement',
      points: 10,
      to: 15,
      sweep: { path: 'spec.scoring.engagement.rules[id=webinar].points', from: 10, to: 20, step: 5 },
    });
    // segment is read by no rule; ent converts 10 of 10, above 0.625 (source's web group is too small).
    expect(report.suggestions[2]).toMatchObject({ attribute: 'segment', value: 'ent', evidence: { lift: 1.6 } });
  });

  it('phrases the suggestions with a command line to try, first', async () => {
    const run = await runRevops(base);
    expect(run.code, run.stderr).toBe(0);
    const suggested = run.stdout.indexOf('SUGGESTED');
    expect(suggested).toBeGreaterThan(0);
    expect(suggested).toBeLessThan(run.stdout.indexOf('score band'));
    expect(run.stdout).toContain(
      "try: revops impact --base-dir policies --sweep 'LeadDefinition/tiny-leads:spec.classes[id=mql].minScore=60..90:5'",
    );
    expect(run.stdout).toContain('from 60 to 80');
    expect(run.stdout).toContain('20.0 % (5.7–51.0 %) of 10 matured items, against 62.5 %');
  });

  it('keeps the largest values and sums the rest into "other", an item in several counted once', async () => {
    const run = await runRevops([...base, '--max-groups', '1', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const capped = JSON.parse(run.stdout) as InsightsReport;
    expectValidInsightsReport(capped);
    const segment = attribute(capped, 0, 'segment');
    expect(segment).toMatchObject({ valueCount: 2, otherValueCount: 1 });
    expect(segment.groups.map((g) => [g.value, g.isOther, g.matured, g.advanced])).toEqual([
      ['smb', false, 14, 5],
      [null, true, 10, 10],
    ]);
    // big-company and pricing-page tie at 20 matured: big-company is kept; other = pricing-page or
    // webinar, which A and B both got: 22 entered, 20 matured, 12 advanced — not 22 + 12.
    const rules = attribute(capped, 0, 'scoring-rule');
    expect(rules.groups.map((g) => [g.value, g.isOther, g.entered, g.matured, g.advanced])).toEqual([
      ['big-company', false, 22, 20, 12],
      [null, true, 22, 20, 12],
    ]);
    const text = await runRevops([...base, '--max-groups', '1']);
    expect(text.stdout).toContain('other (2 values)');
    expect(text.stdout).toContain('the 1 with the most matured items are shown, the other 2 summed as "other"');
  });

  it('refuses a stage the funnel does not have, and bad numbers', async () => {
    const stage = await runRevops([...base, '--stage', 'nope']);
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain('--stage nope: no such stage; the funnel has: lead, mql, sal, sql.');
    const groups = await runRevops([...base, '--max-groups', '0']);
    expect(groups.code).toBe(2);
    expect(groups.stderr).toContain('--max-groups 0 is not a whole number from 1 to 100.');
  });

  it('looks at another stage with --stage', async () => {
    const run = await runRevops([...base, '--stage', 'sal', '--format', 'json']);
    const sal = JSON.parse(run.stdout) as InsightsReport;
    expect(sal.constraint).toMatchObject({ stage: 'sal', source: 'option' });
    // SAL → SQL, then SQL is the last stage: it converts to nothing, so one stage only.
    expect(sal.stages.map((s) => s.stage)).toEqual(['sal']);
  });

  it('says so when the stage converts to no later one', async () => {
    const json = await runRevops([...base, '--stage', 'sql', '--format', 'json']);
    const sql = JSON.parse(json.stdout) as InsightsReport;
    expectValidInsightsReport(sql);
    expect(sql).toMatchObject({ unknown: 'no-next-stage', stages: [], suggestions: [] });
    const text = await runRevops([...base, '--stage', 'sql']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Stage sql has no later stage to convert to. Pick another with --stage.');
  });
});
