/**
 * Why an operation failed. Not a problem in a user's policy (an `Issue`) nor a rejected data
 * row (a `DataIssue`): those are data and are reported, never thrown. A closed union; the CLI
 * maps every code to its exit code in one table (`src/cli/exit-codes.ts`).
 */
export type RevopsErrorCode =
  /** A flag, argument or option value that cannot be used. */
  | 'usage'
  /** Policies that are valid one by one but cannot be used together (e.g. an SLA's calendar is not loaded). */
  | 'config'
  /** A file, directory or git object that cannot be read or written. */
  | 'io'
  /** Data that gives the evaluation nothing sound to stand on (no timestamp, a window too long). */
  | 'input'
  /** A field mapping that cannot be applied to a file. */
  | 'mapping'
  /** A JSON Logic rule that does not compile (`LogicCompileError`). */
  | 'logic-compile'
  /** A JSON Logic rule that failed on one row (`RuleEvaluationError`). */
  | 'rule-evaluation'
  /** GitHub answered with an error (after rate-limit waits and retries). */
  | 'github-refused'
  /** GitHub could not be reached. */
  | 'github-unreachable'
  /** A broken invariant: a bug in revops, not in the user's input. */
  | 'internal';

/** The one family of errors revops throws: each carries a `code` callers branch on, never its class or message. */
export class RevopsError extends Error {
  readonly code: RevopsErrorCode;
  constructor(code: RevopsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RevopsError';
    this.code = code;
  }
}

export class UsageError extends RevopsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('usage', message, options);
    this.name = 'UsageError';
  }
}

export class IoError extends RevopsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('io', message, options);
    this.name = 'IoError';
  }
}

/** Thrown when the data or the options give the evaluation nothing sound to stand on (no timestamp, a window too long). */
export class EvaluationInputError extends RevopsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('input', message, options);
    this.name = 'EvaluationInputError';
  }
}
