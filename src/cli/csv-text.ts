import Papa from 'papaparse';

/** A cell as rows carry it: missing values are `null` and become empty cells. */
export type CellValue = string | number | boolean | null;

/**
 * Cells a spreadsheet would run as a formula: text starting with `=`, `+`, `-`, `@`, tab or
 * carriage return, unless the whole text is a plain number (`-5` is data). papaparse puts a
 * `'` in front of them, so no CSV the tool writes runs anything in a spreadsheet.
 */
export const formulaCell = /^(?![-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$)[=+\-@\t\r]/;

/** CSV lines (`\n`-terminated) for rows given as arrays in header order. */
export function formatCsvLines(rows: readonly (readonly CellValue[])[]): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows as CellValue[][], { newline: '\n', escapeFormulae: formulaCell })}\n`;
}
