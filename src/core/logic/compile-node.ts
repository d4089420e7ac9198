import { isFastPath } from '../fast-path.js';
import { argumentDepth, argumentPath, classifyNode, freezeLiteral, isLiteral } from './node.js';
import { fieldReadOf } from './ops/data.js';
import { markSafe, markSafeIf } from './safety.js';
import type { CompileOptions, Evaluate, FieldRead, LogicPath } from './types.js';

/** Where a node is compiled: the options of the rule, and whether `var` reads an element. */
export interface CompileScope {
  options: CompileOptions;
  isScoped: boolean;
}

/**
 * Compiles one node of a rule into a closure. Literals become constants (shared, frozen);
 * operators are built by their registry entry from their compiled arguments; with a
 * coverage sink, each operator closure reports its path and result after it runs. With the
 * fast path off (see `fast-path.ts`), operators get no literal or fused field reads and
 * call their arguments, as while tracing.
 */
export function compileNode(rule: unknown, path: LogicPath, depth: number, scope: CompileScope): Evaluate {
  const node = classifyNode(rule, path, depth);
  if (node.kind === 'literal') {
    const value = freezeLiteral(node.value);
    return markSafe(() => value);
  }
  if (node.kind === 'array') {
    const items = node.items.map((item, i) => compileNode(item, [...path, i], depth + 1, scope));
    return markSafeIf((d) => items.map((item) => item(d)), items);
  }
  const { op, def, raw, isList } = node;
  const scopedArgs = new Set(def.scopedArgs ?? []);
  const sink = scope.options.coverage;
  const isFused = sink === undefined && isFastPath();
  const args: Evaluate[] = [];
  const literals: ({ value: unknown } | undefined)[] = [];
  const fields: (FieldRead | undefined)[] = [];
  raw.forEach((arg, i) => {
    const argScope = scopedArgs.has(i) && !scope.isScoped ? { ...scope, isScoped: true } : scope;
    const compiled = compileNode(arg, argumentPath(path, op, isList, i), argumentDepth(depth, isList), argScope);
    args.push(compiled);
    literals.push(isFastPath() && isLiteral(arg) ? { value: compiled(undefined) } : undefined);
    // With coverage, every `var` must run as its own node to be counted.
    fields.push(isFused ? fieldReadOf(arg, scope.options, argScope.isScoped) : undefined);
  });
  const evaluate = def.build({
    op,
    raw,
    args,
    literal: (i) => literals[i],
    field: (i) => fields[i],
    path,
    options: scope.options,
    isScoped: scope.isScoped,
  });
  if (sink === undefined) return evaluate;
  const at = Object.freeze([...path]);
  return (d) => {
    const value = evaluate(d);
    sink.hit(at, value);
    return value;
  };
}
