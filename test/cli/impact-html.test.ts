import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { MARKERS } from '../helpers/html-figure-rules.js';
import {
  allElements,
  attributeNames,
  attributeOf,
  describeElement,
  parseHtmlPage,
  textNodesOf,
  textOf,
} from '../helpers/html-tree.js';
import type { HtmlElement } from '../helpers/html-tree.js';
import { resolveJsonPath } from '../helpers/json-path.js';
import { useTempDirs } from '../helpers/paths.js';

const change = ['impact', '--base-dir', 'policies', '--head-dir', 'examples/proposed-change/policies'];

/** The bundled change's impact as HTML and as JSON, from the same command line. */
async function renderBoth(dir: string, extra: string[] = []): Promise<{ html: string; report: ImpactReport }> {
  const html = join(dir, 'impact.html');
  const json = join(dir, 'impact.json');
  const a = await runRevops([...change, ...extra, '--format', 'html', '-o', html]);
  const b = await runRevops([...change, ...extra, '--format', 'json', '-o', json]);
  expect([a.code, b.code, a.stderr]).toEqual([0, 0, expect.stringContaining('wrote the html impact report')]);
  return { html: readFileSync(html, 'utf8'), report: JSON.parse(readFileSync(json, 'utf8')) as ImpactReport };
}

describe('revops impact --format html', () => {
  const tempDir = useTempDirs();

  it('writes one page whose every figure is the JSON report value at its path', async () => {
    const { html, report } = await renderBoth(tempDir());
    const figures = allElements(parseHtmlPage(html)).filter((e) => (attributeOf(e, 'data-path') ?? '') !== '');
    expect(figures.length).toBeGreaterThan(150);
    const wrong = figures.filter((f) => {
      const resolved = resolveJsonPath(report, attributeOf(f, 'data-path') ?? '');
      // A path that leads nowhere is wrong (listed with the others).
      if (!resolved.found) return true;
      const value = resolved.value;
      const shown = attributeOf(f, 'data-value');
      if (value === null) return shown !== '' || !textOf(f).startsWith('—');
      return typeof value === 'number' ? Number(shown) !== value : shown !== value;
    });
    expect(wrong.map((f) => `${attributeOf(f, 'data-path')}=${attributeOf(f, 'data-value')}`)).toEqual([]);
    // The figures a CFO reads first, by path: won revenue given the constraint, its range, cost, pay.
    const byPath = new Map(figures.map((f) => [attributeOf(f, 'data-path'), textOf(f)]));
    expect(byPath.get('projection.wonRevenue.delta')).toBe('−22,418.06');
    expect(byPath.get('projection.wonRevenue.deltaHigh')).toBe('+203,278.92');
    expect(byPath.get('projection.payouts.totals[0].delta')).toBe('−99,722.47');
    expect(byPath.get('comp.total[0].deltaPct')).toBe('−3.5 %');
    expect(byPath.get('constraint.utilisation.head')).toBe('1.02');
    expect(byPath.get('comp.byPlan[2].head')).toBe('17,777.07');
    // Why: the head's extra MQLs queue at mql, over its capacity of 75 a week.
    expect(byPath.get('projection.stages[0].queueGrowthPerWeek.head')).toBe('1.80');
    expect(byPath.get('projection.stages[0].undeliveredRevenuePerWeek')).toBe('570.55');
    // The per-period series, base vs head: arrivals at the constraint and SLA compliance per week.
    expect(byPath.get('periods.constraint.capacityPerWeek.base')).toBe('75');
    const weeks = report.periods?.constraint.arrivals ?? [];
    expect(weeks.length).toBeGreaterThan(10);
    expect(weeks.some((w) => w.delta !== null && w.delta > 0)).toBe(true);
    expect(byPath.get('periods.constraint.arrivals[2].head')).toBe(String(weeks[2]?.head));
    expect([...byPath.keys()].filter((p) => p?.startsWith('periods.slas[1].compliance[')).length).toBe(
      (report.periods?.slas[1]?.compliance.length ?? 0) * 2,
    );
  });

  it('says in the headline what the change does to won revenue, what it costs and whose approval the merge needs', async () => {
    const { html } = await renderBoth(tempDir());
    const headlineElement = allElements(parseHtmlPage(html)).find((e) => attributeOf(e, 'aria-label') === 'Headline');
    const headline = headlineElement === undefined ? '' : textOf(headlineElement);
    expect(headline).toContain('minScore 65 → 60');
    expect(headline).toMatch(
      /Won revenue to the goal period's end, given the constraint at mql: 955,249\.39 → 932,831\.33 USD \(−22,418\.06; range −22,418\.06 to \+203,278\.92\)/,
    );
    expect(headline).toMatch(/projected payouts 318,674\.44 → 218,951\.97 USD/);
    expect(headline).toContain('stays at mql: utilisation 0.87 → 1.02 — over capacity (declared target ≤ 0.85)');
    expect(headline).toContain(
      'Approval required before merging, from vp-sales (constraint-overload); any one of vp-sales or head-of-sdr (sla-compliance-drop).',
    );
  });

  it('keeps every digit of its own text inside a figure, a label or an axis tick, and runs no script', async () => {
    const { html } = await renderBoth(tempDir());
    const doc = parseHtmlPage(html);
    const within = (ancestors: HtmlElement[], tags: string[]): boolean =>
      ancestors.some((a) => tags.includes(a.tagName));
    // The impact page's own text a reader sees; the chart drawings and their tables are chart.ts's (and its tests').
    const own = textNodesOf(doc).filter(
      (t) => /\d/.test(t.text) && !within(t.ancestors, ['style', 'head']) && !within(t.ancestors, ['figure']),
    );
    expect(own.length).toBeGreaterThan(100);
    const isTagged = (a: HtmlElement): boolean => MARKERS.some((m) => attributeOf(a, m) !== undefined);
    expect(own.filter((t) => !t.ancestors.some(isTagged)).map((t) => t.text)).toEqual([]);
    const elements = allElements(doc);
    expect(elements.filter((e) => e.tagName === 'script').map(describeElement)).toEqual([]);
    expect(elements.flatMap(attributeNames).filter((a) => a.startsWith('on'))).toEqual([]);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
  });

  it('writes the page to stdout without -o, and masks people with --mask', async () => {
    const out = await runRevops([...change, '--format', 'html']);
    expect(out.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(out.stdout).toContain('Jordan Blake');
    const { html, report } = await renderBoth(tempDir(), ['--mask']);
    expect(report.isMasked).toBe(true);
    expect(html).not.toContain('Jordan Blake');
    expect(html).not.toContain('U007');
    expect(html).toContain(report.comp.byPerson[0]?.personId ?? 'none');
    expect(html).toContain('people and leads masked');
  });
});
