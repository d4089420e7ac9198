import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/reporters/sanitize.js';
import { allElements, attributeNames, attributeOf, parseHtmlFragment, textOf } from '../../helpers/html-tree.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '" onmouseover="x',
  "' onfocus='y",
  '<img src=x onerror=y>',
  'javascript:alert(1)',
  '</style><svg onload=z>',
  '&lt;b&gt; &amp; &#x3C;',
  '<!-- x --> <![CDATA[ y ]]>',
];

/** Parses `html` as the body of a page and returns its elements and text. */
function parse(html: string) {
  const fragment = parseHtmlFragment(html);
  return { elements: allElements(fragment), text: textOf(fragment) };
}

describe('escapeHtml', () => {
  it('turns the five HTML-special characters into entities', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('shows control, bidi and zero-width characters as visible stand-ins', () => {
    expect(escapeHtml('a\u202Eb\u200Bc\u2066d\u2069e\uFEFFf\u2028g')).toBe(
      'a&lt;U+202E&gt;b&lt;U+200B&gt;c&lt;U+2066&gt;d&lt;U+2069&gt;e&lt;U+FEFF&gt;f&lt;U+2028&gt;g',
    );
    expect(escapeHtml('\u0000\u001b[31m\u007f\u0085')).toBe('␀␛[31m␡&lt;U+0085&gt;');
  });

  it.each(HOSTILE)('keeps %j as text in an element and in a quoted attribute (HTML and SVG)', (value) => {
    const escaped = escapeHtml(value);
    for (const html of [
      `<p>${escaped}</p>`,
      `<p title="${escaped}">x</p>`,
      `<p title='${escaped}'>x</p>`,
      `<svg><text data-label="${escaped}">${escaped}</text></svg>`,
    ]) {
      const { elements, text } = parse(html);
      expect(
        elements.map((e) => e.tagName),
        html,
      ).toEqual(html.startsWith('<svg') ? ['svg', 'text'] : ['p']);
      const element = elements.at(-1)!;
      expect(
        attributeNames(element).filter((n) => n !== 'title' && n !== 'data-label'),
        html,
      ).toEqual([]);
      const attribute = attributeOf(element, 'title') ?? attributeOf(element, 'data-label');
      if (attribute !== undefined) expect(attribute).toBe(value);
      if (!html.includes('>x<')) expect(text).toBe(value);
    }
  });

  it('leaves every mix of special characters inert (a seeded sweep)', () => {
    const alphabet = ['<', '>', '"', "'", '&', '=', '/', ' ', 'a', 'on', 'script', '\u202E', '#', ';', '!--'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const value = Array.from({ length: 1 + next(16) }, () => alphabet[next(alphabet.length)]!).join('');
      const { elements, text } = parse(`<p title="${escapeHtml(value)}">${escapeHtml(value)}</p>`);
      const shown = value.replaceAll('\u202E', '<U+202E>');
      expect(
        elements.map((e) => [e.tagName, attributeNames(e)]),
        value,
      ).toEqual([['p', ['title']]]);
      expect(attributeOf(elements[0]!, 'title')).toBe(shown);
      expect(text).toBe(shown);
    }
  });
});
