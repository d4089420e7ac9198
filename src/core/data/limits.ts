/** Bounds that keep a bad data file from exhausting memory or flooding a report. */
export const dataLimits = {
  /** Issues kept per file; rejections beyond it are still counted. */
  maxIssuesPerFile: 1000,
  /** Raw values in issues are cut to this many characters. */
  maxRawChars: 120,
  /**
   * A CSV row (or NDJSON line) longer than this is rejected. CRM text fields are far
   * shorter (Salesforce long text: 131,072 characters), so a longer row is almost always
   * an unterminated quote swallowing the rest of the file.
   */
  maxRowChars: 1 << 20,
  /**
   * Columns of a CSV header. Spreadsheets stop at 16,384 (Excel's XFD); a wider header is a
   * wrong delimiter or not a CSV export, and the file fails rather than costing memory per column.
   */
  maxColumns: 16_384,
  /** A JSON record longer than this stops the reading of its file. */
  maxRecordChars: 16 << 20,
  /** Distinct values of one string field that are shared between rows instead of copied. */
  maxInternedValues: 10_000,
} as const;
