import { isCollection, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Document, LineCounter, Node as YamlNode, Pair, YAMLMap } from 'yaml';

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
      const pair = findPair(node, segment);
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

const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * The first pair of `map` whose scalar key reads `key`. The map's keys are indexed on first
 * use, so locating many issues in one large mapping stays linear.
 */
export function findPair(map: YAMLMap, key: string | number): Pair | undefined {
  let index = pairIndexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!index.has(name)) index.set(name, pair as Pair);
    }
    pairIndexes.set(map, index);
  }
  return index.get(String(key));
}

/** The node at a data path (scalar keys and sequence indexes), or undefined. */
export function findNode(doc: Document.Parsed | undefined, path: readonly (string | number)[]): unknown {
  let node: unknown = doc?.contents;
  for (const segment of path) {
    if (isMap(node)) node = findPair(node, segment)?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
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
      if (
        !isCollection(node) ||
        node.flow !== true ||
        isSeq(node) !== isSequence ||
        node.range === undefined ||
        node.range === null
      )
        return;
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
      if (node.type === type && range !== undefined && range !== null && range[0] < at && range[1] >= at)
        found = range[0];
    },
  });
  return found;
}
