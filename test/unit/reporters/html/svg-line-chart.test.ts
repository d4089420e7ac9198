import { describe, expect, it } from 'vitest';
import { renderLineSvg } from '../../../../src/reporters/html/svg-line-chart.js';
import { complianceSpec, fig, series } from './chart-fixtures.js';
import { tickLine } from './chart-ticks.js';
import {
  attributeOf,
  numberAttributeOf,
  parseHtmlFragment,
  selectElements,
  textOf,
} from '../../../helpers/html-tree.js';
import type { HtmlElement } from '../../../helpers/html-tree.js';

/** The subpaths of a path: each `M` starts one, as lists of [x, y]. */
function subpaths(path: HtmlElement): [number, number][][] {
  return (attributeOf(path, 'd') ?? '')
    .split('M')
    .filter((part) => part.trim() !== '')
    .map((part) => part.split('L').map((point) => point.trim().split(' ').map(Number) as [number, number]));
}

describe('line chart (SLA compliance per period)', () => {
  const root = parseHtmlFragment(renderLineSvg(complianceSpec()));
  const paths = selectElements(root, 'path', 'line');

  it('runs the axis from 0 to the fixed top of a share, with the ticks as scale', () => {
    const ticks = selectElements(root, 'text', 'tick');
    expect(ticks.map(textOf)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
    expect(ticks.every((t) => attributeOf(t, 'data-tick') === '')).toBe(true);
  });

  it('breaks a line where a value is unknown, and marks the gap with — instead of drawing 0', () => {
    expect(paths).toHaveLength(2);
    const [first, second] = paths.map(subpaths) as [[number, number][][], [number, number][][]];
    // mql to sdr: 0.6, 0.8, unknown, 0.4, 0.5 → two pieces of two points
    expect(first.map((piece) => piece.length)).toEqual([2, 2]);
    expect(second.map((piece) => piece.length)).toEqual([5]);
    const unknown = selectElements(root, 'text', 'unknown') as [HtmlElement];
    expect(unknown.map((u) => [attributeOf(u, 'data-path'), attributeOf(u, 'data-value'), textOf(u)])).toEqual([
      ['sla.slas[0].periods[2]', '', '—'],
    ]);
    // the gap's x is the third period's: between the second and the fourth point
    const [[, p2], [p4]] = first as [[number, number][], [number, number][]];
    expect(numberAttributeOf(unknown[0], 'x')).toBeGreaterThan(p2?.[0] ?? Infinity);
    expect(numberAttributeOf(unknown[0], 'x')).toBeLessThan(p4?.[0] ?? -Infinity);
  });

  it('puts each point at its value on the axis', () => {
    const zero = tickLine(root, '0%', 'y');
    const unit = zero - tickLine(root, '100%', 'y');
    const [, second] = paths.map(subpaths) as [unknown, [number, number][][]];
    expect((second[0] ?? []).map(([, y]) => Number(((zero - y) / unit).toFixed(2)))).toEqual([0.2, 0.4, 0.6, 0.8, 0.7]);
    // one point per known value: 4 + 5
    expect(selectElements(root, 'circle', 'point')).toHaveLength(9);
  });

  it('writes the last known value of each line at its end, with its JSON path', () => {
    const ends = selectElements(root, 'text', 'end-label');
    expect(ends.map((e) => [attributeOf(e, 'data-path'), textOf(e)])).toEqual(
      expect.arrayContaining([
        ['sla.slas[0].periods[4]', '0.5'],
        ['sla.slas[1].periods[4]', '0.7'],
      ]),
    );
    const ys = ends.map((e) => numberAttributeOf(e, 'y')).sort((a, b) => a - b);
    expect((ys[1] ?? 0) - (ys[0] ?? 0)).toBeGreaterThanOrEqual(11);
  });

  it('tells lines of the same tone apart by palette and dash, and draws the target across', () => {
    expect(paths.map((p) => attributeOf(p, 'class'))).toEqual(['line series-0 palette-0', 'line series-1 palette-1']);
    const target = selectElements(root, 'line', 'ref-target')[0] as HtmlElement;
    expect(
      (tickLine(root, '0%', 'y') - numberAttributeOf(target, 'y1')) /
        (tickLine(root, '0%', 'y') - tickLine(root, '100%', 'y')),
    ).toBeCloseTo(0.9, 2);
    expect(selectElements(root, 'text', 'ref-label').map(textOf)).toEqual(['target 90%']);
  });

  it('shades a range as a band over the periods where both ends are known', () => {
    const spec = complianceSpec({
      series: [series('forecast', 'head', 'goal.forecast', [10, 20, 30, 40, 50])],
      band: {
        name: 'range',
        lower: [8, 15, null, 30, 35].map((v, i) => fig(`goal.low[${i}]`, v)),
        upper: [12, 25, null, 50, 65].map((v, i) => fig(`goal.high[${i}]`, v)),
      },
      references: [],
      yMax: undefined,
      formatTick: (v) => String(v),
    });
    const chart = parseHtmlFragment(renderLineSvg(spec));
    const polygons = selectElements(chart, 'polygon', 'band');
    // periods 1–2 and 4–5: two areas of four corners each
    expect(polygons.map((p) => (attributeOf(p, 'points') ?? '').split(' ').length)).toEqual([4, 4]);
    const zero = tickLine(chart, '0', 'y');
    // span 65 ÷ 5 = 13 → step 20: ticks 0 to 80
    const unit = (zero - tickLine(chart, '80', 'y')) / 80;
    const corners = (attributeOf(polygons[1] as HtmlElement, 'points') ?? '')
      .split(' ')
      .map((pair) => Number(((zero - Number(pair.split(',')[1])) / unit).toFixed(2)));
    expect(corners).toEqual([50, 65, 35, 30]);
    expect(selectElements(chart, 'text', 'legend-name').map(textOf)).toEqual(['forecast', 'range']);
  });

  it('lets values above a fixed top raise the axis instead of leaving the drawing', () => {
    const spec = complianceSpec({ series: [series('ratio', 'current', 'r', [0.5, 1.2, 0.9, 1, 1])] });
    const chart = parseHtmlFragment(renderLineSvg(spec));
    expect(selectElements(chart, 'text', 'tick').map(textOf).at(-1)).toBe('150%');
    for (const point of selectElements(chart, 'circle'))
      expect(numberAttributeOf(point, 'cy')).toBeGreaterThanOrEqual(0);
  });
});
