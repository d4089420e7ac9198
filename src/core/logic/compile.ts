import { compileNode } from './compile-node.js';
import { RuleEvaluationError } from './errors.js';
import { isSafe } from './safety.js';
import { traceRule } from './trace.js';
import type { CompileOptions, CompiledRule } from './types.js';

export { listClauses, walkRule } from './clauses.js';
export type { OperatorVisit } from './clauses.js';
export { createBusinessCalendar } from './business-time.js';
export { LogicCompileError, RuleEvaluationError, formatLogicPath } from './errors.js';
export type { LogicCompileErrorCode, RuleEvaluationErrorCode } from './errors.js';
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
  return new RuleEvaluationError('evaluation', `the rule failed: ${message}`, [...(options.path ?? [])], { cause: error });
}

/**
 * Compiles a JSON Logic rule once into closures; the result evaluates rows with the
 * semantics of json-logic-js 2.0.5, plus the domain operators of this product. Nothing of
 * the rule is ever turned into code. Throws `LogicCompileError` for a rule that is not
 * allowed; the compiled rule throws only `RuleEvaluationError`.
 */
export function compileRule(rule: unknown, options: CompileOptions = {}): CompiledRule {
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
