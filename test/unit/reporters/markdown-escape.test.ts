import { describe, expect, it } from 'vitest';
import { escapeMarkdown, mermaidLabel, renderMarkdownTable } from '../../../src/reporters/markdown-escape.js';

const zws = '\u200B';

describe('escapeMarkdown', () => {
  it.each([
    ['a mention', '@octocat', `@${zws}octocat`],
    ['a team mention', '@org/team', `@${zws}org/team`],
    ['an issue reference', 'see #123', `see #${zws}123`],
    ['a cross-repository reference', 'owner/repo#9', `owner/repo#${zws}9`],
    ['an HTML tag', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['a hidden comment marker', '<!-- revops-policy:impact -->', '&lt;\\!-- revops-policy:impact --&gt;'],
    ['an entity', '&amp;', '&amp;amp;'],
    ['a table pipe', 'a | b', 'a \\| b'],
    ['a link', '[click](https://x.test)', `\\[click\\]\\(https:${zws}//x.test\\)`],
    ['emphasis and code', '*bold* _it_ `code` ~strike~', '\\*bold\\* \\_it\\_ \\`code\\` \\~strike\\~'],
    ['line breaks', 'one\ntwo\r\nthree', 'one two three'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['plain text', 'Ethan Brooks', 'Ethan Brooks'],
    [
      'inline math',
      '$x$ and $$y$$',
      '<span>$</span>x<span>$</span> and <span>$</span><span>$</span>y<span>$</span><span>$</span>',
    ],
    ['a GH- reference', 'see GH-123 and gh-7', `see GH${zws}-123 and gh${zws}-7`],
    ['a bare URL', 'https://evil.example/x', `https:${zws}//evil.example/x`],
    ['a www autolink', 'www.evil.example', `www${zws}.evil.example`],
    ['an email autolink', 'eve@evil.example', `eve@${zws}evil.example`],
    [
      'bidi and zero-width characters',
      'a\u202eb\u2066c\u200bd\ufeff',
      'a&lt;U+202E&gt;b&lt;U+2066&gt;c&lt;U+200B&gt;d&lt;U+FEFF&gt;',
    ],
    ['control characters', 'a\u001b]0;t\u0007b\u0085', 'a\u241b\\]0;t\u2407b&lt;U+0085&gt;'],
    ['a leading list marker', '- item', '\\- item'],
    ['a leading ordered-list marker', '1. item', '1\\. item'],
    ['a setext underline', '===', '\\==='],
    ['a decimal figure, left alone', '15.2 %', '15.2 %'],
    ['a leading workflow command', '::error::x', '\\::error::x'],
    [
      'a commit SHA',
      'fixed in a5c3785ed8d6a35868bc169f07e40e889087fd2e',
      `fixed in a5c378${zws}5ed8d6${zws}a35868${zws}bc169f${zws}07e40e${zws}889087${zws}fd2e`,
    ],
    ['a short and a user@ SHA', 'see A5C3785 and jlord@a5c3785', `see A5C378${zws}5 and jlord@${zws}a5c378${zws}5`],
    [
      'hex words shorter than a SHA, and our pseudonyms, left alone',
      'cafe 123456 deadbe-ef lead-3f9a1c0b7d person-0123456789abcdef',
      'cafe 123456 deadbe-ef lead-3f9a1c0b7d person-0123456789abcdef',
    ],
  ])('makes %s inert', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('leaves no unescaped mention, reference, tag or pipe in a hostile string', () => {
    const out = escapeMarkdown('@all #1 <script>x</script> | <!-- m --> [a](b)');
    expect(out).not.toMatch(/@\w/);
    expect(out).not.toMatch(/#\d/);
    expect(out).not.toMatch(/<[a-z!/]/i);
    expect(out).not.toMatch(/(^|[^\\])\|/);
  });

  it('leaves no math, autolink, reference or invisible character in a hostile string', () => {
    const out = escapeMarkdown(
      '$x$ GH-123 https://evil.example www.evil.example @org/team <!-- revops-policy --> \u202e\u200b\u001b[2J owner/repo@0123456789abcdef',
    );
    expect(out).not.toMatch(/\$[^<]/);
    expect(out).not.toMatch(/\b[0-9a-f]{7,}\b/i);
    expect(out).not.toMatch(/GH-\d|:\/\/|www\.|@o|<!--/i);
    expect(out.replaceAll(`${zws}`, '')).not.toMatch(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/,
    );
  });
});

describe('mermaidLabel', () => {
  it('keeps only characters Mermaid cannot misread', () => {
    expect(mermaidLabel('mql"] ; click x call alert()')).toBe('mql  click x call alert');
    expect(mermaidLabel('<>')).toBe('?');
  });
});

describe('renderMarkdownTable', () => {
  it('escapes every cell and aligns figures right', () => {
    expect(renderMarkdownTable(['who', 'paid'], [['@eve | x', '1,000.00']], ['left', 'right'])).toEqual([
      '| who | paid |',
      '|---|---:|',
      `| @${zws}eve \\| x | 1,000.00 |`,
    ]);
  });
});
