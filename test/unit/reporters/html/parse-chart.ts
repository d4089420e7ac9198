import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

/** A parsed element of a chart, as the browser's HTML parser reads it (SVG included). */
export type ChartNode = DefaultTreeAdapterMap['childNode'];
export type ChartElement = DefaultTreeAdapterMap['element'];

/** Parses the markup of a chart (or part of a page) as an HTML fragment. */
export function parseChart(html: string): DefaultTreeAdapterMap['documentFragment'] {
  return parseFragment(html);
}

function isElement(node: ChartNode | DefaultTreeAdapterMap['parentNode']): node is ChartElement {
  return 'tagName' in node;
}

/** Every element under a node, in document order. */
export function allElements(root: DefaultTreeAdapterMap['parentNode']): ChartElement[] {
  const out: ChartElement[] = [];
  const visit = (node: ChartNode | DefaultTreeAdapterMap['parentNode']): void => {
    if (isElement(node)) out.push(node);
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(root);
  return out;
}

/** An attribute's value, or undefined. */
export function attr(element: ChartElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** A numeric attribute (a coordinate); fails the test when it is missing. */
export function num(element: ChartElement, name: string): number {
  const value = attr(element, name);
  if (value === undefined) throw new Error(`<${element.tagName}> has no ${name}`);
  return Number(value);
}

/** Whether an element has a class. */
export function hasClass(element: ChartElement, cls: string): boolean {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(cls);
}

/** The elements of a tag name with a class. */
export function select(root: DefaultTreeAdapterMap['parentNode'], tag: string, cls?: string): ChartElement[] {
  return allElements(root).filter((e) => e.tagName === tag && (cls === undefined || hasClass(e, cls)));
}

/** The text content of a node. */
export function textOf(node: ChartNode | DefaultTreeAdapterMap['parentNode']): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** Every text node with its chain of ancestor elements (nearest last). */
export function textNodes(root: DefaultTreeAdapterMap['parentNode']): { text: string; ancestors: ChartElement[] }[] {
  const out: { text: string; ancestors: ChartElement[] }[] = [];
  const visit = (node: ChartNode | DefaultTreeAdapterMap['parentNode'], ancestors: ChartElement[]): void => {
    if (node.nodeName === '#text' && 'value' in node) out.push({ text: node.value, ancestors });
    const next = isElement(node) ? [...ancestors, node] : ancestors;
    if ('childNodes' in node) node.childNodes.forEach((child) => visit(child, next));
  };
  visit(root, []);
  return out;
}
