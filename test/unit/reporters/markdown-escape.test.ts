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
    ['a link', '[click](https://x.test)', '\\[click\\]\\(https://x.test\\)'],
    ['emphasis and code', '*bold* _it_ `code` ~strike~', '\\*bold\\* \\_it\\_ \\`code\\` \\~strike\\~'],
    ['line breaks', 'one\ntwo\r\nthree', 'one two three'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['plain text', 'Ethan Brooks', 'Ethan Brooks'],
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
});

describe('mermaidLabel', () => {
  it('keeps only characters Mermaid cannot misread', () => {
    expect(mermaidLabel('mql"] ; click x call alert()')).toBe('mql  click x call alert');
    expect(mermaidLabel('<>')).toBe('?');
  });
});

describe('renderMarkdownTable', () => {
  it('escapes every cell and aligns figures right', () => {
    expect(renderMarkdownTable(['who', 'paid'], [['@eve | x', '1,000.00']], ['left', 'right'])).toEqual(['| who | paid |', '|---|---:|', `| @${zws}eve \\| x | 1,000.00 |`]);
  });
});
