import { parse, parseFragment } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

/**
 * A parsed HTML page for tests: the tree as a browser builds it (parse5, HTML and SVG alike), with
 * each node's line and column in the source so a failure can point at it.
 */

export type HtmlNode = DefaultTreeAdapterTypes.Node;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlText = DefaultTreeAdapterTypes.TextNode;
export type HtmlDocument = DefaultTreeAdapterTypes.Document;
export type HtmlFragment = DefaultTreeAdapterTypes.DocumentFragment;

/** Parses a whole page, keeping source locations. */
export function parseHtmlPage(html: string): HtmlDocument {
  return parse(html, { sourceCodeLocationInfo: true });
}

/** Parses part of a page (a chart, a section) as the body of a page would hold it, keeping source locations. */
export function parseHtmlFragment(html: string): HtmlFragment {
  return parseFragment(html, { sourceCodeLocationInfo: true });
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

/** A numeric attribute (a coordinate); throws, failing the test, when it is missing. */
export function numberAttributeOf(element: HtmlElement, name: string): number {
  const value = attributeOf(element, name);
  if (value === undefined) throw new Error(`<${element.tagName}> has no ${name}`);
  return Number(value);
}

/** Whether the element's `class` lists `name`. */
export function hasClass(element: HtmlElement, name: string): boolean {
  return (attributeOf(element, 'class') ?? '').split(/\s+/).includes(name);
}

/** The elements under `root` (itself included) of a tag name, and with a class when one is given. */
export function selectElements(root: HtmlNode, tag: string, className?: string): HtmlElement[] {
  return allElements(root).filter((e) => e.tagName === tag && (className === undefined || hasClass(e, className)));
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

/** A text node's text with the elements it sits in under the root of the walk, outermost first, nearest last. */
export interface TextInContext {
  text: string;
  ancestors: HtmlElement[];
}

/** Every text node under `root`, in document order, with its ancestors from `root` (itself included) down. */
export function textNodesOf(root: HtmlNode): TextInContext[] {
  const out: TextInContext[] = [];
  const visit = (node: HtmlNode, ancestors: HtmlElement[]): void => {
    if (isText(node)) out.push({ text: node.value, ancestors });
    const next = isElement(node) ? [...ancestors, node] : ancestors;
    childrenOf(node).forEach((child) => visit(child, next));
  };
  visit(root, []);
  return out;
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
