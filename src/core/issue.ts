import type { PolicyIssueCode } from './issue-codes.js';

export type { PolicyIssueCode } from './issue-codes.js';

/** How bad a finding is. Errors fail `validate`; warnings are reported but do not. */
export type Severity = 'error' | 'warning';

/**
 * The waiver that accepts a finding (a `kind: Waiver` policy): the finding stays visible,
 * marked as waived, and no longer fails a command or needs its approvals.
 */
export interface WaiverMark {
  /** `metadata.name` of the Waiver policy. */
  policy: string;
  owner: string;
  reason: string;
  /** Last day the waiver counts, `YYYY-MM-DD`. */
  expires: string;
}

/**
 * One problem found in a user's file. Problems are data, never exceptions:
 * every check appends issues and all of them are reported together. `Code` is the closed
 * union of codes: `PolicyIssueCode` for a policy file, `DataIssueCode` for a data file.
 */
export interface Issue<Code extends string = PolicyIssueCode> {
  /** Stable machine-readable code, e.g. `yaml.duplicate-key` or `ref.stage-missing`. */
  code: Code;
  severity: Severity;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it, when there is something specific to say. */
  hint?: string;
  /** File path as the user gave it (relative to the working directory when possible). */
  file: string;
  /** JSON-pointer-like path to the value inside the document, e.g. `/spec/stages/2/owner`. */
  path: string;
  /** 1-based line and column; 0 when the problem concerns the whole file. */
  line: number;
  column: number;
  /** The waiver in force that accepts it; a waived issue is shown but counts as neither error nor warning. */
  waiver?: WaiverMark;
}

/** Issues are reported errors first, then by file, line and column. */
export function compareIssues(a: Issue<string>, b: Issue<string>): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * Issues added to a sorted list (a modeline or waiver finding), sorted in again without undoing
 * its file order (root causes first, see `sortRootCausesFirst`): each file keeps the place of its
 * first issue, a file new to the list comes after them, and within a file {@link compareIssues} holds.
 */
export function sortKeepingFileOrder<T extends Issue<string>>(issues: T[]): T[] {
  const place = new Map<string, number>();
  for (const issue of issues) if (!place.has(issue.file)) place.set(issue.file, place.size);
  return issues.sort((a, b) => (place.get(a.file) ?? 0) - (place.get(b.file) ?? 0) || compareIssues(a, b));
}

/** Errors and warnings that count: a waived issue is neither. */
export function countBySeverity(issues: readonly Issue<string>[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const issue of issues) {
    if (issue.waiver !== undefined) continue;
    if (issue.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Whether an issue fails a gate at `failOn`: waived issues never do. */
export function isFailing(issue: Issue<string>, failOn: Severity = 'error'): boolean {
  return issue.waiver === undefined && (issue.severity === 'error' || failOn === 'warning');
}

/** Turns a path of keys and indexes into the `/a/0/b` form used in issues (RFC 6901 escaping). */
export function formatPath(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
