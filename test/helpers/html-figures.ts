import { decimalOf, explainNumberMismatch, normaliseSpace } from './displayed-number.js';
import { isFigure } from './html-figure-rules.js';
import type { FigureProblem, FigureProblemKind } from './html-figure-rules.js';
import { findFiguresAsLabels, findStrayDigits } from './html-stray-digits.js';
import {
  allElements,
  ancestorsOf,
  attributeOf,
  describeElement,
  hasClass,
  isElement,
  isText,
  parseHtmlPage,
} from './html-tree.js';
import type { HtmlElement, HtmlNode } from './html-tree.js';
import { parseJsonPath, resolveJsonPath } from './json-path.js';

export type { FigureProblem, FigureProblemKind } from './html-figure-rules.js';
export { findFiguresAsLabels, findStrayDigits } from './html-stray-digits.js';

/**
 * The figure convention of the HTML report, checked on any page (README "The report", HTML):
 * every figure is an element with `data-path` (its JSON report path) and `data-value` (the
 * value), or a constant of the page with `data-value` alone; its value is the JSON's and its
 * text is that value rounded to the digits shown (`—` when the value is null). Any other digit
 * a reader sees sits inside `data-label` (a name, period or date from the report) or `data-tick`
 * (an axis tick).
 */

/** A figure found on the page. */
export interface PageFigure {
  element: HtmlElement;
  /** The JSON path; null for a constant of the page (`data-value` without `data-path`). */
  path: string | null;
  /** The `data-value` attribute (`""` for an unknown value). */
  dataValue: string | undefined;
  /** The displayed text, white space collapsed, a null figure's reason left out. */
  text: string;
}

export interface FigureCheckOptions {
  /** The values a figure without a path may have (the constants of the page's charts); default `[1]` (the limit line). */
  constants?: readonly number[];
}

/** An unknown value as displayed: `—`, its reason in parentheses after it or in a `.reason` element. */
const UNKNOWN = /^—( \(.*\))?$/u;

/** The text of a figure, without the reason of an unknown value. */
function figureText(element: HtmlElement): string {
  const parts: string[] = [];
  const visit = (node: HtmlNode): void => {
    if (isText(node)) parts.push(node.value);
    else if (!isElement(node) || !hasClass(node, 'reason'))
      ('childNodes' in node ? node.childNodes : []).forEach(visit);
  };
  element.childNodes.forEach(visit);
  return normaliseSpace(parts.join(''));
}

/** Every figure of the page, HTML and SVG, in document order. */
export function collectFigures(html: string): PageFigure[] {
  return allElements(parseHtmlPage(html))
    .filter(isFigure)
    .map((element) => ({
      element,
      path: attributeOf(element, 'data-path') ?? null,
      dataValue: attributeOf(element, 'data-value'),
      text: figureText(element),
    }));
}

/** Why a figure's attributes and text disagree with the JSON value, or nothing. */
function checkValue(figure: PageFigure, value: unknown, keys: readonly string[]): FigureProblem[] {
  const { dataValue, text, element } = figure;
  const problems: FigureProblem[] = [];
  const shown = `data-value "${dataValue ?? '(missing)'}", displayed "${text}"`;
  const say = (kind: FigureProblemKind, why: string): void => {
    problems.push({ kind, message: `${why}; ${shown}` });
  };
  const json = JSON.stringify(value);
  const dataAttribute = element.tagName === 'data' ? attributeOf(element, 'value') : undefined;
  if (dataAttribute !== undefined && dataAttribute !== dataValue)
    say('value-mismatch', `its <data value="${dataAttribute}"> differs from its data-value`);
  if (value === null) {
    if (dataValue !== '') say('value-mismatch', `the JSON value is null but the data-value is not empty`);
    if (!UNKNOWN.test(text))
      say('text-mismatch', `the JSON value is null, so the page must show "—" (and its reason), not "${text}"`);
    return problems;
  }
  if (typeof value !== 'number' && typeof value !== 'string')
    return [
      { kind: 'not-a-figure-value', message: `the JSON value is ${json}, not a number, a string or null; ${shown}` },
    ];
  const valueMatches =
    typeof value === 'number' ? dataValue !== '' && Number(dataValue) === value : dataValue === value;
  if (!valueMatches) say('value-mismatch', `data-value is not the JSON value ${json}`);
  const decimal = decimalOf(value);
  if (decimal === undefined) {
    if (text !== value) say('text-mismatch', `the displayed text is not the JSON string ${json}`);
    return problems;
  }
  const mismatch = explainNumberMismatch(text, decimal, keys);
  if (mismatch !== undefined) say('text-mismatch', mismatch);
  return problems;
}

/** The object keys of a path (`timeInStageHours.median` → both), for the display scale. */
function keysOf(path: string): string[] {
  try {
    return parseJsonPath(path).flatMap((s) => ('key' in s ? [s.key] : []));
  } catch {
    return [];
  }
}

/**
 * Checks every figure of the page against the JSON report of the same run: the path exists,
 * the value is the JSON's, the text is that value rounded to the digits shown, no figure sits
 * inside another, and a figure without a path is one of the allowed constants.
 */
export function checkFigures(html: string, report: unknown, options: FigureCheckOptions = {}): FigureProblem[] {
  const constants = options.constants ?? [1];
  const problems: FigureProblem[] = [];
  for (const figure of collectFigures(html)) {
    const where = `figure ${describeElement(figure.element)}`;
    const add = (list: FigureProblem[]): void => {
      for (const p of list) problems.push({ kind: p.kind, message: `${where}: ${p.message}` });
    };
    const outer = ancestorsOf(figure.element).find(isFigure);
    if (outer !== undefined)
      add([{ kind: 'nested-figure', message: `it sits inside another figure, ${describeElement(outer)}` }]);
    if (figure.path === null) {
      const value = Number(figure.dataValue);
      if (figure.dataValue === '' || !constants.includes(value))
        add([
          {
            kind: 'unexpected-constant',
            message: `it has no data-path and its data-value "${figure.dataValue ?? ''}" is not an allowed constant (${constants.join(', ')}): a figure from the report needs its JSON path`,
          },
        ]);
      else add(checkValue(figure, value, []));
      continue;
    }
    const resolved = resolveJsonPath(report, figure.path);
    if (!resolved.found) {
      add([
        {
          kind: 'unknown-path',
          message: `path "${figure.path}" does not exist in the JSON report: ${resolved.reason}; data-value "${figure.dataValue ?? '(missing)'}", displayed "${figure.text}"`,
        },
      ]);
      continue;
    }
    add(
      checkValue(figure, resolved.value, keysOf(figure.path)).map((p) => ({
        kind: p.kind,
        message: `at path "${figure.path}": ${p.message}`,
      })),
    );
  }
  return problems;
}

/** Both checks: the figures against the JSON report, and no stray digit. */
export function checkHtmlFigures(html: string, report: unknown, options: FigureCheckOptions = {}): FigureProblem[] {
  return [...checkFigures(html, report, options), ...findStrayDigits(html), ...findFiguresAsLabels(html)];
}

/**
 * Throws, listing every problem, unless the page follows the figure convention against the
 * JSON report of the same run; returns the figures it checked.
 */
export function expectHtmlFigures(html: string, report: unknown, options: FigureCheckOptions = {}): PageFigure[] {
  const problems = checkHtmlFigures(html, report, options);
  if (problems.length > 0) {
    const shown = problems.slice(0, 60).map((p) => `- [${p.kind}] ${p.message}`);
    const more = problems.length > 60 ? [`- … and ${problems.length - 60} more`] : [];
    throw new Error(`${problems.length} figure problem(s) on the page:\n${[...shown, ...more].join('\n')}`);
  }
  return collectFigures(html);
}
