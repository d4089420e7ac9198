import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

/**
 * A parsed HTML page for tests: the tree as a browser builds it (parse5, HTML and SVG alike), with
 * each node's line and column in the source so a failure can point at it.
 */

export type HtmlNode = DefaultTreeAdapterTypes.Node;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlText = DefaultTreeAdapterTypes.TextNode;
export type HtmlDocument = DefaultTreeAdapterTypes.Document;

/** Parses a whole page, keeping source locations. */
export function parseHtmlPage(html: string): HtmlDocument {
  return parse(html, { sourceCodeLocationInfo: true });
}

/** Whether the node is an element (HTML, SVG or MathML). */
export function isElement(node: HtmlNode): node is HtmlElement {
  return 'tagName' in node;
}

/** Whether the node is a text node. */
export function isText(node: HtmlNode): node is HtmlText {
  return node.nodeName === '#text';
}

/** The node's children, a `<template>`'s content included. */
export function childrenOf(node: HtmlNode): HtmlNode[] {
  if (!('childNodes' in node)) return [];
  const content = node.nodeName === 'template' && 'content' in node ? node.content.childNodes : [];
  return [...node.childNodes, ...content];
}

/** Every node under `root` (itself included), in document order. */
export function allNodes(root: HtmlNode): HtmlNode[] {
  const out: HtmlNode[] = [];
  const visit = (node: HtmlNode): void => {
    out.push(node);
    childrenOf(node).forEach(visit);
  };
  visit(root);
  return out;
}

/** Every element under `root`, in document order. */
export function allElements(root: HtmlNode): HtmlElement[] {
  return allNodes(root).filter(isElement);
}

/** An attribute's name as written: `xlink:href` for a prefixed one, `xmlns` (whose prefix parse5 keeps as ''). */
function nameOf(a: { name: string; prefix?: string }): string {
  return a.prefix === undefined || a.prefix === '' ? a.name : `${a.prefix}:${a.name}`;
}

/** An attribute's value (`xlink:href` by its prefixed name), or undefined when absent. */
export function attributeOf(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((a) => nameOf(a) === name)?.value;
}

/** The attribute names of an element, prefixed ones as `xlink:href`. */
export function attributeNames(element: HtmlElement): string[] {
  return element.attrs.map(nameOf);
}

/** The text a reader sees in a node: its text nodes joined (as `textContent`). */
export function textOf(node: HtmlNode): string {
  return allNodes(node)
    .filter(isText)
    .map((t) => t.value)
    .join('');
}

/** The element's ancestors, nearest first (the document excluded). */
export function ancestorsOf(node: HtmlNode): HtmlElement[] {
  const out: HtmlElement[] = [];
  let parent = 'parentNode' in node ? node.parentNode : null;
  while (parent !== null) {
    if (isElement(parent)) out.push(parent);
    parent = 'parentNode' in parent ? parent.parentNode : null;
  }
  return out;
}

/** `line 12, column 5` of a node in the source, or `unknown position`. */
export function positionOf(node: HtmlNode): string {
  const at = 'sourceCodeLocation' in node ? node.sourceCodeLocation : undefined;
  return at === undefined || at === null ? 'unknown position' : `line ${at.startLine}, column ${at.startCol}`;
}

/** A short start tag for a message: `<data data-path="…" data-value="…">` (long values cut). */
export function describeStartTag(element: HtmlElement): string {
  const attrs = element.attrs.map((a) => {
    const name = nameOf(a);
    const value = a.value.length > 80 ? `${a.value.slice(0, 80)}…` : a.value;
    return ` ${name}="${value}"`;
  });
  return `<${element.tagName}${attrs.join('')}>`;
}

/** Where an element sits: its start tag, position and the nearest ancestor with an id (`in #funnel`). */
export function describeElement(element: HtmlElement): string {
  const withId = ancestorsOf(element).find((a) => attributeOf(a, 'id') !== undefined);
  const place = withId === undefined ? '' : ` in <${withId.tagName} id="${attributeOf(withId, 'id') ?? ''}">`;
  return `${describeStartTag(element)} at ${positionOf(element)}${place}`;
}
