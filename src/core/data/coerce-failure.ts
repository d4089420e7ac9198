import type { DataIssueCode } from './types.js';

/** A value of a row as the canonical model types it; `null` is a missing value. */
export type Cell = string | number | boolean | null;

/** Why a raw value could not become a canonical one. Created only on failure, so the common path allocates nothing. */
export class CoercionFailure {
  constructor(
    readonly code: DataIssueCode,
    readonly message: string,
    readonly hint?: string,
  ) {}
}

/** Turns the text of one cell (never empty) into a canonical value. */
export interface TextCoercer {
  fromText(text: string): Cell | CoercionFailure;
  /**
   * The value of the cell `text.slice(start, end)` (never empty) when it is of the plain
   * form this coercer reads without cutting it out — the same value `fromText` gives it;
   * undefined for anything else, which then goes through `fromText`.
   */
  fromSpan?(text: string, start: number, end: number): Cell | undefined;
}
