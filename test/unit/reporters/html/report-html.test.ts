import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadData, loadPolicies } from '../../../../src/index.js';
import type { Report } from '../../../../src/index.js';
import { renderReportHtml } from '../../../../src/reporters/html/report-html.js';
import { examplePolicies, repoRoot } from '../../../helpers/paths.js';
import { allElements, attributeOf, parseHtmlPage, textNodesOf, textOf } from '../../../helpers/html-tree.js';
import { resolveJsonPath } from '../../../helpers/json-path.js';
import type { HtmlElement, HtmlNode } from '../../../helpers/html-tree.js';

/** The JSON report as `--format json` writes it (what every figure's path points into). */
const asJson = (report: Report): unknown => JSON.parse(JSON.stringify(report));

const byId = (doc: HtmlNode, id: string): HtmlElement => {
  const found = allElements(doc).filter((el) => attributeOf(el, 'id') === id)[0];
  expect(found, `#${id}`).toBeDefined();
  return found!;
};
const pathsIn = (node: HtmlNode): string[] =>
  allElements(node)
    .filter((el) => attributeOf(el, 'data-path') !== undefined)
    .map((el) => attributeOf(el, 'data-path')!);

describe('evaluate --format html on the bundled example', () => {
  let report: Report;
  let html: string;
  let doc: ReturnType<typeof parseHtmlPage>;

  beforeAll(async () => {
    const policies = await loadPolicies(examplePolicies);
    const data = await loadData(join(repoRoot, 'examples', 'data'));
    report = evaluate(policies, data);
    html = renderReportHtml(report);
    doc = parseHtmlPage(html);
  });

  it('orders the sections as a revenue leader reads them', () => {
    const ids = allElements(doc)
      .filter((el) => el.tagName === 'section')
      .map((el) => attributeOf(el, 'id'));
    expect(ids).toEqual(['goal', 'funnel', 'payout', 'sla', 'cac', 'attribution', 'history', 'data', 'warnings']);
  });

  it('gives every tagged figure the JSON value at its path', () => {
    const json = asJson(report);
    const tagged = allElements(doc).filter((el) => attributeOf(el, 'data-path') !== undefined);
    expect(tagged.length).toBeGreaterThan(300);
    for (const el of tagged) {
      const path = attributeOf(el, 'data-path')!;
      // A path that leaves the report fails with where it left it.
      const resolved = resolveJsonPath(json, path);
      expect(resolved, path).toMatchObject({ found: true });
      const value = resolved.found ? resolved.value : undefined;
      expect(value, path).not.toBeUndefined();
      expect(attributeOf(el, 'data-value'), path).toBe(value === null ? '' : String(value));
    }
  });

  it('puts every digit of its own sections in a figure, a label or a tick', () => {
    // The charts' drawings and tables belong to chart.ts (the charts stream checks them).
    const body = allElements(doc).filter((el) => el.tagName === 'body')[0]!;
    const stray = textNodesOf(body)
      .filter(({ text }) => /\d/.test(text))
      .filter(({ ancestors }) => !ancestors.some((a) => a.tagName === 'figure'))
      .filter(
        ({ ancestors }) =>
          !ancestors.some((a) => ['data-path', 'data-label', 'data-tick'].some((n) => attributeOf(a, n) !== undefined)),
      )
      .map(({ text, ancestors }) => `${ancestors.at(-1)?.tagName}: ${text}`);
    expect(stray).toEqual([]);
  });

  it('leads the headline with the constraint, its utilisation and whether the policy agrees', () => {
    const headline = allElements(doc).filter((el) => attributeOf(el, 'class') === 'headline')[0]!;
    const paragraphs = allElements(headline)
      .filter((el) => el.tagName === 'p')
      .map(textOf);
    const mql = report.constraint!.stages.findIndex((s) => s.stage === 'mql');
    expect(paragraphs[0]).toMatch(/^Constraint: Marketing qualified — utilisation 0\.87: 65\.2 arrivals a week/);
    expect(pathsIn(headline)).toContain(`constraint.stages[${mql}].utilisation`);
    expect(paragraphs[1]).toContain('at most 0.85: 0.87, target missed. The data agrees.');
    expect(paragraphs.some((p) => p.startsWith('Goal: 174,890.00 USD of 1,800,000.00 USD (9.7 %)'))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('Payout: 39,009.47 USD across the plans'))).toBe(true);
  });

  it('draws the funnel as a flow, in stage order, with the constraint marked in words', () => {
    const boxes = allElements(doc).filter(
      (el) => el.tagName === 'li' && allElements(el).filter((x) => attributeOf(x, 'class') === 'stage-name').length > 0,
    );
    expect(
      boxes.map((b) => textOf(allElements(b).filter((x) => attributeOf(x, 'class') === 'stage-name')[0]!)),
    ).toEqual(report.funnel!.stages.map((s) => s.name));
    const marked = boxes.filter((b) => attributeOf(b, 'class') === 'constraint');
    expect(marked).toHaveLength(1);
    expect(textOf(marked[0]!)).toMatch(/^Marketing qualifiedconstraintarrivals838/);
    expect(pathsIn(boxes[0]!)).toEqual([
      'funnel.stages[0].arrivals',
      'funnel.stages[0].conversionCohort',
      'funnel.stages[0].timeInStageHours.median',
    ]);
  });

  it('charts utilisation per stage with the 1.0 limit and the declared target', () => {
    const chart = byId(doc, 'chart-utilisation');
    const paths = pathsIn(chart);
    report.constraint!.stages.forEach((_, i) => expect(paths).toContain(`constraint.stages[${i}].utilisation`));
    expect(paths).toContain('constraint.declared.target.max');
    const limit = allElements(chart).filter(
      (el) => attributeOf(el, 'data-value') === '1' && attributeOf(el, 'data-path') === undefined,
    );
    expect(limit.length).toBeGreaterThan(0);
  });

  it('charts every week of arrivals at the constraint against its capacity', () => {
    const chart = byId(doc, 'chart-weekly');
    const k = report.funnel!.stages.findIndex((s) => s.id === report.constraint!.stage);
    const j = report.constraint!.stages.findIndex((s) => s.stage === report.constraint!.stage);
    // Each figure once, whether the drawing writes it or only the table beside it.
    expect([...new Set(pathsIn(chart))].sort()).toEqual(
      [
        ...report.funnel!.stages[k]!.periods.map((_, i) => `funnel.stages[${k}].periods[${i}].arrivals`),
        `constraint.stages[${j}].capacityPerWeek`,
      ].sort(),
    );
  });

  it('charts SLA compliance per week, one line per SLA, with each target', () => {
    const chart = byId(doc, 'chart-sla');
    const paths = pathsIn(chart);
    report.slas.forEach((sla, s) => {
      sla.byWeek.forEach((_, i) => expect(paths).toContain(`slas[${s}].byWeek[${i}].compliance`));
      expect(paths).toContain(`slas[${s}].complianceTarget`);
    });
  });

  it('shows payout per plan and per component, the parts of each plan adding up to its total', () => {
    const plans = [...new Set(pathsIn(byId(doc, 'chart-payout-plans-0')))];
    expect(plans).toEqual(report.comp!.totals.byPlan.map((_, i) => `comp.totals.byPlan[${i}].total`));
    report.comp!.plans.forEach((plan, p) => {
      const chart = byId(doc, `chart-payout-parts-${p}`);
      expect([...new Set(pathsIn(chart))]).toEqual(
        plan.totals.parts.map((_, k) => `comp.plans[${p}].totals.parts[${k}].total`),
      );
      const sum = plan.totals.parts.reduce((cents, part) => cents + Math.round(Number(part.total) * 100), 0);
      expect(sum).toBe(Math.round(Number(plan.totals.total) * 100));
    });
  });

  it('is self-contained: no script, no URL, nothing fetched', () => {
    expect(allElements(doc).filter((el) => el.tagName === 'script')).toEqual([]);
    expect(
      allElements(doc).filter((el) => el.attrs.some((a) => ['href', 'src', 'xlink:href'].includes(a.name))),
    ).toEqual([]);
    // The SVG namespace is a name, not a link: nothing else may look like a URL.
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:\/\//);
  });
});
