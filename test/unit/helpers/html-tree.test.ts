import { describe, expect, it } from 'vitest';
import { allElements, attributeNames, attributeOf, describeElement, parseHtmlPage } from '../../helpers/html-tree.js';
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
