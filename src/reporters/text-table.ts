import { terminalText } from './sanitize.js';

/** Column alignment: text left, figures right. */
export type Align = 'left' | 'right';

/**
 * A plain-text table: a header row, a rule, and the rows, columns padded to their widest
 * cell and separated by two spaces. Cells are plain text (colour is added around the table);
 * each is escaped for the terminal here, since names from policies and data fill them.
 */
export function renderTextTable(
  headers: readonly string[],
  rawRows: readonly (readonly string[])[],
  align: readonly Align[],
  indent = '  ',
): string[] {
  const rows = rawRows.map((row) => row.map(terminalText));
  // A loop, not Math.max(...rows): a spread of a long table would overflow the call stack.
  const widths = headers.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), h.length));
  const line = (cells: readonly string[]): string =>
    indent +
    cells
      .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), indent + widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

/**
 * Wraps `text` (plain, escaped for the terminal here) to `width` columns; lines after the first
 * start with `indent`.
 */
export function wrapText(text: string, width: number, indent: string): string[] {
  const words = text.split(' ').map(terminalText);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const limit = lines.length === 0 ? width : width - indent.length;
    if (current !== '' && current.length + 1 + word.length > limit) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}
