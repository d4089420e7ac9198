import Papa from 'papaparse';
import { isFastPath } from '../fast-path.js';
import { isUnnamed } from './bind-columns.js';
import { brokenRowProblem, headerTooWide } from './csv-problems.js';
import { CsvRowScanner, INCOMPLETE, ROW } from './csv-rows.js';
import { detectNewline, LineCounter } from './line-counter.js';
import { dataLimits } from './limits.js';
import type { RecordSink } from './sink.js';

export interface CsvOptions {
  /** Field separator; `,` unless the mapping says otherwise. */
  delimiter?: string;
  /**
   * Split plain rows (no quote, or only well-formed quoted fields) without the general
   * parser; by default when the fast path is on (see `fast-path.ts`). The rows and issues
   * are the same either way.
   */
  plainRows?: boolean;
}

/**
 * Reads CSV text chunk by chunk and hands every row to the sink with the physical line it
 * starts on. Rows that are not plain (or every row, with the fast path off) are read by
 * papaparse's public `Papa.parse` with `step`, over the text not yet read: a row that
 * reaches the end of that text before the file ends waits for the next chunk. Parsing the
 * text anew from a given place lets a row that opens a quote and never closes it cost only
 * its own line instead of the rest of the file.
 */
export async function readCsv(
  chunks: AsyncIterable<string>,
  sink: RecordSink,
  options: CsvOptions = {},
): Promise<void> {
  const reader = new CsvReader(sink, options.delimiter ?? ',', options.plainRows ?? isFastPath());
  for await (const chunk of chunks) {
    if (!reader.push(chunk)) return;
  }
  reader.end();
}

class CsvReader {
  /** Whether the line ending is known and parsing has begun. */
  private isStarted = false;
  /** While `Papa.parse` runs: its handle (to stop it), whether the text ends the file, and the text's length and file offset. */
  private handle: Papa.Parser | undefined;
  private isFinalText = false;
  private papaLength = 0;
  private papaBase = 0;
  private newline = '\n';
  private lines = new LineCounter('\n');
  private scanner: CsvRowScanner | undefined;
  /** Text not yet turned into rows, and the offset of its first character in the file. */
  private pending = '';
  private base = 0;
  /** The text being parsed, where the next row starts, and where to resume after a broken quote. */
  private input = '';
  private inputBase = 0;
  private rowStart = 0;
  private resumeAt = -1;
  private headerLength = -1;
  /** 0-based columns whose header has no name: a row with a value there is rejected. */
  private unnamed: number[] = [];
  /** Where the header's trailing run of unnamed columns starts (its length when there is none). */
  private unnamedFrom = Infinity;
  private isForcing = false;
  /** Characters put before the text given to papaparse (see `parseText`). */
  private leadLength = 0;
  private isSkippingLine = false;
  private isStopped = false;

  constructor(
    private readonly sink: RecordSink,
    private readonly delimiter: string,
    private readonly isScanning: boolean,
  ) {}

  /** Takes the next chunk; false once the reader has stopped. */
  push(text: string): boolean {
    if (this.isStopped) return false;
    if (this.isSkippingLine) text = this.skipRestOfLine(text);
    // join makes one flat string (`+` would make a rope, slower to read character by character).
    this.pending = this.pending.length === 0 ? text : [this.pending, text].join('');
    if (!this.isStarted && !this.startParser(false)) return true;
    this.parsePending(false);
    while (!this.isStopped && !this.isSkippingLine && this.pending.length > dataLimits.maxRowChars) {
      this.rejectOverlongRow();
      if (!this.isSkippingLine) this.parsePending(false);
    }
    return !this.isStopped;
  }

  end(): void {
    if (this.isStopped) return;
    if (!this.isSkippingLine) {
      if (!this.isStarted) this.startParser(true);
      this.parsePending(true);
    }
    if (!this.isStopped && this.headerLength < 0) {
      this.sink.failFile({
        code: 'data.empty-file',
        line: 0,
        message: 'The file is empty: a CSV data file starts with a header row.',
      });
    }
  }

  /** Picks the line ending from the first one in the file (papaparse would guess from the first chunk only). */
  private startParser(isFinal: boolean): boolean {
    const newline = detectNewline(this.pending, isFinal || this.pending.length > dataLimits.maxRowChars);
    if (newline === undefined) return false;
    this.newline = newline;
    this.lines = new LineCounter(newline === '\r' ? '\r' : '\n');
    this.isStarted = true;
    if (this.isScanning && /^[^"\r\n\uFEFF]+$/.test(this.delimiter))
      this.scanner = new CsvRowScanner(this.delimiter, newline);
    return true;
  }

  /**
   * Parses `input` (at file offset `base`) with `Papa.parse`, rows to `onStep`. Unless
   * `isFinal`, the row that reaches the end of `input` is left for later when it may go on
   * in the next chunk. papaparse drops a byte-order mark that starts its text; a line
   * break put before it keeps that character (the blank line it makes is not a row).
   */
  private parseText(input: string, base: number, isFinal: boolean): void {
    const lead = input.charCodeAt(0) === 0xfeff ? this.newline : '';
    this.isFinalText = isFinal;
    this.papaLength = lead.length + input.length;
    this.papaBase = base - lead.length;
    this.leadLength = lead.length;
    try {
      Papa.parse<string[]>(lead.length === 0 ? input : [lead, input].join(''), {
        delimiter: this.delimiter,
        newline: this.newline as Papa.ParseConfig['newline'],
        quoteChar: '"',
        header: false,
        step: this.onStep,
      });
    } finally {
      this.handle = undefined;
    }
  }

  private parsePending(isFinal: boolean): void {
    if (this.scanner !== undefined) {
      const isRowUnfinished = this.scanPending();
      if (this.isStopped || (isRowUnfinished && !isFinal)) return;
    }
    let input = this.pending;
    let base = this.base;
    for (;;) {
      this.input = input;
      this.inputBase = base;
      this.rowStart = base;
      this.resumeAt = -1;
      this.parseText(input, base, isFinal);
      if (this.isStopped) return;
      if (this.resumeAt < 0) break;
      this.lines.countTo(input, base, this.resumeAt);
      input = input.slice(this.resumeAt - base);
      base = this.resumeAt;
    }
    this.lines.countTo(input, base, this.rowStart);
    this.pending = isFinal ? '' : input.slice(this.rowStart - base);
    this.base = this.rowStart;
  }

  /**
   * Hands the plain rows at the start of the pending text to the sink. True when what is
   * left is only the start of a row the next chunk finishes; false when the general parser
   * must read it (a row that is not plain).
   */
  private scanPending(): boolean {
    const scanner = this.scanner!;
    const text = this.pending;
    const base = this.base;
    scanner.reset(text);
    let at = 0;
    let result;
    while ((result = scanner.scan(at)) === ROW) {
      // A row of the header's width given as spans goes straight to the sink; a blank line, the
      // header or a ragged row take the general way.
      const isBlank = scanner.count === 1 && scanner.bounds[0] === scanner.bounds[1];
      const unnamed =
        scanner.isSpans && this.unnamed.length > 0 && this.headerLength === scanner.count
          ? this.unnamedWithValue(text, scanner.bounds)
          : -1;
      if (unnamed >= 0) {
        const from = scanner.bounds[2 * unnamed]!;
        this.rejectUnnamedValue(
          this.lines.lineAt(text, base, base + at),
          unnamed,
          text.substring(from, scanner.bounds[2 * unnamed + 1]!),
        );
      } else if (
        scanner.isSpans &&
        this.headerLength === scanner.count &&
        !isBlank &&
        this.sink.acceptSpans !== undefined
      ) {
        this.sink.acceptSpans(text, scanner.bounds, scanner.count, this.lines.lineAt(text, base, base + at));
      } else {
        this.acceptFields(scanner.fieldTexts(), text, base, base + at);
      }
      at = scanner.end;
      if (this.isStopped) return false;
    }
    if (at > 0) {
      this.lines.countTo(text, base, base + at);
      this.pending = text.slice(at);
      this.base = base + at;
    }
    return result === INCOMPLETE;
  }

  private readonly onStep = (result: Papa.ParseStepResult<string[]>, handle: Papa.Parser): void => {
    this.handle = handle;
    const quoteError = result.errors.find((e) => e.type === 'Quotes');
    const end = result.meta.cursor;
    if (end === this.papaLength && !this.isFinalText && !this.isTerminated(end, quoteError)) {
      handle.abort(); // the row may go on in the next chunk: it is read again from its start then
      return;
    }
    const start = this.rowStart;
    this.rowStart = this.papaBase + end;
    const fields = result.data;
    if (this.isForcing || quoteError !== undefined) {
      this.rejectBrokenRow(start, quoteError);
      return;
    }
    this.acceptFields(fields, this.input, this.inputBase, start);
  };

  /**
   * Whether a row that ends at the end of the text papaparse was given ends with its line
   * break (a row cut off by the end of the text does not; neither does an unclosed quote).
   */
  private isTerminated(end: number, quoteError: Papa.ParseError | undefined): boolean {
    const text = this.input;
    const at = this.papaBase + end - this.inputBase; // the row's end in `this.input`
    return (
      quoteError === undefined &&
      this.papaBase + end > this.rowStart &&
      at >= this.newline.length &&
      text.endsWith(this.newline, at)
    );
  }

  /** A row split into fields, starting at file offset `start` (`text` starts at file offset `base`). */
  private acceptFields(cells: string[], text: string, base: number, start: number): void {
    let fields = cells;
    if (fields.length === 1 && fields[0] === '') return; // a blank line is not a row
    const line = this.lines.lineAt(text, base, start);
    if (this.headerLength < 0) {
      this.headerLength = fields.length;
      if (fields.length > dataLimits.maxColumns) {
        this.sink.failFile(
          headerTooWide(line, `The header has ${fields.length} columns; at most ${dataLimits.maxColumns} are read.`),
        );
        this.stop();
        return;
      }
      if (!this.sink.acceptHeader(fields, line)) this.stop();
      fields.forEach((name, i) => isUnnamed(name) && this.unnamed.push(i));
      this.unnamedFrom = fields.length;
      while (this.unnamedFrom > 0 && isUnnamed(fields[this.unnamedFrom - 1]!)) this.unnamedFrom--;
      return;
    }
    // A row may leave out the header's trailing unnamed columns (only the header line ends in a delimiter).
    if (fields.length < this.headerLength && this.unnamedFrom <= fields.length)
      fields = [...fields, ...new Array<string>(this.headerLength - fields.length).fill('')];
    if (fields.length !== this.headerLength) {
      this.sink.rejectRow({
        code: 'data.ragged-row',
        line,
        column: Math.min(fields.length, this.headerLength) + 1,
        message: `The row has ${fields.length} fields; the header has ${this.headerLength}.`,
        hint: 'Quote values that contain the delimiter or a line break, and check the export for a shifted column.',
      });
      return;
    }
    const unnamed = this.unnamed.length === 0 ? -1 : (this.unnamed.find((i) => fields[i]!.trim() !== '') ?? -1);
    if (unnamed >= 0) {
      this.rejectUnnamedValue(line, unnamed, fields[unnamed]!);
      return;
    }
    this.sink.acceptCells(fields, line);
  }

  /** The first unnamed column (0-based) that holds more than spaces in the row given as spans, or -1. */
  private unnamedWithValue(text: string, bounds: Int32Array): number {
    for (const i of this.unnamed) {
      if (text.substring(bounds[2 * i]!, bounds[2 * i + 1]!).trim() !== '') return i;
    }
    return -1;
  }

  private rejectUnnamedValue(line: number, column: number, value: string): void {
    this.sink.rejectRow({
      code: 'data.header-empty',
      line,
      column: column + 1,
      raw: value,
      message: `Column ${column + 1} has no name in the header, but this row has a value there.`,
      hint: `Name column ${column + 1} in the header row, or remove the value (or the extra delimiter) from the row.`,
    });
  }

  /**
   * A row with a quote problem, or one too long to be real: rejected. A broken quoted
   * field runs on into the lines after it, so reading resumes on the line after the one
   * where it opened, and the rows there are read as usual.
   */
  private rejectBrokenRow(start: number, quoteError: Papa.ParseError | undefined): void {
    const line = this.lines.lineAt(this.input, this.inputBase, start);
    const opened = quoteError?.index === undefined ? undefined : quoteError.index - this.leadLength;
    const next = opened === undefined ? -1 : this.input.indexOf(this.newline, opened);
    if (next !== -1 && this.inputBase + next + this.newline.length < this.rowStart) {
      this.resumeAt = this.inputBase + next + this.newline.length;
      this.handle?.abort(); // the rows after this one are read again from resumeAt
    } else if (this.isForcing) {
      this.isSkippingLine = true;
    }
    if (this.headerLength < 0) {
      const isTooLong = this.isForcing && quoteError?.code !== 'MissingQuotes';
      const tooLong = headerTooWide(
        line,
        `The header row is longer than ${dataLimits.maxRowChars} characters, the longest row that is read.`,
      );
      const broken = { code: 'data.bad-quote' as const, line, message: 'The header row has a broken quoted field.' };
      this.sink.failFile(isTooLong ? tooLong : broken);
      this.stop();
      return;
    }
    this.sink.rejectRow(
      brokenRowProblem(line, quoteError?.code === 'MissingQuotes', this.isForcing, this.resumeAt >= 0),
    );
  }

  /** The pending row exceeds the row limit: parse it as if the file ended here, and reject it. */
  private rejectOverlongRow(): void {
    this.isForcing = true;
    this.input = this.pending;
    this.inputBase = this.base;
    this.rowStart = this.base;
    this.resumeAt = -1;
    this.parseText(this.pending, this.base, true);
    this.isForcing = false;
    const end = this.resumeAt >= 0 ? this.resumeAt : this.base + this.pending.length;
    this.lines.countTo(this.pending, this.base, end);
    this.pending = this.pending.slice(end - this.base);
    this.base = end;
  }

  /** Drops text up to and including the next line break. */
  private skipRestOfLine(text: string): string {
    const at = text.indexOf(this.lines.char);
    if (at === -1) {
      this.base += text.length;
      this.lines.skip(this.base, 0);
      return '';
    }
    this.isSkippingLine = false;
    this.base += at + 1;
    this.lines.skip(this.base, 1);
    return text.slice(at + 1);
  }

  private stop(): void {
    this.isStopped = true;
    this.handle?.abort();
  }
}
