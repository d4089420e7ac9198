import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../../../src/core/report/impact.js';
import {
  arrivalsChart,
  componentChart,
  constraintWeeksChart,
  goalChart,
  payoutChart,
  slaWeeksCharts,
  utilisationChart,
} from '../../../../src/reporters/html/impact-html-charts.js';
import { renderImpactHtml } from '../../../../src/reporters/html/impact-html.js';
import { renderBarSvg } from '../../../../src/reporters/html/svg-bar-chart.js';
import {
  allElements,
  attributeNames,
  attributeOf,
  describeElement,
  parseHtmlFragment,
  parseHtmlPage,
  selectElements,
  textOf,
} from '../../../helpers/html-tree.js';
import { repoRoot } from '../../../helpers/paths.js';

/** A schema-valid impact report (two approvals needed: 2 of cfo, vp-finance or vp-sales). */
function loadReport(): ImpactReport {
  const file = join(repoRoot, 'test', 'fixtures', 'github', 'impact-two-approvals.json');
  return JSON.parse(readFileSync(file, 'utf8')) as ImpactReport;
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '" onmouseover="x',
  '<img src=x onerror=y>',
  'javascript:alert(1)',
  'evil\u202Egnp.exe',
  'zero\u200Bwidth',
];

/** The report with every name a pull request's tree controls replaced by an attack string. */
function hostileReport(): ImpactReport {
  const r = loadReport();
  const name = (i: number) => HOSTILE[i % HOSTILE.length] ?? '';
  r.head.ref = name(0);
  r.stages.forEach((s, i) => (s.stage = name(i)));
  r.constraint.stage = { base: name(1), head: name(1), delta: null };
  r.policyChanges.forEach((c) => {
    c.name = name(0);
    c.file = name(2);
    c.changes.forEach((x) => (x.after = name(3)));
  });
  r.comp.byPlan.forEach((p, i) => (p.plan = name(i + 2)));
  r.comp.plans.forEach((p, i) => (p.plan = name(i + 3)));
  r.comp.byPerson.forEach((p) => (p.name = name(4)));
  r.slas.forEach((s) => (s.name = name(5)));
  r.guardrails.forEach((g) => {
    g.id = name(0);
    g.description = name(2);
    g.approvers.users = [name(1), name(3)];
  });
  r.data.files.forEach((f) => (f.file = name(4)));
  r.data.missing = [{ entity: 'leads', file: name(2), reason: name(0) }];
  r.periods = {
    constraint: {
      stage: name(1),
      periodUnit: 'week',
      capacityPerWeek: { base: 75, head: 75, delta: 0 },
      arrivals: [{ period: name(2), base: 70, head: 82, delta: 12 }],
    },
    slas: [{ name: name(0), compliance: [{ period: name(3), base: 0.5, head: 0.4, delta: -0.1 }] }],
  };
  return r;
}

describe('renderImpactHtml', () => {
  it('puts hostile names on the page as text only: no script, no handler, no link, no raw bidi or zero-width character', () => {
    const html = renderImpactHtml(hostileReport());
    const elements = allElements(parseHtmlPage(html));
    expect(elements.filter((e) => e.tagName === 'script' || e.tagName === 'img').map(describeElement)).toEqual([]);
    expect(elements.flatMap(attributeNames).filter((a) => a.startsWith('on'))).toEqual([]);
    const links = elements.filter((e) => ['href', 'src', 'xlink:href'].some((a) => attributeOf(e, a) !== undefined));
    expect(links.map(describeElement)).toEqual([]);
    expect(html).not.toMatch(/[\u202E\u200B]/);
    const main = elements.find((e) => e.tagName === 'main');
    const text = main === undefined ? '' : textOf(main);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=y>');
    expect(text).toContain('" onmouseover="x');
    expect(text).toContain('Partial data');
  });

  it('shows a figure that cannot be computed as — with its reason, never 0', () => {
    const r = loadReport();
    r.projection.wonRevenue = {
      ...r.projection.wonRevenue,
      base: null,
      head: null,
      delta: null,
      headLow: null,
      headHigh: null,
      deltaLow: null,
      deltaHigh: null,
      unknown: 'no-deal-amounts',
    };
    const elements = allElements(parseHtmlPage(renderImpactHtml(r)));
    const delta = elements.find((e) => attributeOf(e, 'data-path') === 'projection.wonRevenue.delta');
    expect(delta && attributeOf(delta, 'data-value')).toBe('');
    expect(delta && textOf(delta)).toBe('— (no won deal carries an amount)');
  });

  it('charts pay per plan component base vs head, leaving out parts that pay nothing on either side', () => {
    const r = loadReport();
    const elements = allElements(parseHtmlPage(renderImpactHtml(r)));
    const chart = elements.find((e) => e.tagName === 'figure' && attributeOf(e, 'id') === 'impact-payout-components');
    const paying = r.comp.plans.flatMap((p) =>
      p.parts.filter((x) => Number(x.payout.base) !== 0 || Number(x.payout.head) !== 0).map(() => p.plan),
    );
    expect(paying.length).toBeGreaterThan(0);
    expect(chart && textOf(chart)).toContain(paying[0]);
    const silent = r.comp.plans.find((p) =>
      p.parts.every((x) => Number(x.payout.base) === 0 && Number(x.payout.head) === 0),
    );
    expect(silent).toBeDefined();
    expect(chart && textOf(chart)).not.toContain(silent?.plan);
  });

  it('writes every tick of every chart exactly: its text is its value at the digits shown', () => {
    const r = loadReport();
    const specs = [
      utilisationChart(r),
      arrivalsChart(r),
      constraintWeeksChart(r),
      ...slaWeeksCharts(r),
      payoutChart(r),
      componentChart(r),
      goalChart(r),
    ].filter((s) => s !== null);
    expect(specs.length).toBeGreaterThanOrEqual(5);
    // Ticks an axis of 1, 2 or 5 × 10ⁿ steps can have, small and large.
    const ticks = [0, 0.05, 0.1, 0.2, 0.5, 0.75, 1, 1.5, 2.5, 7.5, 12.5, 20, 5000, -0.5];
    for (const spec of specs) {
      for (const tick of ticks) {
        const text = spec.formatTick(tick);
        const percent = text.endsWith(' %');
        const shown = Number(text.replace(' %', '').replaceAll(',', '').replace('\u2212', '-'));
        expect(shown, `${spec.id}: ${tick} written ${text}`).toBeCloseTo(percent ? tick * 100 : tick, 9);
      }
    }
  });

  it('names each component bar by its part first, so the labels under the cut stay distinct', () => {
    const spec = componentChart(loadReport());
    expect(spec).not.toBeNull();
    expect(spec?.categories).toContain('new-business (ae-new-business)');
    expect(spec?.categories).toContain('team multipliers (sdr-pipeline)');
    expect(spec?.axisLabel).toBe('payout (USD)');
    const shown = selectElements(parseHtmlFragment(renderBarSvg(spec!)), 'text', 'category').map(textOf);
    expect(shown).toHaveLength(spec!.categories.length);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('says once that a stage has no capacity on either side, and no change beside it', () => {
    const r = loadReport();
    expect(r.stages[0]?.utilisation).toEqual({ base: null, head: null, delta: null });
    const elements = allElements(parseHtmlPage(renderImpactHtml(r)));
    const row = elements.find(
      (e) => e.tagName === 'tr' && textOf(e).startsWith(`${r.stages[0]?.stage ?? ''}`) && textOf(e).includes('%'),
    );
    expect(row && textOf(row).match(/no capacity declared/g)?.length).toBe(1);
    expect(row && textOf(row)).not.toContain('one side has no figure');
  });

  it('says how many approvals a guardrail needs, and from whom', () => {
    const elements = allElements(parseHtmlPage(renderImpactHtml(loadReport())));
    const headlineElement = elements.find((e) => attributeOf(e, 'aria-label') === 'Headline');
    const headline = headlineElement === undefined ? '' : textOf(headlineElement);
    expect(headline).toContain(
      'Approval required before merging, from 2 of cfo, vp-finance or vp-sales (payout-cost).',
    );
    const count = elements.find((e) => attributeOf(e, 'data-path') === 'guardrails[0].approvers.minApprovals');
    expect(count && attributeOf(count, 'data-value')).toBe('2');
  });

  it('draws base vs head per week only from the report: no per-week chart for a report without the series', () => {
    const r = loadReport();
    expect(r.periods).toBeUndefined();
    const without = renderImpactHtml(r);
    expect(without).not.toContain('id="constraint-weeks"');
    r.periods = {
      constraint: {
        stage: 'mql',
        periodUnit: 'week',
        capacityPerWeek: { base: 75, head: 80, delta: 5 },
        arrivals: [{ period: '2026-W01', base: 70, head: 82, delta: 12 }],
      },
      slas: [{ name: 'speed-to-lead', compliance: [{ period: '2026-W01', base: 0.5, head: null, delta: null }] }],
    };
    const elements = allElements(parseHtmlPage(renderImpactHtml(r)));
    const byPath = new Map(elements.map((e) => [attributeOf(e, 'data-path'), textOf(e)]));
    expect(byPath.get('periods.constraint.arrivals[0].head')).toBe('82');
    // Two capacities, one line each; the head's differs from the base's.
    expect(byPath.get('periods.constraint.capacityPerWeek.base')).toBe('75');
    expect(byPath.get('periods.constraint.capacityPerWeek.head')).toBe('80');
    expect(byPath.get('periods.slas[0].compliance[0].base')).toBe('50.0 %');
    expect(byPath.get('periods.slas[0].compliance[0].head')).toMatch(/^—/);
  });
});
