import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadData, loadPolicies } from '../../../../src/index.js';
import type { Report } from '../../../../src/index.js';
import { renderReportHtml } from '../../../../src/reporters/html/report-html.js';
import { examplePolicies, repoRoot } from '../../../helpers/paths.js';
import { allElements, attributeOf, parseHtmlPage, textOf } from '../../../helpers/html-tree.js';
import type { HtmlNode } from '../../../helpers/html-tree.js';

const figuresAt = (doc: HtmlNode, path: string) =>
  allElements(doc).filter((el) => attributeOf(el, 'data-path') === path);

describe('evaluate --format html: unknown figures, partial runs and hostile names', () => {
  let example: Report;
  beforeAll(async () => {
    const policies = await loadPolicies(examplePolicies);
    example = evaluate(policies, await loadData(join(repoRoot, 'examples', 'data')));
  });

  it('shows an unknown figure as — with its reason, never as 0', () => {
    const r = structuredClone(example);
    Object.assign(r.goal!, { actual: null, attainment: null, attainmentExact: null, unknown: 'no-amounts' });
    const mql = r.constraint!.stages.findIndex((s) => s.stage === 'mql');
    Object.assign(r.constraint!.stages[mql]!, { utilisation: null, capacityPerWeek: null, capacityBasis: 'none' });
    r.slas[0]!.byWeek[0]!.compliance = null;
    const doc = parseHtmlPage(renderReportHtml(r));
    for (const path of ['goal.actual', 'goal.attainment']) {
      const shown = figuresAt(doc, path);
      expect(shown.length, path).toBeGreaterThan(0);
      for (const el of shown) {
        expect(attributeOf(el, 'data-value')).toBe('');
        expect(textOf(el)).toBe('— (no won deal carries an amount)');
      }
    }
    const utilisation = figuresAt(doc, `constraint.stages[${mql}].utilisation`);
    expect(utilisation.map(textOf)).toContain('— (no capacity)');
    // The drawing marks the gap with a bare —; the table beside it gives the reason.
    const gap = figuresAt(doc, 'slas[0].byWeek[0].compliance').map(textOf);
    expect(gap.every((text) => text.startsWith('—'))).toBe(true);
    expect(gap).toContain('— (no item decided)');
    // A CAC with no customer in the span (the events source of the example).
    expect(figuresAt(doc, 'cac.bySource[0].cac.value').map(textOf)).toEqual(['— (none won)']);
  });

  it('puts a partial run first, before the constraint', () => {
    const r = structuredClone(example);
    r.data.missing = [{ entity: 'opportunities', file: null, reason: 'Nothing won can be counted.' }];
    const doc = parseHtmlPage(renderReportHtml(r));
    const headline = allElements(doc).filter((el) => attributeOf(el, 'class') === 'headline')[0]!;
    const first = allElements(headline).filter((el) => el.tagName === 'p')[0]!;
    expect(textOf(first)).toBe(
      'Partial run. Partial data — these figures leave out opportunities (no file: Nothing won can be counted).',
    );
  });

  it('says how to get weekly arrivals when the periods are months instead of drawing months against a weekly capacity', () => {
    const r = structuredClone(example);
    r.funnel!.periodUnit = 'month';
    const html = renderReportHtml(r);
    expect(html).not.toContain('id="chart-weekly"');
    expect(html).toContain('<code>--period week</code>');
  });

  it('escapes hostile names everywhere they appear: no element, handler, link or bidi override gets through', () => {
    const r = structuredClone(example);
    const script = '<script>alert(1)</script>';
    const handler = '" onmouseover="x';
    const img = '<img src=x onerror=y>';
    const link = 'javascript:alert(1)';
    r.funnel!.stages[1]!.name = script;
    r.comp!.plans[0]!.name = handler;
    r.comp!.totals.byPlan[0]!.plan = handler;
    r.comp!.plans[0]!.people[0]!.name = img;
    r.slas[0]!.name = `${link}\u202Egnp.exe`;
    r.data.files[0]!.file = `${img}.csv`;
    r.goal!.name = `\u200B${script}`;
    const html = renderReportHtml(r);
    const doc = parseHtmlPage(html);
    expect(allElements(doc).filter((el) => el.tagName === 'script' || el.tagName === 'img')).toEqual([]);
    expect(allElements(doc).filter((el) => el.attrs.some((a) => a.name.startsWith('on')))).toEqual([]);
    expect(allElements(doc).filter((el) => el.attrs.some((a) => /javascript:/i.test(a.value)))).toEqual([]);
    expect(html).not.toMatch(/[\u202E\u200B]/);
    const text = textOf(doc);
    for (const name of [script, handler, `${img}.csv`, `${link}<U+202E>gnp.exe`]) expect(text).toContain(name);
  });
});
