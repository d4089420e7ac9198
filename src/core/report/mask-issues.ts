import type { DataIssue, DataIssueCode, MissingData } from '../data/types.js';
import type { DataAccounting } from './index.js';

/**
 * Codes whose message is built from the file, the header or the mapping only, never from a
 * row's content: a masked output keeps their message. Every other code — those of a cell or
 * a record, and any added later — gets a message rebuilt from its code and field.
 */
const CONTENT_FREE: ReadonlySet<DataIssueCode> = new Set<DataIssueCode>([
  'data.empty-file',
  'data.header-empty',
  'data.missing-column',
  'data.ambiguous-column',
  'data.bad-mapping',
  'data.unknown-format',
  'data.bad-json-shape',
  'data.entity-twice',
  'data.lookup-unavailable',
  'data.too-many-issues',
  'data.ragged-row',
  'data.unterminated-quote',
  'data.bad-quote',
  'data.row-too-long',
]);

/** What went wrong, without the value: the reason of a masked message. */
const REASONS: Partial<Record<DataIssueCode, string>> = {
  'data.missing-required': 'the field is required but the value is empty',
  'data.bad-number': 'the value is not a number of the expected form',
  'data.bad-boolean': 'the value is not a yes/no value',
  'data.bad-date': 'the value is not a date of the expected format',
  'data.bad-datetime': 'the value is not a date-time of the expected format',
  'data.bad-value': "the value is not of the field's type",
  'data.bad-encoding': 'the value holds bytes that are not UTF-8',
  'data.unmapped-value': "the value is not listed in the mapping's `values`",
  'data.derive-failed': 'the derive rule failed on this row',
  'data.negative-number': 'the value is negative, and this quantity cannot be',
  'data.invisible-character': 'the id holds an invisible or control character',
  'data.lookup-no-match': 'no row of the looked-up entity has this key',
  'data.lookup-ambiguous': 'more than one row of the looked-up entity has this key',
  'data.distinct-conflict': 'an earlier row gives the same id another value',
  'data.bad-json': 'the record is not valid JSON',
  'data.not-an-object': 'the record is not a JSON object',
  'data.forbidden-key': 'the record has a key that is not allowed',
  'data.header-duplicate': 'a column name appears twice',
  'data.header-forbidden': 'a column name is not allowed',
};

/** Header problems quote the header cell, which in a file without a header row is data. */
const QUOTES_HEADER: ReadonlySet<DataIssueCode> = new Set<DataIssueCode>([
  'data.header-duplicate',
  'data.header-forbidden',
  'data.forbidden-key',
]);

/** Issues whose hint lists the file's header names ("The header has: …"): data too, without a header row. */
const HINT_QUOTES_HEADER: ReadonlySet<DataIssueCode> = new Set<DataIssueCode>(['data.missing-column']);

/**
 * The masked message of an issue about row content, from its structured parts (code,
 * field, column) and never from its message, so no copy of the value can survive —
 * trimmed, cut short, quoted by a parser's error, or not.
 */
function describeMasked(issue: DataIssue): string {
  const reason = REASONS[issue.code] ?? `the row was rejected (${issue.code})`;
  const column = QUOTES_HEADER.has(issue.code) ? undefined : issue.columnName;
  const field = issue.field;
  let where = '';
  if (column !== undefined && field !== undefined && column !== field) where = `\`${column}\` (${field}): `;
  else if (field !== undefined || column !== undefined) where = `\`${field ?? column}\`: `;
  const text = `${where}${reason} (value masked).`;
  return where === '' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * Data issues for a masked output: no raw value, no hint that lists the header names, and for
 * every issue about a row's content a message rebuilt without it. File, line, column, field and
 * hint stay, so each rejection can still be found and fixed by whoever holds the data.
 */
export function maskDataIssues(issues: readonly DataIssue[]): DataIssue[] {
  return issues.map((issue) => {
    const masked: DataIssue = { ...issue };
    delete masked.raw;
    if (HINT_QUOTES_HEADER.has(issue.code)) delete masked.hint;
    if (CONTENT_FREE.has(issue.code)) return masked;
    masked.message = describeMasked(issue);
    if (QUOTES_HEADER.has(issue.code)) delete masked.columnName;
    return masked;
  });
}

/**
 * The data accounting of a masked output: issues masked, and no ignored column names for a
 * file that failed — when a file lacks its header row, those names are its first row's values.
 */
export function maskDataAccounting(data: DataAccounting): DataAccounting {
  return {
    ...data,
    files: data.files.map((f) =>
      f.status === 'failed' && f.ignoredColumns.length > 0 ? { ...f, ignoredColumns: [] } : f,
    ),
    issues: maskDataIssues(data.issues),
    ...(data.missing === undefined ? {} : { missing: maskMissingData(data.missing, data.issues) }),
  };
}

/**
 * What is missing, for a masked output: a reason that quotes an issue of its file (a failed
 * file's first error, or the first rejected row) quotes that issue's masked message instead.
 * A reason quoting an issue not among `issues` is replaced whole, so no row content survives.
 */
export function maskMissingData(missing: readonly MissingData[], issues: readonly DataIssue[]): MissingData[] {
  return missing.map((m) => {
    const quoted = issues.find((i) => i.file === m.file && i.message !== '' && m.reason.includes(i.message));
    if (quoted !== undefined)
      return {
        ...m,
        reason: m.reason.replace(quoted.message, maskDataIssues([quoted])[0]?.message ?? '(message masked)'),
      };
    // The forms of `findMissingData` that quote no row.
    if (/^(There is no |The file has no |The file could not be read\.)/.test(m.reason)) return m;
    return { ...m, reason: `The ${m.entity} data cannot be used (reason masked; run without --mask to see it).` };
  });
}
