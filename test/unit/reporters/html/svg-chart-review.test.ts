import { describe, expect, it } from 'vitest';
import { renderChart } from '../../../../src/reporters/html/chart.js';
import { PAGE_STYLE } from '../../../../src/reporters/html/page-style.js';
import { renderBarSvg } from '../../../../src/reporters/html/svg-bar-chart.js';
import { renderLineSvg } from '../../../../src/reporters/html/svg-line-chart.js';
import { estimateTextWidth } from '../../../../src/reporters/html/svg-scale.js';
import { complianceSpec, series, utilisationSpec, weeklySpec } from './chart-fixtures.js';
import {
  allElements,
  attributeOf,
  hasClass,
  numberAttributeOf,
  parseHtmlFragment,
  selectElements,
  textOf,
  type HtmlElement,
} from '../../../helpers/html-tree.js';

/** The top of the plot of an upright chart: the highest grid or axis line. */
function plotTopOf(root: ReturnType<typeof parseHtmlFragment>): number {
  const lines = allElements(root).filter((e) => e.tagName === 'line' && (hasClass(e, 'grid') || hasClass(e, 'axis')));
  return Math.min(...lines.map((l) => numberAttributeOf(l, 'y1')));
}

describe('chart review fixes', () => {
  it('labels the references of vertical bars above the plot, never over the bars', () => {
    const chart = parseHtmlFragment(renderBarSvg(weeklySpec()));
    const labels = selectElements(chart, 'text', 'ref-label');
    expect(labels).toHaveLength(1);
    expect(textOf(labels[0] as HtmlElement)).toContain('capacity');
    for (const label of labels) expect(numberAttributeOf(label, 'y')).toBeLessThan(plotTopOf(chart));
  });

  it('labels the bars of two series none at all, not some of them', () => {
    const spec = weeklySpec({
      series: [series('base', 'base', 'base.w', [10, 40, 100, 7]), series('head', 'head', 'head.w', [10, 42, 140, 8])],
      categories: ['w1', 'w2', 'w3', 'w4'],
    });
    const chart = parseHtmlFragment(renderBarSvg(spec));
    expect(selectElements(chart, 'rect', 'bar')).toHaveLength(8);
    expect(selectElements(chart, 'text', 'value')).toHaveLength(0);
  });

  it('labels the bars of one series all or none: a figure too wide for its bar drops every label', () => {
    const weeks = Array.from({ length: 26 }, (_, i) => `w${i}`);
    const spec = weeklySpec({
      categories: weeks,
      series: [
        series(
          'arrivals',
          'current',
          'w',
          weeks.map((_, i) => (i === 3 ? 123456 : 4)),
        ),
      ],
    });
    const chart = parseHtmlFragment(renderBarSvg(spec));
    expect(selectElements(chart, 'text', 'value')).toHaveLength(0);
    const narrow = parseHtmlFragment(renderBarSvg(weeklySpec()));
    const known = selectElements(narrow, 'text', 'value').filter((v) => attributeOf(v, 'data-value') !== '');
    expect(known).toHaveLength(12);
  });

  it('keeps a bold marked name inside the drawing', () => {
    const spec = utilisationSpec({
      categories: ['Lead', 'Marketing qualified', 'Sales accepted', 'won'],
      highlight: { category: 'Marketing qualified', label: 'constraint' },
    });
    const chart = parseHtmlFragment(renderBarSvg(spec));
    const marked = selectElements(chart, 'text', 'marked')[0] as HtmlElement;
    const width = estimateTextWidth(textOf(marked), 12) * 1.1;
    expect(numberAttributeOf(marked, 'x') - width).toBeGreaterThanOrEqual(0);
  });

  it('draws the reference lines of horizontal bars under the rows, so a figure stays on top', () => {
    const svg = renderBarSvg(utilisationSpec());
    expect(svg.indexOf('<line class="ref ')).toBeGreaterThan(0);
    expect(svg.indexOf('<line class="ref ')).toBeLessThan(svg.indexOf('class="category-row"'));
  });

  it('marks a period with no value below the axis, apart from the data, keeping its reason', () => {
    const chart = parseHtmlFragment(renderLineSvg(complianceSpec()));
    const axis = allElements(chart).find((e) => e.tagName === 'line' && hasClass(e, 'axis')) as HtmlElement;
    const unknown = selectElements(chart, 'text', 'unknown');
    expect(unknown).toHaveLength(1);
    expect(numberAttributeOf(unknown[0] as HtmlElement, 'y')).toBeGreaterThan(numberAttributeOf(axis, 'y1') + 16);
    expect(attributeOf(unknown[0] as HtmlElement, 'data-path')).toBe('sla.slas[0].periods[2]');
    expect(selectElements(chart, 'rect', 'gap')).toHaveLength(1);
    const svg = allElements(chart)[0] as HtmlElement;
    const height = Number((attributeOf(svg, 'viewBox') ?? attributeOf(svg, 'viewbox') ?? '').split(' ')[3]);
    expect(numberAttributeOf(unknown[0] as HtmlElement, 'y')).toBeLessThanOrEqual(height);
  });
});

describe('charts on a phone', () => {
  it('puts each drawing in a box that scrolls, kept 480 px wide below 600 px so its text stays ≥ 10 px', () => {
    const html = renderChart(utilisationSpec());
    expect(html).toMatch(/<div class="chart-scroll"><svg [^>]*class="chart-svg/u);
    const media = /@media \(max-width: 599\.98px\) \{([^}]*\}[^}]*\})/u.exec(PAGE_STYLE)?.[1] ?? '';
    expect(media).toMatch(/\.chart-scroll \{ overflow-x: auto; \}/u);
    expect(media).toMatch(/svg\.chart-svg \{ min-width: 480px; \}/u);
  });
});

describe('vertical bars and their reference', () => {
  it('writes the bar figures after the reference line, so the line never runs through one', () => {
    const svg = renderBarSvg(weeklySpec());
    const line = svg.indexOf('<line class="ref ');
    expect(line).toBeGreaterThan(0);
    expect(svg.indexOf('<text class="value" ')).toBeGreaterThan(line);
  });
});
