import { expect } from 'vitest';
import { allElements, hasClass, numberAttributeOf, selectElements, textOf } from '../../../helpers/html-tree.js';
import type { HtmlElement, HtmlNode } from '../../../helpers/html-tree.js';

/** The x (or y) of the grid or axis line a chart draws at a tick's text; fails the test when there is no such tick. */
export function tickLine(root: HtmlNode, tickText: string, along: 'x' | 'y'): number {
  const index = selectElements(root, 'text', 'tick').findIndex((t) => textOf(t) === tickText);
  expect(index, `tick ${tickText}`).toBeGreaterThanOrEqual(0);
  const lines = allElements(root).filter((e) => e.tagName === 'line' && (hasClass(e, 'grid') || hasClass(e, 'axis')));
  return numberAttributeOf(lines[index] as HtmlElement, along === 'x' ? 'x1' : 'y1');
}
