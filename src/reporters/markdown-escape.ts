import { escapeMarkdown, escapeMarkdownHtml } from './sanitize.js';

// The markdown escaping lives with the other output kinds' in sanitize.ts.
export { escapeMarkdown };

/**
 * A collapsed section. Its summary sits in a raw HTML block, where GitHub shows backslash
 * escapes literally, so it takes HTML escaping; the body is markdown (blank lines around it).
 */
export function renderMarkdownDetails(summary: string, body: readonly string[]): string[] {
  return ['<details>', `<summary>${escapeMarkdownHtml(summary)}</summary>`, '', ...body, '', '</details>', ''];
}

/** A label for a Mermaid chart: letters, digits, spaces, `-`, `_`, `.`, `%` only (Mermaid has no reliable escaping). */
export function mermaidLabel(text: string): string {
  return text.replace(/[^A-Za-z0-9 _.%-]/g, '').slice(0, 40) || '?';
}

/** A markdown table; every cell is escaped unless it is one of our own figures. */
export function renderMarkdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right')[],
): string[] {
  const rule = align.map((a) => (a === 'right' ? '---:' : '---'));
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(headers.map(escapeMarkdown)), `|${rule.join('|')}|`, ...rows.map((r) => line(r.map(escapeMarkdown)))];
}
