import { describe, expect, it } from 'vitest';
import {
  allElements,
  attributeNames,
  attributeOf,
  describeElement,
  numberAttributeOf,
  parseHtmlFragment,
  parseHtmlPage,
  selectElements,
  textNodesOf,
} from '../../helpers/html-tree.js';
import { resolveJsonPath } from '../../helpers/json-path.js';

describe('the HTML tree helpers', () => {
  it('name SVG namespace attributes as written (xmlns, xmlns:xlink, xlink:href)', () => {
    const html =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#a"/></svg>';
    const [svg, use] = allElements(parseHtmlPage(html)).filter((e) => ['svg', 'use'].includes(e.tagName));
    expect(attributeNames(svg!)).toEqual(['xmlns', 'xmlns:xlink']);
    expect(attributeOf(use!, 'xlink:href')).toBe('#a');
    expect(describeElement(use!)).toBe('<use xlink:href="#a"> at line 1, column 84');
  });

  it("select a fragment's elements by tag and class, read numeric attributes and refuse a missing one", () => {
    const root = parseHtmlFragment(
      '<svg><line class="grid tick" x1="4.5"/><line class="axis" x1="0"/><text>9</text></svg>',
    );
    expect(selectElements(root, 'line').map((e) => numberAttributeOf(e, 'x1'))).toEqual([4.5, 0]);
    expect(selectElements(root, 'line', 'tick')).toHaveLength(1);
    expect(selectElements(root, 'line', 'gri')).toEqual([]);
    expect(() => numberAttributeOf(selectElements(root, 'text')[0]!, 'y')).toThrow('<text> has no y');
  });

  it('list text nodes with their ancestors from the root down, nearest last', () => {
    const [body] = selectElements(parseHtmlPage('<p id="a">x<b data-tick="">7</b></p>'), 'body');
    expect(textNodesOf(body!).map((t) => [t.text, t.ancestors.map((a) => a.tagName)])).toEqual([
      ['x', ['body', 'p']],
      ['7', ['body', 'p', 'b']],
    ]);
  });

  it('resolve quoted keys and say where a path leaves the JSON', () => {
    const json = { a: { 'b.c': [1, { d: null }] } };
    expect(resolveJsonPath(json, 'a["b.c"][1].d')).toEqual({ found: true, value: null });
    expect(resolveJsonPath(json, 'a["b.c"][0].d')).toEqual({
      found: false,
      reason: 'a["b.c"][0] is number, not an object',
    });
    expect(resolveJsonPath(json, 'a.x')).toEqual({ found: false, reason: 'no key "x" in a (its keys: b.c)' });
  });
});
