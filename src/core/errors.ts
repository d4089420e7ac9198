/** Operational failures (not problems in a user's policy, which are `Issue`s). */
export type RevopsErrorCode = 'USAGE' | 'IO' | 'CONFIG' | 'INTERNAL';

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
    super('USAGE', message, options);
    this.name = 'UsageError';
  }
}

export class IoError extends RevopsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('IO', message, options);
    this.name = 'IoError';
  }
}
