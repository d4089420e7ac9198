import { isFastPath } from '../fast-path.js';
import { compileNode } from './compile-node.js';
import { RuleEvaluationError } from './errors.js';
import { RuleGenerator } from './generate.js';
import { isNumericField } from './ops/data.js';
import { isSafe } from './safety.js';
import { traceRule } from './trace.js';
import type { CompileOptions, CompiledRule, LogicPath } from './types.js';

export { listClauses, walkRule } from './clauses.js';
export type { OperatorVisit } from './clauses.js';
export { createBusinessCalendar } from './business-time.js';
export { LogicCompileError, RuleEvaluationError, formatLogicPath } from './errors.js';
export type { LogicCompileErrorKind, RuleEvaluationErrorKind } from './errors.js';
export { toInstant } from './instants.js';
export { allowedOperators, operatorDescriptions } from './operators.js';
export type { OperatorName } from './operators.js';
export { traceRule } from './trace.js';
export { truthy } from './values.js';
export type { BusinessCalendar, CompileOptions, CompiledRule, CoverageSink, LogicPath, TraceNode } from './types.js';

/**
 * Turns a failure inside a compiled rule into a `RuleEvaluationError` at the failing
 * clause. Operators that know their clause throw one already; for a JavaScript error
 * (e.g. a value that cannot be converted to a number) the row is re-run through the
 * interpreter, which stops at the exact node, so the fast path carries no bookkeeping.
 */
function locateFailure(error: unknown, rule: unknown, data: unknown, options: CompileOptions): RuleEvaluationError {
  if (error instanceof RuleEvaluationError) return error;
  try {
    traceRule(rule, data, options);
  } catch (traced) {
    if (traced instanceof RuleEvaluationError) return traced;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RuleEvaluationError('evaluation', `the rule failed: ${message}`, [...(options.path ?? [])], {
    cause: error,
  });
}

/**
 * Compiles a JSON Logic rule once; the result evaluates rows with the semantics of
 * json-logic-js 2.0.5, plus the domain operators of this product. Each node becomes a
 * closure; the common shapes are also generated as JavaScript (see `generate.ts`: no
 * string from the policy becomes source text), which runs on plain rows and hands over to
 * the closures for anything else (only the closures with the fast path off, see
 * `fast-path.ts`). Throws `LogicCompileError` for a rule that is not allowed; the compiled
 * rule throws only `RuleEvaluationError`.
 */
export function compileRule(rule: unknown, options: CompileOptions = {}): CompiledRule {
  const closures = compileClosures(rule, options);
  if (options.coverage !== undefined || !isFastPath()) return closures;
  const generator = createGenerator(options);
  generator.addRule(rule, [...(options.path ?? [])]);
  return generator.generatedNodes === 0 ? closures : (generator.build(closures) ?? closures);
}

/** Every node as a closure, the root wrapped so that a failure names its clause. */
function compileClosures(rule: unknown, options: CompileOptions): CompiledRule {
  const root = compileNode(rule, [...(options.path ?? [])], 1, { options, isScoped: false });
  if (isSafe(root)) return root as CompiledRule;
  return (data) => {
    try {
      return root(data);
    } catch (error) {
      throw locateFailure(error, rule, data, options);
    }
  };
}

/** A generator of code for rules compiled with `options` (exported for tests of what it emits). */
export function createGenerator(options: CompileOptions): RuleGenerator {
  const types = options.fieldTypes;
  return new RuleGenerator({ isNumeric: (key) => isNumericField(types, key) }, (rule, path, depth) =>
    compileNode(rule, path, depth, { options, isScoped: false }),
  );
}

/** Rules compiled together, so that each row's fields are read once for all of them. */
export interface CompiledRuleSet {
  /** The rules, in order; each also evaluates on its own exactly as `compileRule` would compile it. */
  readonly rules: readonly CompiledRule[];
  /**
   * Every rule on one row, in order, into `out` (a new array when omitted). A rule that
   * fails on the row gives its `RuleEvaluationError` as its result, so a caller that never
   * looks at that rule for this row is not stopped by it.
   */
  evaluate(row: Readonly<Record<string, unknown>>, out?: unknown[]): unknown[];
}

/**
 * Compiles rules that are evaluated on the same rows, e.g. every rule of a lead definition.
 * Results are those of `compileRule` for each rule (paths per rule: `paths[i]`, else
 * `options.path`); on plain rows one generated function evaluates them all, reading each
 * field once (rows are data: reading a field has no effect, so reading it early or once
 * changes nothing).
 */
export function compileRuleSet(
  rules: readonly unknown[],
  options: CompileOptions = {},
  paths: readonly (LogicPath | undefined)[] = [],
): CompiledRuleSet {
  const pathOf = (i: number): LogicPath => [...(paths[i] ?? options.path ?? [])];
  const compiled = rules.map((rule, i) => compileRule(rule, { ...options, path: pathOf(i) }));
  const eachRule = (row: Readonly<Record<string, unknown>>, out: unknown[]): unknown[] => {
    for (let i = 0; i < compiled.length; i++) {
      try {
        out[i] = (compiled[i] as CompiledRule)(row);
      } catch (error) {
        out[i] = locateFailure(error, rules[i], row, { ...options, path: pathOf(i) });
      }
    }
    return out;
  };
  let together: ((row: Readonly<Record<string, unknown>>, out: unknown[]) => unknown[]) | undefined;
  if (options.coverage === undefined && rules.length > 0 && isFastPath()) {
    const generator = createGenerator(options);
    rules.forEach((rule, i) => generator.addRule(rule, pathOf(i)));
    if (generator.generatedNodes > 0 && generator.size < MAX_GENERATED_CHARS)
      together = generator.build(eachRule, true);
  }
  const evaluate = together ?? eachRule;
  return {
    rules: compiled,
    evaluate: (row, out = new Array<unknown>(compiled.length)) => evaluate(row, out),
  };
}

/** Past this size a generated function is no longer optimised well; the rules then run one by one. */
const MAX_GENERATED_CHARS = 60_000;
