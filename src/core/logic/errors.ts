import type { LogicPath } from './types.js';

export type LogicCompileErrorCode =
  | 'shape'
  | 'too-deep'
  | 'unknown-operator'
  | 'forbidden-operator'
  | 'forbidden-path'
  | 'arity'
  | 'not-literal'
  | 'missing-as-of'
  | 'unknown-calendar'
  | 'bad-pattern';

/** A rule that cannot be compiled; `path` points at the offending node. */
export class LogicCompileError extends Error {
  override readonly name = 'LogicCompileError';
  readonly code: LogicCompileErrorCode;
  readonly path: LogicPath;
  /** The message without its location, for an issue that carries the location itself. */
  readonly reason: string;

  constructor(code: LogicCompileErrorCode, message: string, path: LogicPath, options?: { cause?: unknown }) {
    super(`${message} (at ${formatLogicPath(path)})`, options);
    this.code = code;
    this.path = path;
    this.reason = message;
  }
}

/** `budget`: the rule went past the work a rule may do per row (`budget.ts`). */
export type RuleEvaluationErrorCode = 'evaluation' | 'bad-argument' | 'forbidden-path' | 'budget';

/**
 * A rule that failed on one row. `path` is the clause that failed, so the caller can
 * count and report it per row; evaluation never fails any other way.
 */
export class RuleEvaluationError extends Error {
  override readonly name = 'RuleEvaluationError';
  readonly code: RuleEvaluationErrorCode;
  readonly path: LogicPath;

  constructor(code: RuleEvaluationErrorCode, message: string, path: LogicPath, options?: { cause?: unknown }) {
    super(`${message} (at ${formatLogicPath(path)})`, options);
    this.code = code;
    this.path = path;
  }
}

/** `spec.exclusions[0].when.and[1]`. */
export function formatLogicPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
  }
  return text === '' ? '(rule)' : text;
}
