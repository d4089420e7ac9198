import { isMap, isScalar, isSeq } from 'yaml';
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
