import { describe, expect, it } from 'vitest';
import { figureAttributes, renderFigure } from '../../../../src/reporters/html/figure.js';
import { checkFigures } from '../../../helpers/html-figures.js';
import { allElements, attributeNames, attributeOf, parseHtmlFragment, textOf } from '../../../helpers/html-tree.js';

const elementsOf = (html: string) => allElements(parseHtmlFragment(html));

describe('renderFigure', () => {
  it('renders a known value as <data> with its JSON path and value, and the displayed text', () => {
    expect(renderFigure({ path: 'constraint.stages[2].utilisation', value: 0.8688, text: '0.87' })).toBe(
      '<data value="0.8688" data-path="constraint.stages[2].utilisation" data-value="0.8688">0.87</data>',
    );
    expect(renderFigure({ path: 'goal.won', value: '174890.00', text: '174,890.00 USD' })).toBe(
      '<data value="174890.00" data-path="goal.won" data-value="174890.00">174,890.00 USD</data>',
    );
  });

  it('renders an unknown value as — with its reason, never 0, and an empty data-value', () => {
    const html = renderFigure({
      path: 'constraint.stages[0].capacityPerWeek',
      value: null,
      text: '0',
      reason: 'no capacity',
    });
    expect(html).toBe(
      '<span class="unknown" data-path="constraint.stages[0].capacityPerWeek" data-value="">— <span class="reason">(no capacity)</span></span>',
    );
    expect(renderFigure({ path: 'x', value: null, text: '—' })).toBe(
      '<span class="unknown" data-path="x" data-value="">—</span>',
    );
  });

  it('leaves out data-path for a constant of the page (the 1.0 line)', () => {
    expect(renderFigure({ path: null, value: 1, text: '1.00' })).toBe('<data value="1" data-value="1">1.00</data>');
    expect(figureAttributes({ path: null, value: 1, text: '1.00' })).toBe(' data-value="1"');
  });

  it('keeps hostile text, reason, value and path inert: one element, its own attributes, the text as typed', () => {
    const hostile = `"><script>alert(1)</script><img src=x onerror=y> ' onfocus='z \u202E`;
    const shown = hostile.replace('\u202E', '<U+202E>');
    const known = elementsOf(renderFigure({ path: hostile, value: hostile, text: hostile }));
    expect(known.map((e) => [e.tagName, attributeNames(e)])).toEqual([['data', ['value', 'data-path', 'data-value']]]);
    expect([attributeOf(known[0]!, 'value'), attributeOf(known[0]!, 'data-path'), textOf(known[0]!)]).toEqual([
      shown,
      shown,
      shown,
    ]);
    const unknown = elementsOf(renderFigure({ path: 'x', value: null, text: '—', reason: hostile }));
    expect(unknown.map((e) => e.tagName)).toEqual(['span', 'span']);
    expect(textOf(unknown[0]!)).toBe(`— (${shown})`);
  });

  it('ties an SVG text to its figure with figureAttributes', () => {
    const svg = `<svg><text x="4"${figureAttributes({ path: 'goal.share', value: 0.0972, text: '9.7 %' })}>9.7 %</text></svg>`;
    const text = elementsOf(svg)[1]!;
    expect([attributeOf(text, 'data-path'), attributeOf(text, 'data-value')]).toEqual(['goal.share', '0.0972']);
  });

  it('passes the figure check against the JSON value it was given, and fails it against another', () => {
    const page = `<p>${renderFigure({ path: 'a[0].b', value: 0.0972, text: '9.7 %' })}</p>`;
    expect(checkFigures(page, { a: [{ b: 0.0972 }] })).toEqual([]);
    expect(checkFigures(page, { a: [{ b: 0.0981 }] }).map((p) => p.kind)).toEqual(['value-mismatch', 'text-mismatch']);
  });
});
