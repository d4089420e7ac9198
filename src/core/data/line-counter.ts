/**
 * Turns character offsets into physical line numbers by counting line breaks once, as the
 * reader moves forward through a file it only ever holds a window of.
 */
export class LineCounter {
  /** Offset in the file up to which line breaks are counted, and the line number there. */
  private counted = 0;
  private line = 1;

  /** `char` is the character that ends a line: `\n` (also for CRLF files) or `\r`. */
  constructor(readonly char: string) {}

  /** The line of the character at file offset `at`; `text` starts at file offset `base`. */
  lineAt(text: string, base: number, at: number): number {
    this.countTo(text, base, at);
    return this.line;
  }

  countTo(text: string, base: number, at: number): void {
    if (at <= this.counted) return;
    const end = at - base;
    let i = text.indexOf(this.char, this.counted - base);
    while (i !== -1 && i < end) {
      this.line++;
      i = text.indexOf(this.char, i + 1);
    }
    this.counted = at;
  }

  /** Moves to file offset `to` over text that is no longer held, which had `lines` line breaks. */
  skip(to: number, lines: number): void {
    this.line += lines;
    this.counted = to;
  }
}

/**
 * The line ending of a file, from its first line break: `\r\n`, `\n` or `\r`. Undefined
 * while the text seen so far cannot tell (no break yet, or a `\r` at its very end),
 * unless `isFinal`, when a file without a break is read as `\n`.
 */
export function detectNewline(text: string, isFinal: boolean): string | undefined {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr !== -1 && (lf === -1 || cr < lf)) {
    if (cr === text.length - 1 && !isFinal) return undefined;
    return text[cr + 1] === '\n' ? '\r\n' : '\r';
  }
  return lf !== -1 || isFinal ? '\n' : undefined;
}
