import type { EntityName } from '../model/canonical.js';
import { dataLimits } from './limits.js';
import type { DataFormat, DataIssue, DataIssueCode, FileAccounting } from './types.js';

/** What a reader or row builder says about one problem; the tally adds file and entity. */
export interface Problem {
  code: DataIssueCode;
  message: string;
  hint?: string;
  line: number;
  column?: number;
  field?: string;
  columnName?: string;
  raw?: unknown;
  record?: number;
  severity?: 'error' | 'warning';
}

/** Counts the rows of one file and keeps its issues, up to the per-file cap. */
export class FileTally {
  rowsRead = 0;
  rowsEvaluated = 0;
  rowsRejected = 0;
  issueCount = 0;
  status: 'read' | 'failed' = 'read';
  fields: string[] = [];
  readonly ignoredColumns = new Set<string>();
  readonly issues: DataIssue[] = [];

  constructor(
    readonly file: string,
    readonly entity: EntityName,
    readonly format: DataFormat,
  ) {}

  report(problem: Problem): void {
    this.issueCount++;
    if (this.issues.length >= dataLimits.maxIssuesPerFile) return;
    const issue: DataIssue = {
      code: problem.code,
      severity: problem.severity ?? 'error',
      message: problem.message,
      file: this.file,
      path: '',
      line: problem.line,
      column: problem.column ?? 0,
      entity: this.entity,
    };
    if (problem.hint !== undefined) issue.hint = problem.hint;
    if (problem.field !== undefined) issue.field = problem.field;
    if (problem.columnName !== undefined) issue.columnName = problem.columnName;
    if (problem.raw !== undefined) issue.raw = truncateRaw(problem.raw);
    if (problem.record !== undefined) issue.record = problem.record;
    this.issues.push(issue);
  }

  /** The file cannot be read as a whole: none of its rows count. */
  fail(problem: Problem): void {
    this.status = 'failed';
    this.report(problem);
  }

  toAccounting(): FileAccounting {
    return {
      file: this.file,
      entity: this.entity,
      format: this.format,
      status: this.status,
      rowsRead: this.rowsRead,
      rowsEvaluated: this.rowsEvaluated,
      rowsRejected: this.rowsRejected,
      fields: this.status === 'failed' && this.rowsEvaluated === 0 ? [] : this.fields,
      ignoredColumns: [...this.ignoredColumns],
      issueCount: this.issueCount,
    };
  }

  /** Issues of the file, with a closing note when some were not kept. */
  keptIssues(): DataIssue[] {
    const dropped = this.issueCount - this.issues.length;
    if (dropped === 0) return this.issues;
    const note: DataIssue = {
      code: 'data.too-many-issues',
      severity: 'error',
      message: `${dropped} more issues in this file are not shown (all ${this.rowsRejected} rejected rows are counted).`,
      hint: 'Fix the issues shown, or the mapping that causes them, and load the data again.',
      file: this.file,
      path: '',
      line: 0,
      column: 0,
      entity: this.entity,
    };
    return [...this.issues, note];
  }
}

/** A raw value as issues show it: text, cut to a readable length. */
export function truncateRaw(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  return text.length > dataLimits.maxRawChars ? `${text.slice(0, dataLimits.maxRawChars)}…` : text;
}
