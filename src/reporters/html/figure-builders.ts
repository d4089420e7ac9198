import { formatCount, formatMoney, formatNumber, formatPercent, formatRatio } from '../figures.js';
import type { HtmlFigure } from './figure.js';

/*
 * Figures of the HTML report, one builder per kind of value: each keeps the JSON value and its
 * path, and spells the text with `figures.ts`, so the page shows exactly the JSON's figure. A
 * null value is `—` with the reason given (never 0).
 */

function unknown(path: string | null, reason: string | undefined): HtmlFigure {
  return reason === undefined ? { path, value: null, text: '—' } : { path, value: null, text: '—', reason };
}

/** A whole number: `5,500`. */
export function countFigure(path: string, value: number | null, reason?: string): HtmlFigure {
  return value === null ? unknown(path, reason) : { path, value, text: formatCount(value) };
}

/** A ratio such as a utilisation: `0.87`. */
export function ratioFigure(path: string, value: number | null, reason?: string, digits = 2): HtmlFigure {
  return value === null ? unknown(path, reason) : { path, value, text: formatRatio(value, digits) };
}

/** A fraction shown as a percentage: `32.3 %`. */
export function percentFigure(path: string, value: number | null, reason?: string): HtmlFigure {
  return value === null ? unknown(path, reason) : { path, value, text: formatPercent(value) };
}

/** A plain number with fixed decimals: `65.2`. */
export function numberFigure(path: string, value: number | null, digits: number, reason?: string): HtmlFigure {
  return value === null ? unknown(path, reason) : { path, value, text: formatNumber(value, digits) };
}

/** Hours, always in hours (one spelling, so the figure reads back as its JSON value): `22.3 h`. */
export function hoursFigure(path: string, value: number | null, reason?: string): HtmlFigure {
  return value === null ? unknown(path, reason) : { path, value, text: `${formatNumber(value, 1)} h` };
}

/** An amount of money, a decimal string in the JSON: `19,882.40 USD`. */
export function moneyFigure(path: string, value: string | null, currency: string | null, reason?: string): HtmlFigure {
  return value === null ? unknown(path, reason) : { path, value, text: formatMoney(value, currency) };
}

/** A constant of a chart (the 1.0 line): no path, it is not a figure of the report. */
export function constantFigure(value: number, text: string): HtmlFigure {
  return { path: null, value, text };
}

/** No figure at all where the chart has a slot (a week without items): `—` with the reason, no path. */
export function absentFigure(reason: string): HtmlFigure {
  return unknown(null, reason);
}
