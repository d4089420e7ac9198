import { RuleEvaluationError } from './errors.js';
import type { Evaluate, LogicPath } from './types.js';

/**
 * Closures that can throw nothing but `RuleEvaluationError`. A rule whose root is one
 * needs no outer try/catch, which would cost a call per row; the hot fused shapes catch
 * for themselves, at no cost until something throws.
 */
const safeEvaluators = new WeakSet<Evaluate>();

export function markSafe(evaluate: Evaluate): Evaluate {
  safeEvaluators.add(evaluate);
  return evaluate;
}

export function isSafe(evaluate: Evaluate | undefined): boolean {
  return evaluate !== undefined && safeEvaluators.has(evaluate);
}

/** Marks `evaluate` safe when every argument it calls is. */
export function markSafeIf(evaluate: Evaluate, args: readonly Evaluate[]): Evaluate {
  return args.every(isSafe) ? markSafe(evaluate) : evaluate;
}

/** The error of an operator that failed on a row, e.g. a value that cannot become a number. */
export function failure(op: string, error: unknown, path: LogicPath): RuleEvaluationError {
  if (error instanceof RuleEvaluationError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new RuleEvaluationError('evaluation', `\`${op}\` failed: ${reason}`, path, { cause: error });
}
