import { RevopsError } from '../errors.js';
import type { LogicPath } from './types.js';

/** Why a rule does not compile (the error's `code` is `logic-compile`). */
export type LogicCompileErrorKind =
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
export class LogicCompileError extends RevopsError {
  override readonly name = 'LogicCompileError';
  readonly kind: LogicCompileErrorKind;
  readonly path: LogicPath;
  /** The message without its location, for an issue that carries the location itself. */
  readonly reason: string;

  constructor(kind: LogicCompileErrorKind, message: string, path: LogicPath, options?: { cause?: unknown }) {
    super('logic-compile', `${message} (at ${formatLogicPath(path)})`, options);
    this.kind = kind;
    this.path = path;
    this.reason = message;
  }
}

/**
 * Why a rule failed on a row (the error's `code` is `rule-evaluation`). `budget`: the rule went
 * past the work a rule may do per row (`budget.ts`).
 */
export type RuleEvaluationErrorKind = 'evaluation' | 'bad-argument' | 'forbidden-path' | 'budget';

/**
 * A rule that failed on one row. `path` is the clause that failed, so the caller can
 * count and report it per row; evaluation never fails any other way.
 */
export class RuleEvaluationError extends RevopsError {
  override readonly name = 'RuleEvaluationError';
  readonly kind: RuleEvaluationErrorKind;
  readonly path: LogicPath;

  constructor(kind: RuleEvaluationErrorKind, message: string, path: LogicPath, options?: { cause?: unknown }) {
    super('rule-evaluation', `${message} (at ${formatLogicPath(path)})`, options);
    this.kind = kind;
    this.path = path;
  }
}

/**
 * An evaluation whose rules went past the work all rows together may take (`LOGIC_MAX_RUN_STEPS`):
 * the whole run fails, since the rows past the limit could not be classified.
 */
export class RuleCostError extends RevopsError {
  override readonly name = 'RuleCostError';
  readonly path: LogicPath;

  constructor(overrun: { op: string; path: LogicPath; limit: number }) {
    super(
      'rule-evaluation',
      `The rules took more than ${overrun.limit.toLocaleString('en-US')} steps over the data (loops and ` +
        `\`business_hours_between\` spans), first past it at ${formatLogicPath(overrun.path)} (\`${overrun.op}\`). ` +
        'Simplify that rule: loop over shorter lists, or measure shorter spans.',
    );
    this.path = overrun.path;
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
