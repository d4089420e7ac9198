/**
 * Finds the numbers a rendered report prints that its Report does not hold: the check that
 * reporters only render. Display rounding is the figures module's: a value is shown to 0–4
 * decimals, a fraction as a percentage (× 100), hours as days (÷ 24) past two days, and a
 * signed change by its size with its own sign. Numbers inside the report's strings (dates,
 * ISO weeks, ids, versions) and the lengths of its lists count as the report's too.
 */

/** A number as printed: not part of a word or id (`p90`, `W12`, `U007`, a hash), thousands grouped or not. */
const PRINTED = /(?<![\p{L}\p{N}_.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\p{L}\p{N}_])/gu;
const DIGITS = /\d+(?:\.\d+)?/g;

function addValue(keys: Set<string>, n: number): void {
  const size = Math.abs(n);
  for (const shown of [size, size * 100, size / 24])
    for (let digits = 0; digits <= 4; digits++) keys.add(shown.toFixed(digits));
}

/** Every spelling the report's values may take once rounded for display. */
export function collectReportFigures(report: unknown): Set<string> {
  const keys = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'number') addValue(keys, value);
    else if (typeof value === 'string') {
      const n = Number(value);
      if (value.trim() !== '' && Number.isFinite(n)) addValue(keys, n);
      for (const digits of value.match(DIGITS) ?? []) {
        keys.add(digits);
        addValue(keys, Number(digits));
      }
    } else if (Array.isArray(value)) {
      addValue(keys, value.length);
      value.forEach(walk);
    } else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(report);
  return keys;
}

/**
 * The printed numbers that match no report value, with a little context each. `prose` lists
 * phrases whose digits are words, not figures (e.g. `M/M/1`); they are removed first.
 */
export function findStrayFigures(text: string, figures: ReadonlySet<string>, prose: readonly string[] = []): string[] {
  let rest = text;
  for (const phrase of prose) rest = rest.replaceAll(phrase, ' ');
  const stray: string[] = [];
  for (const match of rest.matchAll(PRINTED)) {
    const key = match[0].replaceAll(',', '');
    if (!figures.has(key)) {
      const at = match.index;
      stray.push(`${match[0]} in «${rest.slice(Math.max(0, at - 40), at + match[0].length + 20).replace(/\n/g, '⏎')}»`);
    }
  }
  return stray;
}
