import { dataLimits } from './limits.js';
import type { Problem } from './tally.js';

/** The issue of a CSV row that cannot be split into fields: a broken quote, or a row too long to be real. */
export function brokenRowProblem(
  line: number,
  isUnterminated: boolean,
  isTooLong: boolean,
  doesResume: boolean,
): Problem {
  const resumes = doesResume ? '; reading resumes on the next line' : '';
  const hint =
    'A quote inside a quoted field is written twice (`""`); a field that holds a quote must itself be quoted.';
  if (isUnterminated) {
    const within = isTooLong ? ` within ${dataLimits.maxRowChars} characters` : '';
    return {
      code: 'data.unterminated-quote',
      line,
      hint,
      message: `A quoted field opens on line ${line} and is never closed${within}${resumes}.`,
    };
  }
  if (isTooLong) {
    return {
      code: 'data.row-too-long',
      line,
      hint,
      message: `The row is longer than ${dataLimits.maxRowChars} characters; the rest of the line is skipped.`,
    };
  }
  return {
    code: 'data.bad-quote',
    line,
    hint,
    message: `A quoted field that opens on line ${line} is not closed properly (an inner quote is not doubled, or text follows the closing quote)${resumes}.`,
  };
}

/** A header too wide to be an export's: too many columns, or a line past the row limit. */
export function headerTooWide(line: number, message: string): Problem {
  return {
    code: 'data.header-too-wide',
    line,
    message: `${message} The file is not read.`,
    hint: `An export has at most ${dataLimits.maxColumns} columns: check the delimiter (\`delimiter\` in the mapping) and that the file is a CSV export.`,
  };
}
