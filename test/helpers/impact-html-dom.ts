import { parse } from 'parse5';

/** A parse5 element or text node, as far as these checks read it. */
interface DomNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: DomNode[];
  content?: DomNode;
}

/** One element of a parsed page: its tag, attributes, text and the attributes of its ancestors. */
export interface PageElement {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

/** A text node with digits, whether an ancestor labels it a figure, a label or a tick, and whether it is in a chart's figure. */
export interface DigitText {
  text: string;
  isTagged: boolean;
  isInChart: boolean;
}

function textOf(node: DomNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

/** Parses a page (as a browser does) into its elements and the text nodes that hold digits. */
export function readPage(html: string): { elements: PageElement[]; digitTexts: DigitText[] } {
  const elements: PageElement[] = [];
  const digitTexts: DigitText[] = [];
  const walk = (node: DomNode, isTagged: boolean, isHidden: boolean, isInChart: boolean): void => {
    if (node.nodeName === '#text') {
      if (!isHidden && /\d/.test(node.value ?? '')) digitTexts.push({ text: node.value ?? '', isTagged, isInChart });
      return;
    }
    let [tagged, hidden, inChart] = [isTagged, isHidden, isInChart];
    if (node.tagName !== undefined) {
      const attrs = Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value]));
      elements.push({ tag: node.tagName, attrs, text: textOf(node) });
      // A figure has a path; a constant of a chart (the 1.0 line) only its value.
      tagged ||= ['data-path', 'data-value', 'data-label', 'data-tick'].some((name) => name in attrs);
      hidden ||= node.tagName === 'style' || node.tagName === 'head';
      inChart ||= node.tagName === 'figure';
    }
    for (const child of node.childNodes ?? []) walk(child, tagged, hidden, inChart);
    if (node.content !== undefined) walk(node.content, tagged, hidden, inChart);
  };
  walk(parse(html) as unknown as DomNode, false, false, false);
  return { elements, digitTexts };
}

/** The value at a JSON path such as `stages[2].utilisation.base` (undefined when the path leads nowhere). */
export function resolvePath(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}
