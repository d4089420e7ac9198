import type { Decimal } from 'decimal.js';
import { isScalar, parseDocument } from 'yaml';
import { UsageError } from '../errors.js';
import type { PolicySource } from '../policy/load.js';
import { safeYamlOptions } from '../policy/parse.js';
import type { Policy, PolicySet } from '../policy/types.js';
import { NUMBER } from './sweep-path.js';
import type { PathStep, SweepSpec } from './sweep-path.js';

/** The policy a sweep path resolved to, and the concrete YAML path (indexes for list items) of the value. */
export interface SweepTarget {
  policy: Policy;
  /** Keys and list indexes from the document root. */
  yamlPath: (string | number)[];
  /** The value there in the head: a number, a decimal text, or null when the key is absent. */
  current: number | string | null;
}

/** The path's steps as text, for messages. */
function describeSteps(steps: readonly PathStep[]): string {
  return steps
    .map((s, i) =>
      s.type === 'key'
        ? `${i === 0 ? '' : '.'}${s.key}`
        : s.type === 'index'
          ? `[${s.index}]`
          : `[${s.key}=${s.value}]`,
    )
    .join('');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Walks a document along the steps: the YAML path of the value and the value, or why it does not
 * lead to a number there. The last key may be absent (the sweep then adds it).
 */
export function walkSweepPath(
  doc: unknown,
  steps: readonly PathStep[],
): { yamlPath: (string | number)[]; current: number | string | null } | { error: string; depth: number } {
  let node: unknown = doc;
  const yamlPath: (string | number)[] = [];
  for (const [i, step] of steps.entries()) {
    const where = describeSteps(steps.slice(0, i)) || 'the document';
    const isLast = i === steps.length - 1;
    if (step.type === 'key') {
      if (node === null || typeof node !== 'object' || Array.isArray(node))
        return { error: `${where} is ${describeValue(node)}, not a mapping`, depth: i };
      yamlPath.push(step.key);
      const has = Object.hasOwn(node, step.key);
      const next = has ? (node as Record<string, unknown>)[step.key] : undefined;
      if (!has && !isLast) return { error: `${where} has no ${step.key}`, depth: i };
      node = next;
      continue;
    }
    if (!Array.isArray(node)) return { error: `${where} is ${describeValue(node)}, not a list`, depth: i };
    let index: number;
    if (step.type === 'index') {
      if (step.index >= node.length)
        return { error: `${where} has ${node.length} items, no [${step.index}]`, depth: i };
      index = step.index;
    } else {
      const hits = node.flatMap((item: unknown, at) =>
        item !== null && typeof item === 'object' && String((item as Record<string, unknown>)[step.key]) === step.value
          ? [at]
          : [],
      );
      if (hits.length !== 1)
        return {
          error: `${hits.length === 0 ? 'no' : hits.length} items of ${where} have ${step.key}=${step.value}`,
          depth: i,
        };
      index = hits[0] as number;
    }
    yamlPath.push(index);
    node = node[index];
  }
  if (node === undefined) return { yamlPath, current: null };
  if (typeof node === 'number' || (typeof node === 'string' && NUMBER.test(node))) return { yamlPath, current: node };
  return { error: `${describeSteps(steps)} holds ${describeValue(node)}, not a number`, depth: steps.length };
}

const label = (p: Policy): string => `${p.kind}/${p.metadata.name} (${p.file})`;

/**
 * Finds the one head policy document the path leads to a number in: the named one, else the
 * only one of all the head's documents. Zero or several matches are usage errors naming them.
 */
export function resolveSweepTarget(set: PolicySet, spec: SweepSpec): SweepTarget {
  const candidates = (Object.values(set) as Policy[][])
    .flat()
    .filter(
      (p) => (spec.kind === null || p.kind === spec.kind) && (spec.name === null || p.metadata.name === spec.name),
    );
  const named = spec.kind === null ? '' : `${spec.kind}${spec.name === null ? '' : `/${spec.name}`}`;
  if (candidates.length === 0) throw new UsageError(`--sweep: the head has no ${named} policy.`);
  const found: SweepTarget[] = [];
  const misses: { text: string; depth: number }[] = [];
  for (const policy of candidates) {
    const walked = walkSweepPath({ metadata: policy.metadata, spec: policy.spec }, spec.steps);
    if ('error' in walked) misses.push({ text: `${label(policy)}: ${walked.error}`, depth: walked.depth });
    else found.push({ policy, ...walked });
  }
  if (found.length === 1) return found[0] as SweepTarget;
  if (found.length === 0) {
    // Say why for the documents the path went deepest into; listing every other kind helps no one.
    const deepest = Math.max(...misses.map((m) => m.depth));
    const shown = misses
      .filter((m) => m.depth === deepest && (deepest > 1 || spec.kind !== null))
      .slice(0, 5)
      .map((m) => m.text);
    throw new UsageError(
      `--sweep: the path ${spec.path} matches no ${named === '' ? 'policy document of the head' : named}${shown.length > 0 ? `: ${shown.join('; ')}` : ''}.`,
    );
  }
  throw new UsageError(
    `--sweep: the path ${spec.path} matches ${found.length} documents: ${found
      .slice(0, 5)
      .map((t) => label(t.policy))
      .join(', ')}; name one, e.g. ${found[0]?.policy.kind}/${found[0]?.policy.metadata.name}:${spec.path}=….`,
  );
}

/** The value as the document holds it: a decimal text where the head writes one (money), else a number. */
export function typedSweepValue(target: SweepTarget, value: Decimal): number | string {
  return typeof target.current === 'string' ? value.toFixed() : value.toNumber();
}

/**
 * The head's policy files with the target's value set to `value`, to be validated again like any
 * head. An existing value is replaced in the text itself, so every other byte and every line
 * number stays the user's; an absent key is added by yaml (the file is re-written, comments kept).
 */
export function applySweepValue(sources: readonly PolicySource[], target: SweepTarget, value: Decimal): PolicySource[] {
  return sources.map((source) => {
    if (source.file !== target.policy.file) return source;
    const text = new TextDecoder().decode(source.bytes).replace(/^\uFEFF/, '');
    const doc = parseDocument(text, safeYamlOptions);
    const typed = typedSweepValue(target, value);
    const node = doc.getIn(target.yamlPath, true);
    let changed: string;
    if (isScalar(node) && node.range != null) {
      const literal = typeof typed === 'string' ? JSON.stringify(typed) : value.toFixed();
      changed = text.slice(0, node.range[0]) + literal + text.slice(node.range[1]);
    } else {
      doc.setIn(target.yamlPath, typed);
      changed = doc.toString();
    }
    return { file: source.file, bytes: new TextEncoder().encode(changed) };
  });
}
