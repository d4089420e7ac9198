import { dataLimits } from './limits.js';
import type { RecordSink } from './sink.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * Reads a JSON data file without holding it whole: either an array of records, or an
 * object with a `records` array (Salesforce's tree export and REST responses). The
 * scanner finds where each record starts and ends, and only that record's text is parsed.
 */
export async function readJson(chunks: AsyncIterable<string>, sink: RecordSink): Promise<void> {
  const scanner = new RecordScanner(sink);
  for await (const chunk of chunks) {
    if (!scanner.push(chunk)) return;
  }
  scanner.end();
}

class RecordScanner {
  private buffer = '';
  private line = 1;
  private depth = 0;
  private isInString = false;
  private isEscaped = false;
  private root: 'array' | 'object' | undefined;
  /** Depth at which array elements are records: 1 for a top-level array, 2 inside `records`. */
  private recordDepth = -1;
  private hasRecords = false;
  private isDone = false;
  /** Top-level object keys: where the current key starts, the last key, and whether a key comes next. */
  private keyStart = -1;
  private lastKey = '';
  private isKeyNext = false;
  /** The record being scanned: where it starts in the buffer, its line and its index. */
  private recordStart = -1;
  private recordLine = 0;
  private index = 0;
  private isStopped = false;

  constructor(private readonly sink: RecordSink) {}

  push(text: string): boolean {
    const from = this.buffer.length;
    this.buffer += text;
    this.scan(from);
    if (this.isStopped) return false;
    const keep = Math.min(
      this.recordStart < 0 ? Infinity : this.recordStart,
      this.keyStart < 0 ? Infinity : this.keyStart,
    );
    if (keep === Infinity) this.buffer = '';
    else {
      this.buffer = this.buffer.slice(keep);
      if (this.recordStart >= 0) this.recordStart -= keep;
      if (this.keyStart >= 0) this.keyStart -= keep;
    }
    if (this.recordStart >= 0 && this.buffer.length - this.recordStart > dataLimits.maxRecordChars) {
      this.fail(
        this.recordLine,
        'data.row-too-long',
        `Record ${this.index} is longer than ${dataLimits.maxRecordChars} characters; the rest of the file is not read.`,
      );
    }
    return !this.isStopped;
  }

  end(): void {
    if (this.isStopped) return;
    if (this.recordStart >= 0) {
      this.sink.rejectRow({
        code: 'data.bad-json',
        line: this.recordLine,
        record: this.index,
        message: 'The file ends inside this record.',
      });
    } else if (this.root === undefined) {
      this.fail(0, 'data.empty-file', 'The file is empty: a JSON data file holds an array of records.');
    } else if (!this.hasRecords) {
      this.fail(0, 'data.bad-json-shape', 'The JSON object has no `records` array.');
    } else if (!this.isDone) {
      this.sink.failFile({
        code: 'data.bad-json',
        line: this.line,
        message: 'The file ends before the JSON document is closed (it may be truncated).',
      });
    }
  }

  private scan(from: number): void {
    const text = this.buffer;
    for (let i = from; i < text.length && !this.isStopped; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) this.line++;
      if (this.isInString) {
        if (this.isEscaped) this.isEscaped = false;
        else if (c === BACKSLASH) this.isEscaped = true;
        else if (c === QUOTE) this.closeString(text, i);
        continue;
      }
      if (c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09) continue;
      this.scanToken(text, i, c);
    }
  }

  private scanToken(text: string, i: number, c: number): void {
    const ch = text[i];
    if (this.isDone) {
      this.fail(this.line, 'data.bad-json', 'There is text after the end of the JSON document.');
    } else if (this.depth === 0) {
      if (ch === '[' || ch === '{') this.openRoot(ch);
      else
        this.fail(
          this.line,
          'data.bad-json-shape',
          'A JSON data file holds an array of records, or an object with a `records` array.',
        );
    } else if (this.depth === this.recordDepth) {
      this.scanBetweenRecords(text, i, c, ch);
    } else if (c === QUOTE) {
      this.isInString = true;
      if (this.root === 'object' && this.depth === 1 && this.isKeyNext) this.keyStart = i;
    } else if (ch === '{' || ch === '[') {
      if (this.root === 'object' && this.depth === 1 && ch === '[' && this.lastKey === 'records' && !this.isKeyNext) {
        this.recordDepth = 2;
        this.hasRecords = true;
      }
      this.depth++;
    } else if (ch === '}' || ch === ']') {
      this.close();
      if (this.recordStart >= 0 && this.depth === this.recordDepth) this.emit(text, i + 1);
    } else if (this.depth === 1 && this.root === 'object') {
      if (ch === ':') this.isKeyNext = false;
      else if (ch === ',') this.isKeyNext = true;
    }
  }

  /** Directly inside the records array: separators, its end, or the start of a record. */
  private scanBetweenRecords(text: string, i: number, c: number, ch: string | undefined): void {
    if (this.recordStart >= 0) {
      // Only a number or literal record is still open here; it ends at a separator.
      if (ch !== ',' && ch !== ']') return;
      this.emit(text, i);
    }
    if (ch === ',') return;
    if (ch === ']') {
      this.recordDepth = -1;
      this.close();
      return;
    }
    this.recordStart = i;
    this.recordLine = this.line;
    this.index++;
    if (c === QUOTE) this.isInString = true;
    else if (ch === '{' || ch === '[') this.depth++;
  }

  private openRoot(ch: string): void {
    this.depth = 1;
    this.root = ch === '[' ? 'array' : 'object';
    if (this.root === 'array') {
      this.recordDepth = 1;
      this.hasRecords = true;
    } else {
      this.isKeyNext = true;
    }
  }

  private close(): void {
    this.depth--;
    if (this.depth === 0) this.isDone = true;
  }

  private closeString(text: string, i: number): void {
    this.isInString = false;
    if (this.keyStart >= 0) {
      this.lastKey = JSON.parse(text.slice(this.keyStart, i + 1)) as string;
      this.keyStart = -1;
    }
    if (this.recordStart >= 0 && this.depth === this.recordDepth) this.emit(text, i + 1);
  }

  private emit(text: string, end: number): void {
    const source = text.slice(this.recordStart, end);
    this.recordStart = -1;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (cause) {
      this.sink.rejectRow({
        code: 'data.bad-json',
        line: this.recordLine,
        record: this.index,
        raw: source,
        message: `The record is not valid JSON: ${(cause as Error).message}.`,
      });
      return;
    }
    this.sink.acceptRecord(value, this.recordLine, this.index);
  }

  private fail(
    line: number,
    code: 'data.bad-json' | 'data.bad-json-shape' | 'data.row-too-long' | 'data.empty-file',
    message: string,
  ): void {
    this.sink.failFile({ code, line, message });
    this.isStopped = true;
  }
}
