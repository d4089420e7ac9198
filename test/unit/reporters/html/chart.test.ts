import { describe, expect, it } from 'vitest';
import { renderChart } from '../../../../src/reporters/html/chart.js';
import type { ChartSpec } from '../../../../src/reporters/html/chart-spec.js';
import { complianceSpec, fig, series, utilisationSpec, weeklySpec } from './chart-fixtures.js';
import {
  allElements,
  attributeOf,
  parseHtmlFragment,
  selectElements,
  textNodesOf,
  textOf,
  type HtmlElement,
} from '../../../helpers/html-tree.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '" onmouseover="alert(2)',
  "' onfocus='alert(3)",
  '<img src=x onerror=alert(4)>',
  'javascript:alert(5)',
  '<a href="javascript:alert(6)">x</a>',
  'safe\u202Eexe.txt',
  'zero\u200Bwidth',
  '<svg onload=alert(7)>',
  ']]><foreignObject><iframe src="javascript:alert(8)">',
];

/** Every chart kind with hostile text in each place a name from the report can reach. */
function hostileSpecs(): ChartSpec[] {
  const [a, b, c, d, e, f, g, h, i, j] = HOSTILE as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return [
    utilisationSpec({
      categories: [a, b, c, d],
      series: [series(e, 'base', 'base.s', [0.5, 1, null, 0.2]), series(f, 'head', 'head.s', [0.4, 1.2, 0.3, 0.1])],
      references: [{ label: g, kind: 'limit', value: { path: null, value: 1, text: '1.0' } }],
      highlight: { category: b, label: h },
      title: i,
      description: j,
      axisLabel: a,
    }),
    weeklySpec({
      categories: HOSTILE,
      series: [
        {
          name: d,
          tone: 'current',
          values: HOSTILE.map((_, k) => (k === 2 ? { ...fig(`p[${k}]`, null), reason: a } : fig(`p[${k}]`, k))),
        },
      ],
      highlight: { category: HOSTILE[5] ?? '', label: b },
    }),
    complianceSpec({
      xLabels: HOSTILE.slice(0, 5),
      series: [
        series(g, 'current', 's0', [0.1, null, 0.3, 0.4, 0.5]),
        series(h, 'current', 's1', [0.2, 0.3, 0.4, 0.5, 0.6]),
      ],
      band: {
        name: i,
        lower: [0, 0, 0, 0, 0].map((v, k) => fig(`lo[${k}]`, v)),
        upper: [1, 1, 1, 1, 1].map((v, k) => fig(`hi[${k}]`, v)),
      },
      references: [{ label: j, kind: 'target', value: fig('t', 0.9) }],
    }),
  ];
}

describe('renderChart with hostile names (stages, plans, SLAs, weeks, reasons)', () => {
  for (const spec of hostileSpecs()) {
    const html = renderChart(spec);
    const root = parseHtmlFragment(html);
    const elements = allElements(root);

    it(`${spec.id}: no script, iframe, foreignObject or image element is created`, () => {
      const tags = new Set(elements.map((el) => el.tagName));
      for (const tag of ['script', 'iframe', 'foreignObject', 'foreignobject', 'img', 'a', 'image', 'use']) {
        expect(tags.has(tag), tag).toBe(false);
      }
      expect(selectElements(root, 'svg')).toHaveLength(1);
    });

    it(`${spec.id}: no event handler, link or inline style attribute`, () => {
      for (const el of elements) {
        for (const a of el.attrs) {
          expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
          expect(['href', 'src', 'xlink:href', 'style'], `${el.tagName} ${a.name}`).not.toContain(a.name);
          expect(a.value.toLowerCase().includes('javascript:') && a.name !== 'data-value').toBe(false);
        }
      }
    });

    it(`${spec.id}: no raw bidi or zero-width character, in text or attribute`, () => {
      const invisible = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/u;
      expect(invisible.test(html)).toBe(false);
      expect(html).toContain('&lt;U+202E&gt;');
    });

    it(`${spec.id}: the hostile names are shown as text`, () => {
      const text = textNodesOf(root)
        .map((t) => t.text)
        .join('\n');
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('javascript:alert(5)');
    });
  }
});

describe('renderChart', () => {
  const html = renderChart(utilisationSpec());
  const root = parseHtmlFragment(html);

  it('is an image to assistive technology, named by a title and a description that exist', () => {
    const svg = selectElements(root, 'svg')[0] as HtmlElement;
    expect(attributeOf(svg, 'role')).toBe('img');
    const ids = new Set(allElements(root).map((e) => attributeOf(e, 'id')));
    for (const ref of [attributeOf(svg, 'aria-labelledby'), attributeOf(svg, 'aria-describedby')]) {
      expect(ref !== undefined && ids.has(ref), ref).toBe(true);
    }
    expect(selectElements(svg, 'title').map(textOf)).toEqual(['Utilisation per stage']);
    expect(selectElements(svg, 'desc').map(textOf)).toEqual(['Demand over capacity per stage.']);
    expect(attributeOf(svg, 'viewBox')).toMatch(/^0 0 480 \d+(\.\d+)?$/);
    expect(
      new Set(
        allElements(root)
          .map((e) => attributeOf(e, 'id'))
          .filter((id) => id !== undefined),
      ).size,
    ).toBe(allElements(root).filter((e) => attributeOf(e, 'id') !== undefined).length);
  });

  it('labels the rows and series of its table as names from the report', () => {
    const rowHeads = allElements(root).filter((e) => e.tagName === 'th' && attributeOf(e, 'scope') === 'row');
    expect(rowHeads.map((th) => [textOf(th), attributeOf(th, 'data-label')])).toEqual([
      ['mql', ''],
      ['sql', ''],
      ['sal', ''],
      ['won', ''],
    ]);
    const colHeads = allElements(root).filter(
      (e) => e.tagName === 'th' && attributeOf(e, 'data-label') === '' && attributeOf(e, 'scope') === 'col',
    );
    expect(colHeads.map(textOf)).toEqual(['base', 'head']);
  });

  it('holds every digit it shows inside a figure (data-path), a label (data-label) or a tick (data-tick)', () => {
    const specs: ChartSpec[] = [
      utilisationSpec({
        categories: ['stage 1', 'stage 2', 'stage 3', 'stage 4'],
        highlight: { category: 'stage 2', label: 'constraint' },
      }),
      weeklySpec(),
      complianceSpec({
        series: [series('SLA 4h', 'current', 's', [0.5, 0.6, 0.7, null, 0.9])],
        band: {
          name: 'P10 to P90',
          lower: [0.4, 0.5, 0.6, 0.7, 0.8].map((v, k) => fig(`l[${k}]`, v)),
          upper: [0.6, 0.7, 0.8, 0.9, 1].map((v, k) => fig(`u[${k}]`, v)),
        },
      }),
    ];
    for (const spec of specs) {
      const nodes = textNodesOf(parseHtmlFragment(renderChart(spec))).filter((t) => /\d/.test(t.text));
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        const tagged = node.ancestors.some((a) =>
          ['data-path', 'data-label', 'data-tick'].some((n) => attributeOf(a, n) !== undefined),
        );
        expect(tagged, `${spec.id}: "${node.text}" in <${node.ancestors.at(-1)?.tagName}>`).toBe(true);
      }
    }
  });

  it('shows an unknown value as — with its reason in the table', () => {
    const cells = allElements(root).filter(
      (e) => e.tagName === 'span' && attributeOf(e, 'data-path') === 'base.constraint.stages[3]',
    );
    expect(cells.map(textOf)).toEqual(['— (no steady state)']);
  });
});

describe('renderChart of a bar chart with a range', () => {
  it('adds the low and high of the range to the table, the range named as a label', () => {
    const spec = utilisationSpec({
      categories: ['AE'],
      series: [series('head', 'head', 'goal.head', [50])],
      references: [],
      highlight: null,
      range: {
        name: 'P10 to P90',
        seriesIndex: 0,
        lower: [fig('goal.low[0]', 45)],
        upper: [fig('goal.high[0]', null)],
      },
    });
    const root = parseHtmlFragment(renderChart(spec));
    const head = allElements(root).filter((e) => e.tagName === 'th' && attributeOf(e, 'scope') === 'col');
    expect(head.map(textOf)).toEqual(['', 'head', 'P10 to P90 low', 'P10 to P90 high']);
    const cells = allElements(root).filter((e) => e.tagName === 'td');
    expect(cells.map(textOf)).toEqual(['50', '45', '— (no steady state)']);
  });
});
