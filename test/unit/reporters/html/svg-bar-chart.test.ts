import { describe, expect, it } from 'vitest';
import { buildLimitReference } from '../../../../src/reporters/html/chart-references.js';
import { renderBarSvg } from '../../../../src/reporters/html/svg-bar-chart.js';
import { fig, series, utilisationSpec, weeklySpec } from './chart-fixtures.js';
import { tickLine } from './chart-ticks.js';
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

describe('horizontal bar chart (stages, plans)', () => {
  const root = parseHtmlFragment(renderBarSvg(utilisationSpec()));
  const bars = selectElements(root, 'rect', 'bar');
  const zero = tickLine(root, '0.0', 'x');

  it('draws each known value as a bar from the 0 line, its length proportional to the value', () => {
    // base 0.5, 1, 0.25 (won unknown) and head 0.4, 1.5, 0.75, 0.1: seven bars, in category order
    expect(bars).toHaveLength(7);
    for (const bar of bars) expect(numberAttributeOf(bar, 'x')).toBeCloseTo(zero, 1);
    const unit = tickLine(root, '1.0', 'x') - zero;
    const widths = bars.map((b) => numberAttributeOf(b, 'width') / unit);
    expect(widths.map((w) => Number(w.toFixed(2)))).toEqual([0.5, 0.4, 1, 1.5, 0.25, 0.75, 0.1]);
  });

  it('starts the axis at 0 and writes its ticks as scale, not figures', () => {
    const ticks = selectElements(root, 'text', 'tick');
    expect(ticks.map(textOf)).toEqual(['0.0', '0.5', '1.0', '1.5']);
    for (const t of ticks) expect(attributeOf(t, 'data-tick')).toBe('');
  });

  it('writes each figure at its bar with its JSON path and value', () => {
    const values = selectElements(root, 'text', 'value');
    const known = values.filter((v) => attributeOf(v, 'data-value') !== '');
    expect(known.map((v) => [attributeOf(v, 'data-path'), attributeOf(v, 'data-value'), textOf(v)])).toContainEqual([
      'head.constraint.stages[1]',
      '1.5',
      '1.5',
    ]);
    const head15 = known.find((v) => attributeOf(v, 'data-path') === 'head.constraint.stages[1]') as HtmlElement;
    expect(numberAttributeOf(head15, 'x')).toBeGreaterThan(zero + 1.5 * (tickLine(root, '1.0', 'x') - zero));
  });

  it('shows an unknown value as — with its reason, never as a bar of 0', () => {
    const unknown = selectElements(root, 'text', 'unknown');
    expect(unknown).toHaveLength(1);
    const [cell] = unknown as [HtmlElement];
    expect(attributeOf(cell, 'data-path')).toBe('base.constraint.stages[3]');
    expect(attributeOf(cell, 'data-value')).toBe('');
    expect(textOf(cell)).toBe('— (no steady state)');
  });

  it('draws the 1.0 limit and the target where the axis puts them, labelled with their value', () => {
    const limit = selectElements(root, 'line', 'ref-limit')[0] as HtmlElement;
    expect(numberAttributeOf(limit, 'x1')).toBeCloseTo(tickLine(root, '1.0', 'x'), 1);
    const target = selectElements(root, 'line', 'ref-target')[0] as HtmlElement;
    expect((numberAttributeOf(target, 'x1') - zero) / (tickLine(root, '1.0', 'x') - zero)).toBeCloseTo(0.85, 2);
    const labels = selectElements(root, 'text', 'ref-label').map(textOf);
    expect(labels).toEqual(['target 0.85', 'capacity 1.0']);
    // the constant 1.0 has no path in the report: it is part of the scale
    const constant = allElements(root).find((e) => e.tagName === 'tspan' && attributeOf(e, 'data-value') === '1');
    expect(constant === undefined ? undefined : attributeOf(constant, 'data-tick')).toBe('');
  });

  it('shades and marks the highlighted category (the constraint)', () => {
    const band = selectElements(root, 'rect', 'highlight-band')[0] as HtmlElement;
    const sqlBars = bars.slice(2, 4);
    for (const bar of sqlBars) {
      expect(numberAttributeOf(bar, 'y')).toBeGreaterThanOrEqual(numberAttributeOf(band, 'y'));
      expect(numberAttributeOf(bar, 'y') + numberAttributeOf(bar, 'height')).toBeLessThanOrEqual(
        numberAttributeOf(band, 'y') + numberAttributeOf(band, 'height'),
      );
    }
    expect(selectElements(root, 'text', 'mark-label').map(textOf)).toEqual(['constraint']);
    expect(selectElements(root, 'text', 'marked').map(textOf)).toEqual(['sql']);
  });

  it('names the series in a legend and colours them by class (base and head side by side)', () => {
    expect(selectElements(root, 'text', 'legend-name').map(textOf)).toEqual(['base', 'head']);
    expect(bars.filter((b) => hasClass(b, 'tone-base'))).toHaveLength(3);
    expect(bars.filter((b) => hasClass(b, 'tone-head'))).toHaveLength(4);
    expect(
      allElements(root).some((e) => attributeOf(e, 'style') !== undefined || attributeOf(e, 'fill') !== undefined),
    ).toBe(false);
  });

  it('draws a negative value (a payout cut) leftwards from the 0 line', () => {
    const spec = utilisationSpec({
      categories: ['AE', 'SDR'],
      series: [series('change', 'head', 'comp.byPlan', ['-1991.25', '12500.00'])],
      references: [],
      highlight: null,
      formatTick: (v) => String(v),
    });
    const chart = parseHtmlFragment(renderBarSvg(spec));
    const zeroX = tickLine(chart, '0', 'x');
    const [cut, rise] = selectElements(chart, 'rect', 'bar') as [HtmlElement, HtmlElement];
    expect(numberAttributeOf(cut, 'x') + numberAttributeOf(cut, 'width')).toBeCloseTo(zeroX, 1);
    expect(numberAttributeOf(rise, 'x')).toBeCloseTo(zeroX, 1);
    expect(numberAttributeOf(cut, 'width') / numberAttributeOf(rise, 'width')).toBeCloseTo(1991.25 / 12500, 2);
    // the formatter wrote an ASCII hyphen: the tick shows the page's one minus sign
    expect(selectElements(chart, 'text', 'tick').map(textOf)[0]).toBe('\u22125000');
  });

  it('marks more categories when asked (the base and the head constraint), and joins two marks of one', () => {
    const spec = utilisationSpec({
      highlight: { category: 'sql', label: 'head constraint' },
      marks: [
        { category: 'sal', label: 'base constraint' },
        { category: 'sql', label: 'most utilised' },
      ],
    });
    const chart = parseHtmlFragment(renderBarSvg(spec));
    expect(selectElements(chart, 'rect', 'highlight-band')).toHaveLength(2);
    expect(selectElements(chart, 'text', 'marked').map(textOf)).toEqual(['sql', 'sal']);
    // the joined words are cut to the label column, the table keeps the names whole
    const [both, base] = selectElements(chart, 'text', 'mark-label').map(textOf);
    expect(both).toMatch(/^head constraint, m.*…$/u);
    expect(base).toBe('base constraint');
  });

  it('keeps every mark inside its viewBox', () => {
    const [, , width, height] = (attributeOf(selectElements(root, 'svg')[0] as HtmlElement, 'viewBox') ?? '')
      .split(' ')
      .map(Number);
    for (const rect of selectElements(root, 'rect')) {
      expect(numberAttributeOf(rect, 'x')).toBeGreaterThanOrEqual(0);
      expect(numberAttributeOf(rect, 'x') + numberAttributeOf(rect, 'width')).toBeLessThanOrEqual(width ?? 0);
      expect(numberAttributeOf(rect, 'y') + numberAttributeOf(rect, 'height')).toBeLessThanOrEqual(height ?? 0);
    }
  });
});

describe('vertical bar chart (weeks)', () => {
  const root = parseHtmlFragment(renderBarSvg(weeklySpec()));
  const bars = selectElements(root, 'rect', 'bar');
  const zeroY = tickLine(root, '0', 'y');

  it('stands each bar on the 0 line, its height proportional to the value', () => {
    // weeks 1..13: (i mod 5) × 2.5, week 5 unknown; the zeros (weeks 1, 6, 11) are bars of height 0
    expect(bars).toHaveLength(12);
    for (const bar of bars)
      expect(numberAttributeOf(bar, 'y') + numberAttributeOf(bar, 'height')).toBeCloseTo(zeroY, 1);
    const unit = (zeroY - tickLine(root, '10', 'y')) / 10;
    expect(bars.map((b) => Number((numberAttributeOf(b, 'height') / unit).toFixed(2)))).toEqual([
      0, 2.5, 5, 7.5, 0, 2.5, 5, 7.5, 10, 0, 2.5, 5,
    ]);
  });

  it('draws the capacity across at its value and marks the unknown week with —', () => {
    // The line across the plot (the piece of line beside its label above the plot is a swatch).
    const capacity = selectElements(root, 'line', 'ref').find((l) => hasClass(l, 'ref-capacity')) as HtmlElement;
    expect(numberAttributeOf(capacity, 'y1')).toBeCloseTo(tickLine(root, '8', 'y'), 1);
    const unknown = selectElements(root, 'text', 'unknown') as [HtmlElement];
    expect(unknown.map((u) => [attributeOf(u, 'data-path'), textOf(u)])).toEqual([
      ['funnel.stages[1].periods[4]', '—'],
    ]);
  });

  it('labels weeks along the bottom, skipping some when they would overlap, all inside the drawing', () => {
    const labels = selectElements(root, 'text', 'x-label');
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.length).toBeLessThanOrEqual(13);
    for (const l of labels) {
      expect(attributeOf(l, 'data-label')).toBe('');
      expect(numberAttributeOf(l, 'x')).toBeGreaterThanOrEqual(0);
      expect(numberAttributeOf(l, 'x')).toBeLessThanOrEqual(480);
    }
  });

  it('puts base and head side by side in each week', () => {
    const spec = weeklySpec({
      categories: ['W1', 'W2'],
      series: [series('base', 'base', 'b', [4, 6]), series('head', 'head', 'h', [5, 3])],
      references: [],
    });
    const [b1, h1, b2, h2] = selectElements(parseHtmlFragment(renderBarSvg(spec)), 'rect', 'bar') as HtmlElement[] as [
      HtmlElement,
      HtmlElement,
      HtmlElement,
      HtmlElement,
    ];
    expect(numberAttributeOf(h1, 'x')).toBeCloseTo(numberAttributeOf(b1, 'x') + numberAttributeOf(b1, 'width'), 1);
    expect(numberAttributeOf(b2, 'x')).toBeGreaterThan(numberAttributeOf(h1, 'x') + numberAttributeOf(h1, 'width'));
    expect(numberAttributeOf(h2, 'height') / numberAttributeOf(b1, 'height')).toBeCloseTo(3 / 4, 2);
    expect([b1, b2].every((b) => hasClass(b, 'tone-base'))).toBe(true);
  });

  it('colours a reference like its side when base and head each have one (capacity 15 → 5)', () => {
    const spec = weeklySpec({
      references: [
        { label: 'base capacity', kind: 'capacity', value: fig('impact.base.capacity', 15, '15'), tone: 'base' },
        { label: 'head capacity', kind: 'capacity', value: fig('impact.head.capacity', 5, '5'), tone: 'head' },
      ],
    });
    const chart = parseHtmlFragment(renderBarSvg(spec));
    const lines = selectElements(chart, 'line', 'ref');
    expect(lines.map((l) => attributeOf(l, 'class'))).toEqual([
      'ref ref-capacity ref-tone-base',
      'ref ref-capacity ref-tone-head',
    ]);
    expect(selectElements(chart, 'text', 'ref-label').map(textOf)).toEqual(['base capacity 15', 'head capacity 5']);
  });

  it('says a reference that cannot be computed in words, and draws no line for it', () => {
    const spec = weeklySpec({
      references: [{ label: 'capacity', kind: 'capacity', value: fig('constraint.stages[1].capacity', null) }],
    });
    const chart = parseHtmlFragment(renderBarSvg(spec));
    expect(selectElements(chart, 'line', 'ref-capacity')).toHaveLength(0);
    expect(selectElements(chart, 'text', 'ref-label').map(textOf)).toEqual(['capacity — (no steady state)']);
  });
});

describe('charts with little or nothing to draw', () => {
  it('draw an empty frame without a mark, not a bar of 0', () => {
    for (const spec of [
      utilisationSpec({ categories: [], series: [], highlight: null }),
      weeklySpec({ categories: [], series: [] }),
      utilisationSpec({ series: [series('base', 'base', 'b', [null, null, null, null])], references: [] }),
    ]) {
      const chart = parseHtmlFragment(renderBarSvg(spec));
      expect(selectElements(chart, 'svg')).toHaveLength(1);
      expect(selectElements(chart, 'rect', 'bar')).toHaveLength(0);
      expect(selectElements(chart, 'text', 'tick').map(textOf)[0]).toBe(spec.formatTick(0));
    }
  });

  it('draw the 1.0 limit of buildLimitReference as part of the scale', () => {
    const chart = parseHtmlFragment(renderBarSvg(utilisationSpec({ references: [buildLimitReference()] })));
    const label = selectElements(chart, 'text', 'ref-label')[0] as HtmlElement;
    expect(textOf(label)).toBe('demand = capacity 1.0');
    expect(
      allElements(label).some((e) => attributeOf(e, 'data-tick') === '' && attributeOf(e, 'data-path') === undefined),
    ).toBe(true);
  });
});

describe('a chart of many categories', () => {
  it('draws 300,000 weeks without overflowing the stack (a spread of their label widths into Math.max did)', () => {
    const weeks = Array.from({ length: 300_000 }, (_, i) => `W${i}`);
    const spec = weeklySpec({
      categories: weeks,
      series: [
        series(
          'arrivals',
          'current',
          'p',
          weeks.map((_, i) => i % 7),
        ),
      ],
    });
    const svg = renderBarSvg(spec);
    expect(svg.match(/<rect class="bar /g)).toHaveLength(300_000);
  });
});

describe('a range on the bars of one series (a projection low to high)', () => {
  const spec = utilisationSpec({
    categories: ['AE', 'SDR'],
    series: [series('base', 'base', 'goal.base', [40, 60]), series('head', 'head', 'goal.head', [50, 30])],
    references: [],
    highlight: null,
    formatTick: (v) => String(v),
    range: {
      name: 'head range',
      seriesIndex: 1,
      lower: [fig('goal.head.low[0]', 45), fig('goal.head.low[1]', null)],
      upper: [fig('goal.head.high[0]', 70), fig('goal.head.high[1]', 35)],
    },
  });
  const chart = parseHtmlFragment(renderBarSvg(spec));

  it('draws a whisker across the series bar from low to high, only where both ends are known', () => {
    const zero = tickLine(chart, '0', 'x');
    const unit = (tickLine(chart, '80', 'x') - zero) / 80;
    const whiskers = selectElements(chart, 'line', 'range').filter((l) => !hasClass(l, 'swatch'));
    // one whisker of three lines (span and two caps): SDR's low is unknown
    expect(whiskers).toHaveLength(3);
    const [span] = whiskers as [HtmlElement];
    expect(
      [numberAttributeOf(span, 'x1'), numberAttributeOf(span, 'x2')].map((v) => Number(((v - zero) / unit).toFixed(2))),
    ).toEqual([45, 70]);
    const headBar = selectElements(chart, 'rect', 'bar')[1] as HtmlElement;
    expect(numberAttributeOf(span, 'y1')).toBeCloseTo(
      numberAttributeOf(headBar, 'y') + numberAttributeOf(headBar, 'height') / 2,
      1,
    );
    // the head's figure is written past the whisker, not over it
    const label = selectElements(chart, 'text', 'value').find(
      (t) => attributeOf(t, 'data-path') === 'goal.head[0]',
    ) as HtmlElement;
    expect(numberAttributeOf(label, 'x')).toBeGreaterThan(numberAttributeOf(span, 'x2'));
    expect(selectElements(chart, 'text', 'legend-name').map(textOf)).toEqual(['base', 'head', 'head range']);
  });

  it('stands a whisker over a vertical bar', () => {
    const vertical = parseHtmlFragment(renderBarSvg({ ...spec, orientation: 'vertical' }));
    const zero = tickLine(vertical, '0', 'y');
    const unit = (zero - tickLine(vertical, '80', 'y')) / 80;
    const [span] = selectElements(vertical, 'line', 'range').filter((l) => !hasClass(l, 'swatch')) as [HtmlElement];
    expect(
      [numberAttributeOf(span, 'y1'), numberAttributeOf(span, 'y2')].map((v) => Number(((zero - v) / unit).toFixed(2))),
    ).toEqual([45, 70]);
  });
});
