import { isCollection, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Document, LineCounter, Node as YamlNode } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

/**
 * Finds where a data path sits in the YAML source. `at: 'key'` points at the key of the
 * last segment (for unknown or misspelt properties); a path that does not exist resolves
 * to its deepest existing ancestor (for missing required properties).
 */
export function locatePath(
  doc: Document.Parsed | undefined,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
  at: 'value' | 'key' = 'value',
): Position {
  if (doc === undefined) return { line: 0, column: 0 };
  let node: YamlNode | null | undefined = doc.contents;
  let keyNode: YamlNode | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined) break;
      keyNode = pair.key as YamlNode;
      node = pair.value as YamlNode | null;
      if (node === null) {
        node = keyNode;
        break;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as YamlNode | undefined;
      if (item === undefined) break;
      keyNode = undefined;
      node = item;
    } else {
      break;
    }
  }
  const target = at === 'key' && keyNode !== undefined ? keyNode : node;
  const offset = target?.range?.[0] ?? 0;
  const p = lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

/** Splits an ajv/RFC 6901 instance path (`/spec/stages/0`) into segments; digits become indexes. */
export function splitPointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/**
 * Where a node's tag (`!`) or anchor (`&`) starts. A node's range begins at its value; its
 * properties sit just before it, in either order. Undefined when they cannot be found that
 * way (a comment between them and the value), and callers fall back to the value.
 */
export function findPropertyOffset(text: string, valueStart: number, marker: '!' | '&'): number | undefined {
  let end = valueStart;
  for (let property = 0; property < 2; property++) {
    while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
    let start = end;
    if (text[end - 1] === '>') {
      start = text.lastIndexOf('!<', end);
      if (start < 0) return undefined;
    } else {
      while (start > 0 && !/[\s,[{]/.test(text[start - 1] ?? '')) start--;
    }
    if (start === end) return undefined;
    if (text[start] === marker) return start;
    if (text[start] !== '!' && text[start] !== '&') return undefined;
    end = start;
  }
  return undefined;
}

/** The opening bracket of the innermost flow collection, starting before `before`, that has no closing bracket. */
export function findUnclosedFlow(
  doc: Document.Parsed,
  text: string,
  isSequence: boolean,
  before: number,
  used: ReadonlySet<number>,
): number | undefined {
  const close = isSequence ? ']' : '}';
  let found: number | undefined;
  visit(doc, {
    Node(_key, node) {
      if (!isCollection(node) || node.flow !== true || isSeq(node) !== isSequence || node.range === undefined || node.range === null) return;
      const [start, end] = node.range;
      if (start < before && !used.has(start) && text[end - 1] !== close) found = start;
    },
  });
  return found;
}

/** The opening quote of the quoted value that runs on to where the parser reported the missing quote. */
export function findUnclosedQuote(doc: Document.Parsed, quote: string, at: number): number | undefined {
  const type = quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (node.type === type && range !== undefined && range !== null && range[0] < at && range[1] >= at) found = range[0];
    },
  });
  return found;
}

/** The name of the repeated key at `offset`, and where that key first appears in the same mapping. */
export function findDuplicateKey(doc: Document.Parsed, offset: number): { name: string; firstOffset: number } | undefined {
  let found: { name: string; firstOffset: number } | undefined;
  visit(doc, {
    Map(_key, map) {
      const keys = map.items.map((pair) => (isScalar(pair.key) ? pair.key : undefined));
      const index = keys.findIndex((key) => key?.range?.[0] === offset);
      const name = keys[index]?.value;
      if (index < 0 || name === undefined) return undefined;
      const first = keys.find((key) => key !== undefined && String(key.value) === String(name));
      if (first?.range !== undefined && first.range !== null) found = { name: String(name), firstOffset: first.range[0] };
      return visit.BREAK;
    },
  });
  return found;
}
