/**
 * Splits the plain rows of CSV text, the ones that make up nearly every export, without
 * the general parser: a line without a quote, and a row whose quoted fields are all
 * well formed (`"…"` right after a delimiter or the line start, closed right before a
 * delimiter or the line end, inner quotes doubled). Anything else — a stray quote, text
 * or spaces after a closing quote — is left to the general parser, which reads it and
 * explains what is wrong. Rows come out exactly as the general parser gives them.
 */
export class CsvRowScanner {
  /**
   * After `scan` returns `ROW`: the offset just past the row's line break, and its fields —
   * for a line without quotes as `count` spans of the text (`bounds`: start, end, start,
   * end, …; `isSpans` true), for any other row as `fields`.
   */
  fields: string[] = [];
  isSpans = false;
  bounds: Int32Array = new Int32Array(128);
  count = 0;
  end = 0;
  /** Offset of the next quote at or after the last scan position (-1: none in the text). */
  private nextQuote = -2;
  private text = '';

  constructor(
    private readonly delimiter: string,
    private readonly newline: string,
  ) {}

  /** Starts on new text: offsets given to `scan` are into it. */
  reset(text: string): void {
    this.text = text;
    this.nextQuote = -2;
  }

  /**
   * Reads the row starting at `from`: `ROW` (see `fields` and `end`), `INCOMPLETE` when the
   * text ends before the row does (and nothing in it is malformed so far), or `OTHER` when
   * the row is not plain and the general parser must read it.
   */
  scan(from: number): ScanResult {
    const text = this.text;
    const lineEnd = text.indexOf(this.newline, from);
    if (this.nextQuote !== -1 && this.nextQuote < from) this.nextQuote = text.indexOf('"', from);
    const quote = this.nextQuote;
    if (quote === -1 || (lineEnd !== -1 && quote > lineEnd)) {
      if (lineEnd === -1) return INCOMPLETE;
      this.spanLine(from, lineEnd);
      this.end = lineEnd + this.newline.length;
      return ROW;
    }
    this.isSpans = false;
    return this.scanQuoted(from);
  }

  /** The fields of a line without quotes, as spans. */
  private spanLine(from: number, lineEnd: number): void {
    const { text, delimiter } = this;
    let bounds = this.bounds;
    let count = 0;
    let at = from;
    for (;;) {
      if (2 * count + 2 > bounds.length) bounds = this.grow();
      const next = text.indexOf(delimiter, at);
      const fieldEnd = next === -1 || next > lineEnd ? lineEnd : next;
      bounds[2 * count] = at;
      bounds[2 * count + 1] = fieldEnd;
      count++;
      if (fieldEnd === lineEnd) break;
      at = fieldEnd + delimiter.length;
    }
    this.count = count;
    this.isSpans = true;
  }

  /** The fields of the last row scanned, as text. */
  fieldTexts(): string[] {
    if (!this.isSpans) return this.fields;
    const fields = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) fields[i] = this.text.substring(this.bounds[2 * i]!, this.bounds[2 * i + 1]!);
    return fields;
  }

  /** A row with quoted fields: as spans (inside the quotes), or as texts when a field holds doubled quotes. */
  private scanQuoted(from: number): ScanResult {
    const text = this.text;
    const { delimiter, newline } = this;
    let bounds = this.bounds;
    let count = 0;
    let escaped: number[] | undefined;
    let at = from;
    let lineEnd = -2;
    /** The first quote at or after `at` (unquoted fields before it hold none). */
    let quote = text.indexOf('"', from);
    for (;;) {
      if (2 * count + 2 > bounds.length) bounds = this.grow();
      if (text.charCodeAt(at) === QUOTE) {
        let close = at;
        let hasEscapes = false;
        for (;;) {
          close = text.indexOf('"', close + 1);
          if (close === -1) return INCOMPLETE;
          if (close === text.length - 1) return INCOMPLETE;
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          hasEscapes = true;
          close++;
        }
        bounds[2 * count] = at + 1;
        bounds[2 * count + 1] = close;
        if (hasEscapes) (escaped ??= []).push(count);
        count++;
        const after = close + 1;
        quote = text.indexOf('"', after);
        if (text.startsWith(delimiter, after)) {
          at = after + delimiter.length;
          continue;
        }
        if (text.startsWith(newline, after)) return this.row(count, escaped, after + newline.length);
        // Text ends inside what may become the line break or delimiter.
        if (text.length - after < Math.max(delimiter.length, newline.length)) return INCOMPLETE;
        return OTHER;
      }
      const delimiterAt = text.indexOf(delimiter, at);
      if (lineEnd !== -1 && lineEnd < at) lineEnd = text.indexOf(newline, at);
      const fieldEnd = delimiterAt !== -1 && (lineEnd === -1 || delimiterAt < lineEnd) ? delimiterAt : lineEnd;
      if (fieldEnd === -1) return quote === -1 ? INCOMPLETE : OTHER;
      if (quote !== -1 && quote < fieldEnd) return OTHER; // a quote inside an unquoted field
      bounds[2 * count] = at;
      bounds[2 * count + 1] = fieldEnd;
      count++;
      if (fieldEnd === lineEnd) return this.row(count, escaped, lineEnd + newline.length);
      at = fieldEnd + delimiter.length;
    }
  }

  private grow(): Int32Array {
    const grown = new Int32Array(this.bounds.length * 2);
    grown.set(this.bounds);
    this.bounds = grown;
    return grown;
  }

  /** Ends a row of `count` spans; the fields listed in `escaped` have their doubled quotes undone, as texts. */
  private row(count: number, escaped: number[] | undefined, end: number): ScanResult {
    this.count = count;
    this.end = end;
    this.nextQuote = -2;
    this.isSpans = true;
    if (escaped !== undefined) {
      const fields = this.fieldTexts();
      for (const i of escaped) fields[i] = fields[i]!.replaceAll('""', '"');
      this.fields = fields;
      this.isSpans = false;
    }
    return ROW;
  }
}

const QUOTE = 34;
export const ROW = 0;
export const INCOMPLETE = 1;
export const OTHER = 2;
export type ScanResult = typeof ROW | typeof INCOMPLETE | typeof OTHER;
