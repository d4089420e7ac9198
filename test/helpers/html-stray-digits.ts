import { normaliseSpace } from './displayed-number.js';
import { MARKERS, isFigure } from './html-figure-rules.js';
import type { FigureProblem } from './html-figure-rules.js';
import {
  allElements,
  allNodes,
  ancestorsOf,
  attributeOf,
  describeElement,
  isElement,
  isText,
  parseHtmlPage,
  positionOf,
  textOf,
} from './html-tree.js';
import type { HtmlNode } from './html-tree.js';

/**
 * The digits of a page outside its figures: every number a reader sees is a figure tied to the
 * JSON report, a label (name, period, date) or an axis tick.
 */

/** Attributes whose text a reader (or a screen reader) gets, so digits there follow the rule too. */
const TEXT_ATTRIBUTES = ['aria-label', 'aria-valuetext', 'aria-description', 'aria-roledescription', 'alt', 'title'];
const DIGIT = /\p{Nd}/u;

/** Whether a node sits inside a figure, a label or a tick (or inside style or script, which no one reads). */
function isCovered(node: HtmlNode): boolean {
  return ancestorsOf(node).some(
    (el) => ['style', 'script'].includes(el.tagName) || MARKERS.some((m) => attributeOf(el, m) !== undefined),
  );
}

function cut(text: string): string {
  const flat = normaliseSpace(text);
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat;
}

/** Every text a reader sees that holds a digit outside a figure (`data-path`/`data-value`), a `data-label` or a `data-tick`. */
export function findStrayDigits(html: string): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const marker = MARKERS.map((m) => `[${m}]`).join(', ');
  for (const node of allNodes(parseHtmlPage(html))) {
    if (isText(node) && DIGIT.test(node.value) && !isCovered(node)) {
      const parent = ancestorsOf(node)[0];
      const inside = parent === undefined ? '' : ` inside ${describeElement(parent)}`;
      problems.push({
        kind: 'stray-digit',
        message: `text "${cut(node.value)}" at ${positionOf(node)}${inside} has a digit outside any of ${marker}`,
      });
    }
    if (!isElement(node) || isCovered(node) || MARKERS.some((m) => attributeOf(node, m) !== undefined)) continue;
    for (const name of TEXT_ATTRIBUTES) {
      const value = attributeOf(node, name);
      if (value !== undefined && DIGIT.test(value))
        problems.push({
          kind: 'stray-digit',
          message: `attribute ${name}="${cut(value)}" of ${describeElement(node)} has a digit outside any of ${marker}`,
        });
    }
  }
  return problems;
}

/**
 * A label that reads as a figure (`0.87`, `1,234`, `9.7 %`, `−3`): names, periods and dates
 * (`2026-W03`, `2026-01-31`, `fy2026`) are labels; a number with decimals, thousands, a sign or
 * a percentage is a figure and needs its path.
 */
const FIGURE_LIKE = /^[−+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*%?$/u;
const LABEL_LIKE = /^\d+$/;

/** Every `[data-label]` whose whole text reads as a figure (a plain whole number such as a year is a label). */
export function findFiguresAsLabels(html: string): FigureProblem[] {
  return allElements(parseHtmlPage(html))
    .filter((el) => attributeOf(el, 'data-label') !== undefined && !isFigure(el))
    .flatMap((el) => {
      const text = normaliseSpace(textOf(el));
      return FIGURE_LIKE.test(text) && !LABEL_LIKE.test(text)
        ? [
            {
              kind: 'figure-as-label' as const,
              message: `label ${describeElement(el)} displays "${text}", a figure: give it its JSON path (data-path, data-value)`,
            },
          ]
        : [];
    });
}
