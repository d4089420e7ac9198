import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

/** A parsed node of the page (parse5's default tree). */
export type PageNode = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
export type PageElement = DefaultTreeAdapterMap['element'];

/** The page as a parse5 tree. */
export function parsePage(html: string): DefaultTreeAdapterMap['document'] {
  return parse(html);
}

function childrenOf(node: PageNode): PageNode[] {
  return 'childNodes' in node ? (node.childNodes as PageNode[]) : [];
}

/** Every element under `node` (document order) that passes `test`. */
export function findAll(node: PageNode, test: (el: PageElement) => boolean): PageElement[] {
  const out: PageElement[] = [];
  const walk = (n: PageNode): void => {
    if ('tagName' in n && test(n)) out.push(n);
    // A <template>'s content is not part of the page's tree walk here (the page has none).
    for (const c of childrenOf(n)) walk(c);
  };
  walk(node);
  return out;
}

/** An attribute's value, or undefined. */
export function attr(el: PageElement, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** The text of a node and its descendants. */
export function textOf(node: PageNode): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return childrenOf(node).map(textOf).join('');
}

/** Every text node with its element ancestors (nearest last). */
export function textNodes(node: PageNode, ancestors: PageElement[] = []): { text: string; ancestors: PageElement[] }[] {
  if (node.nodeName === '#text') return [{ text: (node as DefaultTreeAdapterMap['textNode']).value, ancestors }];
  const next = 'tagName' in node ? [...ancestors, node] : ancestors;
  return childrenOf(node).flatMap((c) => textNodes(c, next));
}

/** The value at a JSON report path such as `constraint.stages[2].utilisation`. */
export function resolvePath(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}
