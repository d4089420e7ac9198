import { escapeHtml } from '../sanitize.js';

/**
 * Every figure on the HTML page says where it comes from: the JSON report's path of the value
 * (`constraint.stages[2].utilisation`) and the value itself, so a test can check each displayed
 * figure against the JSON report. A constant of the page (the 1.0 line of a utilisation chart)
 * has no path.
 */
export interface HtmlFigure {
  /** Path into the JSON report (dots and `[index]`); null for a constant of the chart. */
  path: string | null;
  /** The JSON value; null when the figure cannot be computed. */
  value: number | string | null;
  /** The displayed text (formatted by `figures.ts`); `—` when the value is null. */
  text: string;
  /** Why the value is null, shown beside the `—`. */
  reason?: string;
}

/** The attributes that tie a displayed figure to the JSON report (for `<data>` and SVG `<text>`). */
export function figureAttributes(figure: HtmlFigure): string {
  const path = figure.path === null ? '' : ` data-path="${escapeHtml(figure.path)}"`;
  const value = figure.value === null ? ' data-value=""' : ` data-value="${escapeHtml(String(figure.value))}"`;
  return `${path}${value}`;
}

/**
 * A figure in the page's text: `<data value>` with the displayed text, or `—` and its reason
 * when the value is unknown (never 0).
 */
export function renderFigure(figure: HtmlFigure): string {
  if (figure.value === null) {
    const reason = figure.reason === undefined ? '' : ` <span class="reason">(${escapeHtml(figure.reason)})</span>`;
    return `<span class="unknown"${figureAttributes(figure)}>—${reason}</span>`;
  }
  return `<data value="${escapeHtml(String(figure.value))}"${figureAttributes(figure)}>${escapeHtml(figure.text)}</data>`;
}
