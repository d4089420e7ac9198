import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { expectHtmlFigures } from '../helpers/html-figures.js';
import { runRevops } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/paths.js';

const change = ['impact', '--base-dir', 'policies', '--head-dir', 'examples/proposed-change/policies'];

/** The bundled change's impact as HTML and JSON, from the same command line. */
async function renderBoth(dir: string, extra: string[] = []): Promise<{ html: string; report: ImpactReport }> {
  const html = join(dir, 'impact.html');
  const json = join(dir, 'impact.json');
  const a = await runRevops([...change, ...extra, '--format', 'html', '-o', html]);
  const b = await runRevops([...change, ...extra, '--format', 'json', '-o', json]);
  expect([a.code, b.code]).toEqual([0, 0]);
  return { html: readFileSync(html, 'utf8'), report: JSON.parse(readFileSync(json, 'utf8')) as ImpactReport };
}

/** Markup to text: tags become spaces, entities decoded, white space collapsed. */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .replace(/ ([).,;:])/g, '$1')
    .replace(/\( /g, '(')
    .trim();
}

/** Each table row of the page as text. */
function rowsOf(html: string): string[] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => plain(m[1] ?? ''));
}

describe('revops impact --format html: what a CFO must not misread', () => {
  const tempDir = useTempDirs();

  it('explains the headline: the conservative floor, the flow forecast, why pay drops, the SLA whose queue grows', async () => {
    const { html, report } = await renderBoth(tempDir());
    expectHtmlFigures(html, report);
    const headline = plain(html);
    expect(headline).toContain(
      'weeks left (the 149 leads it adds taken at the conservative floor at opportunity: too little history there, see the assumptions).',
    );
    expect(headline).toContain('Goal forecast (flow projection) 62.8 % → 61.5 % of target');
    // The −99,722.47 of projected pay: its largest part and why, as the terminal says it.
    expect(headline).toMatch(
      /projected payouts [^;]*−99,722\.47; range [^;]*\); largest change: ae-new-business · shared-goal \(goal_attainment\) −38,030\.49 \(gate shared-goal-floor fails under the head: goal_attainment 0\.7043 → 0\.6877, min 0\.7/,
    );
    expect(headline).toContain('SLA speed-to-lead: queue grows every week.');
    const stamp = plain(/<p class="stamp">(.*?)<\/p>/s.exec(html)?.[1] ?? '');
    expect(stamp).toContain(`policies ${report.base.policyHash.slice(0, 12)} → ${report.head.policyHash.slice(0, 12)}`);
  });

  it('gives each projected part of pay its row and why, and leaves no cell blank where — or ±0 is due', async () => {
    const { html } = await renderBoth(tempDir());
    const rows = rowsOf(html);
    const projected = rows.filter((t) => t.startsWith('marketing-revenue · shared-goal (goal_attainment)'));
    // The replayed table and the projected one each have the part; the projected one drops it to 0.00 for the gate.
    expect(
      projected.some((t) => /23,769\.09 0\.00 −23,769\.09 gate shared-goal-floor fails under the head/.test(t)),
    ).toBe(true);
    expect(rows.find((t) => t.startsWith('new customers won'))).toMatch(/^new customers won \d+ \d+ ±0$/);
    // The projection table: every stage says what it fails to deliver, or — and why.
    const section = /<section id="projection"(.*?)<\/section>/s.exec(html)?.[1] ?? '';
    const stages = rowsOf(section).slice(1);
    expect(stages.length).toBeGreaterThan(2);
    expect(stages.filter((t) => t.endsWith('570.55'))).toHaveLength(1);
    for (const s of stages.filter((t) => !t.endsWith('570.55')))
      expect(s).toMatch(/— \(nothing queues here, or not computed\)$/);
    expect(rows.find((t) => t.startsWith('payout-cost'))).toContain('−3.46 (replayed to as-of)');
    expect(rows.find((t) => t.startsWith('comp-change'))).toContain('no CompPlan changed');
  });

  it('names a masked person by the pseudonym once', async () => {
    const { html } = await renderBoth(tempDir(), ['--mask']);
    const people = rowsOf(html).filter((t) => /· person-/.test(t));
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) expect(p).not.toMatch(/(person-\S+) \1/);
  });
});
