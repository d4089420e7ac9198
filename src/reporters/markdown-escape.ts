const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Makes an untrusted string (a name from a policy or a CRM export) inert in GitHub-flavoured
 * markdown, inline or in a table cell: no HTML (`<`, `>`, `&` become entities, so no tags and
 * no hidden comments such as a comment marker), no markdown syntax (emphasis, links, code,
 * table pipes are backslash-escaped), no line breaks, and no mentions or issue references
 * (`@name` and `#123` get a zero-width space after the sign, so GitHub links nothing and
 * notifies no one).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()!|~]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[@#]/g, (ch) => `${ch}${ZERO_WIDTH_SPACE}`);
}

/** A label for a Mermaid chart: letters, digits, spaces, `-`, `_`, `.`, `%` only (Mermaid has no reliable escaping). */
export function mermaidLabel(text: string): string {
  return text.replace(/[^A-Za-z0-9 _.%-]/g, '').slice(0, 40) || '?';
}

/** A markdown table; every cell is escaped unless it is one of our own figures. */
export function renderMarkdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[]): string[] {
  const rule = align.map((a) => (a === 'right' ? '---:' : '---'));
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(headers.map(escapeMarkdown)), `|${rule.join('|')}|`, ...rows.map((r) => line(r.map(escapeMarkdown)))];
}
