import { formatCount, formatPercent, formatRatio } from '../figures.js';
import { amount, figure, signed, signedMoney } from '../impact-phrases.js';
import { escapeHtml } from '../sanitize.js';
import type { HtmlFigure } from './figure.js';
import { renderFigure } from './figure.js';

/**
 * Figures of the impact page, each tied to its JSON path and formatted as the other impact
 * reporters format it (one minus sign, `±0` for no change). A null value keeps its reason.
 */

type Num = number | null;

function make(path: string, value: number | string | null, text: (v: never) => string, reason: string): HtmlFigure {
  return value === null ? { path, value, text: '—', reason } : { path, value, text: text(value as never) };
}

/** A count: `5,500`. */
export const countFigure = (path: string, v: Num, reason = 'not on this side'): HtmlFigure =>
  make(path, v, (n: number) => formatCount(n), reason);

/** A signed count change: `+149`, `±0`. */
export const countChangeFigure = (path: string, v: Num, reason = 'one side has no figure'): HtmlFigure =>
  make(path, v, (n: number) => signed(n), reason);

/** A ratio such as utilisation: `0.87`. */
export const ratioFigure = (path: string, v: Num, reason = 'no capacity declared'): HtmlFigure =>
  make(path, v, (n: number) => formatRatio(n), reason);

/** A signed ratio change: `+0.15`. */
export const ratioChangeFigure = (path: string, v: Num, reason = 'one side has no figure'): HtmlFigure =>
  make(path, v, (n: number) => signed(n, (x) => formatRatio(x)), reason);

/** A share as a percentage: `32.3 %`. */
export const percentFigure = (path: string, v: Num, reason = 'nothing decided'): HtmlFigure =>
  make(path, v, (n: number) => formatPercent(n), reason);

/** A change in % of the base: `−3.5 %`. */
export const percentChangeFigure = (path: string, v: Num, reason = 'the base is zero'): HtmlFigure =>
  make(path, v, (n: number) => `${signed(n, (x) => x.toFixed(1))} %`, reason);

/** A change of a share, in percentage points of the share's value: `−1.3 pts`. */
export const pointsFigure = (path: string, v: Num, reason = 'one side has no figure'): HtmlFigure =>
  make(path, v, (n: number) => `${signed(n * 100, (x) => x.toFixed(1))} pts`, reason);

/** A change already in percentage points: `−4.8 pts`. */
export const pointsValueFigure = (path: string, v: Num, reason = 'one side has no figure'): HtmlFigure =>
  make(path, v, (n: number) => `${signed(n, (x) => x.toFixed(1))} pts`, reason);

/** A plain number with digits: `65.21`. */
export const numberFigure = (path: string, v: Num, digits: number, reason = 'not on this side'): HtmlFigure =>
  make(path, v, (n: number) => formatRatio(n, digits), reason);

/** A quantity in its shortest form to two decimals: `75`, `37.5`. */
export const quantityFigure = (path: string, v: Num, reason = 'not on this side'): HtmlFigure =>
  make(path, v, (n: number) => figure(n, 2), reason);

/** An exact money amount from the report (decimal text): `19,882.40`. */
export const moneyFigure = (path: string, v: string | null, reason = 'not computed'): HtmlFigure =>
  make(path, v, (s: string) => amount(s), reason);

/** A signed money change: `−1,350.00`, `±0`. */
export const moneyChangeFigure = (path: string, v: string | null, reason = 'not computed'): HtmlFigure =>
  make(path, v, (s: string) => signedMoney(s), reason);

/**
 * `base → head`, or the one `—` and its reason when neither side has the figure (a stage with no
 * capacity on either side reads once, not twice).
 */
export function pairHtml(base: HtmlFigure, head: HtmlFigure): string {
  return base.value === null && head.value === null
    ? renderFigure(base)
    : `${renderFigure(base)} → ${renderFigure(head)}`;
}

/** Shorthand: the figure as HTML. */
export const show = renderFigure;

/**
 * A name, period or other text from the report (untrusted): escaped, and marked as a label, so
 * digits in it (`fy2026`, `2026-W03`) read as names rather than unlabelled figures.
 */
export function label(text: string): string {
  return `<span data-label>${escapeHtml(text)}</span>`;
}

/** A table whose cells are already HTML; the first column is the row's header. */
export function renderTable(headers: readonly string[], rows: readonly string[][], className = ''): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      ([first = '', ...rest]) => `<tr><th scope="row">${first}</th>${rest.map((c) => `<td>${c}</td>`).join('')}</tr>`,
    )
    .join('');
  const cls = className === '' ? '' : ` class="${escapeHtml(className)}"`;
  return `<div class="table-scroll"><table${cls}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
