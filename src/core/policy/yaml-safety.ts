import { isAlias, isCollection, isMap, isScalar, visit } from 'yaml';
import type { YAMLMap, YAMLSeq } from 'yaml';

type Collection = YAMLMap | YAMLSeq;
import type { Document } from 'yaml';
import type { Issue, PolicyIssueCode } from '../issue.js';
import { formatPath } from '../issue.js';
import { forbiddenPathSegments } from '../logic/operators.js';
import { findPropertyOffset } from './locate.js';
import type { Position } from './locate.js';
import { duplicateKeyHint } from './yaml-problems.js';

const allowedTags = new Set(['tag:yaml.org,2002:str']);
const forbiddenKeys: ReadonlySet<string> = new Set(forbiddenPathSegments);

/**
 * Rejects what YAML allows but policies must not use: tags, anchors, aliases, prototype keys,
 * and a key repeated in one mapping (one pass with a set per mapping: linear in its size).
 * Returns the offsets of the tags it reported, so the parser's own tag warnings are not repeated.
 */
export function checkNodes(
  doc: Document.Parsed,
  text: string,
  file: string,
  pos: (o: number) => Position,
  issues: Issue[],
): Set<number> {
  const tagged = new Set<number>();
  // The path is worked out only for a node that has a problem: most nodes have none.
  const push = (
    code: PolicyIssueCode,
    message: string,
    hint: string,
    offset: number,
    path: () => (string | number)[],
  ): void => {
    const p = pos(offset);
    issues.push({
      code,
      severity: 'error',
      message,
      hint,
      file,
      path: formatPath(path()),
      line: p.line,
      column: p.column,
    });
  };
  const indexes = new WeakMap<Collection, Map<unknown, number>>();
  const pathOf = (ancestors: readonly unknown[], node: unknown): (string | number)[] =>
    findPath(ancestors, node, indexes);
  // (A `Map` visitor would replace `Node` for mappings in yaml's visit, so this is called from `Node`.)
  const checkDuplicateKeys = (map: YAMLMap, ancestors: readonly unknown[]): void => {
    const first = new Map<string, number>();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      const offset = pair.key.range?.[0] ?? 0;
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, offset);
        continue;
      }
      const at = pos(earlier);
      push(
        'yaml.duplicate-key',
        `Key \`${name}\` is used twice in this mapping (first at ${at.line}:${at.column}).`,
        duplicateKeyHint,
        offset,
        () => [...pathOf(ancestors, map), name],
      );
    }
  };
  visit(doc, {
    Node(_key, node, ancestors) {
      const path = () => pathOf(ancestors, node);
      if (isMap(node)) checkDuplicateKeys(node, ancestors);
      const start = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        push(
          'yaml.alias',
          `Alias \`*${node.source}\` is not allowed in policies.`,
          'Write the value out in full instead of using anchors and aliases.',
          start,
          path,
        );
        return visit.SKIP;
      }
      if (node.anchor !== undefined) {
        const offset = findPropertyOffset(text, start, '&') ?? start;
        push(
          'yaml.anchor',
          `Anchor \`&${node.anchor}\` is not allowed in policies.`,
          'Remove the anchor; write repeated values out in full.',
          offset,
          path,
        );
      }
      if (node.tag !== undefined && !allowedTags.has(node.tag)) {
        const shown = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
        const offset = findPropertyOffset(text, start, '!') ?? start;
        tagged.add(offset);
        push(
          'yaml.tag',
          `Tag \`${shown}\` is not allowed in policies.`,
          'Remove the tag and write a plain value (quote it to make it a string).',
          offset,
          path,
        );
      }
      return undefined;
    },
    Pair(_key, pair, ancestors) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && forbiddenKeys.has(pair.key.value)) {
        const key = pair.key.value;
        push(
          'yaml.forbidden-key',
          `Key \`${key}\` is not allowed.`,
          'Rename the key; this name could alter object prototypes.',
          pair.key.range?.[0] ?? 0,
          () => [...pathOf(ancestors, undefined), key],
        );
      }
    },
  });
  return tagged;
}

/**
 * The data path of a node from the ancestor chain `visit` gives. Sequence positions come
 * from an index built once per sequence, so many problems in one long list stay linear.
 */
function findPath(
  ancestors: readonly unknown[],
  node: unknown,
  indexes: WeakMap<Collection, Map<unknown, number>>,
): (string | number)[] {
  const path: (string | number)[] = [];
  const chain = node === undefined ? ancestors : [...ancestors, node];
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1];
    const child = chain[i];
    if (isCollection(parent) && !isMap(parent)) {
      let index = indexes.get(parent);
      if (index === undefined) {
        index = new Map(parent.items.map((item, i) => [item, i]));
        indexes.set(parent, index);
      }
      path.push(index.get(child) ?? -1);
    } else if (child !== null && typeof child === 'object' && 'key' in child && 'value' in child) {
      const key = (child as { key: unknown }).key;
      if (isScalar(key)) path.push(String(key.value));
    }
  }
  return path;
}
