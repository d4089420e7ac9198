import { compileNode } from './compile-node.js';
import { LogicCompileError } from './errors.js';
import { argumentDepth, argumentPath, classifyNode } from './node.js';
import { failure } from './safety.js';
import type { CompileOptions, Evaluate, LogicPath, TraceNode } from './types.js';

/** A node that was never evaluated: its operator (or `value`), no value, not expanded. */
function skippedNode(rule: unknown, path: LogicPath): TraceNode {
  const isOperator = rule !== null && typeof rule === 'object' && !Array.isArray(rule);
  return {
    path,
    op: isOperator ? (Object.keys(rule)[0] ?? 'value') : Array.isArray(rule) ? 'array' : 'value',
    value: undefined,
    args: [],
    isSkipped: true,
  };
}

/** Interprets one node, recording every evaluated argument. Slow by design; rules compile for speed. */
function traceNode(
  rule: unknown,
  path: LogicPath,
  depth: number,
  options: CompileOptions,
  isScoped: boolean,
  data: unknown,
): TraceNode {
  const node = classifyNode(rule, path, depth);
  if (node.kind === 'literal') return { path, op: 'value', value: node.value, args: [] };
  if (node.kind === 'array') {
    const items = node.items.map((item, i) => traceNode(item, [...path, i], depth + 1, options, isScoped, data));
    return { path, op: 'array', value: items.map((item) => item.value), args: items };
  }
  const { op, def, raw, isList } = node;
  const literalArgs = new Set(def.literalArgs ?? []);
  const recorded: TraceNode[][] = raw.map(() => []);
  const args: Evaluate[] = raw.map((arg, i) => {
    const argPath = argumentPath(path, op, isList, i);
    if (literalArgs.has(i)) return () => arg;
    const argScoped = isScoped || (def.scopedArgs ?? []).includes(i);
    return (d) => {
      const child = traceNode(arg, argPath, argumentDepth(depth, isList), options, argScoped, d);
      recorded[i]?.push(child);
      return child.value;
    };
  });
  const evaluate = def.build({
    op,
    raw,
    args,
    literal: () => undefined,
    field: () => undefined,
    path,
    options,
    isScoped,
  });
  let value: unknown;
  try {
    value = evaluate(data);
  } catch (error) {
    if (error instanceof LogicCompileError) throw error;
    throw failure(op, error, path);
  }
  const argNodes = raw.flatMap((arg, i): TraceNode[] => {
    const argPath = argumentPath(path, op, isList, i);
    if (literalArgs.has(i)) return [{ path: argPath, op: 'value', value: arg, args: [] }];
    const seen = recorded[i] ?? [];
    return seen.length > 0 ? seen : [skippedNode(arg, argPath)];
  });
  return { path, op, value, args: argNodes };
}

/**
 * Evaluates a rule on one row and returns every node with its value, for `revops
 * explain`. Same results as `compileRule`; throws `LogicCompileError` for a rule that does
 * not compile and `RuleEvaluationError` (with the failing clause's path) for a row it fails on.
 */
export function traceRule(rule: unknown, data: unknown, options: CompileOptions = {}): TraceNode {
  const base = [...(options.path ?? [])];
  // The trace is the record; a coverage sink is not called.
  const quiet: CompileOptions = { ...options, coverage: undefined };
  // Compiling first refuses the whole rule, including branches this row never reaches.
  compileNode(rule, base, 1, { options: quiet, isScoped: false });
  return traceNode(rule, base, 1, quiet, false, data);
}
