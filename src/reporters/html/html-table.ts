import { escapeHtml } from '../sanitize.js';

/** One row of a table: a header cell of report text (a name, period or file) and cells of HTML. */
export interface HtmlTableRow {
  /** Untrusted text: escaped, and marked `data-label` (it may hold digits that are not figures). */
  header: string;
  /** HTML built with `renderFigure`, `labelText` or `escapeHtml`. */
  cells: string[];
  /** A class of our own words (e.g. `constraint`, `total`). */
  className?: string;
}

/** A table of the report: column headings in our words, a row header per row. */
export interface HtmlTable {
  /** Column headings: our words (no digits), or report text (`{ label }`: a stage name); the first heads the row headers. */
  columns: (string | { label: string })[];
  rows: HtmlTableRow[];
  caption?: string;
}

/** Report text that is not a figure (a name, period, date, file or sentence from the report), escaped and marked. */
export function labelText(text: string): string {
  return `<span data-label>${escapeHtml(text)}</span>`;
}

/** A table in a horizontally scrolling box, so a wide one never widens a phone's page. */
export function renderHtmlTable(table: HtmlTable): string {
  const caption = table.caption === undefined ? '' : `<caption>${escapeHtml(table.caption)}</caption>`;
  const head = table.columns
    .map((c) =>
      typeof c === 'string'
        ? `<th scope="col">${escapeHtml(c)}</th>`
        : `<th scope="col" data-label>${escapeHtml(c.label)}</th>`,
    )
    .join('');
  const body = table.rows.map((row) => {
    const cls = row.className === undefined ? '' : ` class="${escapeHtml(row.className)}"`;
    const cells = row.cells.map((cell) => `<td>${cell}</td>`).join('');
    return `<tr${cls}><th scope="row" data-label>${escapeHtml(row.header)}</th>${cells}</tr>`;
  });
  return `<div class="table-scroll"><table>${caption}<thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}
