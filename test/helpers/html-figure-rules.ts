import { attributeOf } from './html-tree.js';
import type { HtmlElement } from './html-tree.js';

/** The kinds of problem the figure checks report, and what marks a figure, a label or a tick. */

/** What is wrong with the page, one kind per rule. */
export type FigureProblemKind =
  | 'unknown-path'
  | 'not-a-figure-value'
  | 'value-mismatch'
  | 'text-mismatch'
  | 'nested-figure'
  | 'unexpected-constant'
  | 'stray-digit'
  | 'figure-as-label';

/** One broken rule, with a message that names the element, the path, the values and the text. */
export interface FigureProblem {
  kind: FigureProblemKind;
  message: string;
}

/** The attributes that allow digits in an element's text: a figure, a constant, a label, a tick. */
export const MARKERS = ['data-path', 'data-value', 'data-label', 'data-tick'];

/** Whether the element is a figure (from the report, or a constant of the page). */
export const isFigure = (el: HtmlElement): boolean =>
  attributeOf(el, 'data-path') !== undefined || attributeOf(el, 'data-value') !== undefined;
