/**
 * A line indented out of step with the block it belongs to. The YAML parser reports such a
 * slip where it gives up, often on the next (correct) line; reading the indentation of the
 * lines above finds the one that is wrong.
 */
export interface IndentSlip {
  /** 1-based line of the wrongly indented line, and the column its text starts at. */
  line: number;
  column: number;
  /**
   * `more`: indented more than the keys before it, under a key that holds a value;
   * `less`: between two levels, matching neither; `block-text`: a `|` or `>` key no less
   * indented than its own text, so the text is not read as its value.
   */
  kind: 'more' | 'less' | 'block-text';
  indent: number;
  /** Indentation of the keys it should line up with, and the last line holding one. */
  expected: number;
  expectedLine: number;
  /** Where the mapping it should line up with starts (for `less`: it may be that line that slipped). */
  firstLine: number;
  /** For `less`: the enclosing level's indentation and its last line. */
  parent?: { indent: number; line: number };
}

interface Level {
  indent: number;
  line: number;
  firstLine: number;
}

/**
 * The length of `key:` (and the blanks after it) at the start of `content`, or undefined when
 * the line is not a key. Scans once: no backtracking on long lines.
 */
function matchKey(content: string): number | undefined {
  let end: number;
  if (content.startsWith('"') || content.startsWith("'")) {
    const quote = content[0];
    let i = 1;
    while (i < content.length && content[i] !== quote) i += content[i] === '\\' && quote === '"' ? 2 : 1;
    if (i >= content.length) return undefined;
    const rest = /^[ \t]*:(?:[ \t]|$)/.exec(content.slice(i + 1));
    if (rest === null) return undefined;
    end = i + 1 + rest[0].length;
  } else {
    if (/^(?:[\s#[\]{},&*!|>%@`]|-(?:\s|$))/.test(content)) return undefined;
    const colon = /:(?:[ \t]|$)/.exec(content);
    if (colon === null || content.slice(0, colon.index).includes(' #')) return undefined;
    end = colon.index + colon[0].length;
  }
  while (content[end] === ' ' || content[end] === '\t') end++;
  return end;
}

/** The text of a line without its trailing comment (`#` after a space, outside quotes). */
function stripComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return text.slice(0, i).trimEnd();
  }
  return text.trimEnd();
}

/** How many brackets a piece of flow text leaves open (quotes skipped). */
function countOpenBrackets(text: string): number {
  let depth = 0;
  let quote = '';
  for (const ch of text) {
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
  }
  return depth;
}

type Value = { kind: 'none' } | { kind: 'block' } | { kind: 'flow'; open: number } | { kind: 'scalar' };

function readValue(value: string): Value {
  // Anchors and tags before the value do not change what follows.
  const words = value.trim().split(/[ \t]+/);
  while (words.length > 0 && /^[&!]/.test(words[0] ?? '')) words.shift();
  const v = words.join(' ');
  if (v === '') return { kind: 'none' };
  if (/^[|>][-+0-9]*$/.test(v)) return { kind: 'block' };
  if (v.startsWith('[') || v.startsWith('{')) return { kind: 'flow', open: countOpenBrackets(v) };
  return { kind: 'scalar' };
}

/**
 * Reads the block structure of `text` line by line, up to `untilLine`, and returns the first
 * line whose indentation fits no open level. Heuristic by design: it is only consulted when the
 * parser has already failed on an indentation-shaped error, to say which line to fix.
 */
export function findIndentSlip(text: string, untilLine: number): IndentSlip | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const levels: Level[] = [];
  let opener: { indent: number; isItem: boolean } | undefined;
  let block: { indent: number; line: number; hasText: boolean } | undefined;
  let flow = 0;
  let isAfterText = false;
  for (let i = 0; i < lines.length && i < untilLine; i++) {
    const lineNo = i + 1;
    const raw = lines[i] ?? '';
    if (flow > 0) {
      flow += countOpenBrackets(stripComment(raw));
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    const content = stripComment(raw.slice(indent));
    if (/[\t]/.test(raw.slice(0, indent))) return undefined;
    if (block !== undefined) {
      if (raw.trim() === '') continue;
      if (indent > block.indent) {
        block.hasText = true;
        continue;
      }
      const isText = matchKey(content) === undefined && !/^-( |$)/.test(content) && !content.startsWith('#');
      if (!block.hasText && isText) return blockTextSlip(block, levels);
      block = undefined;
    }
    if (content === '' || content.startsWith('#')) continue;
    if (indent === 0 && /^(?:---|\.\.\.)(?:\s|$)/.test(content)) {
      levels.length = 0;
      opener = undefined;
      continue;
    }
    if (indent === 0 && content.startsWith('%')) continue;
    const isItem = /^-( |$)/.test(content);
    const isKey = matchKey(content) !== undefined;
    const top = levels.at(-1);
    if (top === undefined) {
      levels.push({ indent, line: lineNo, firstLine: lineNo });
    } else if (
      opener !== undefined &&
      (indent > opener.indent || (isItem && !opener.isItem && indent === opener.indent))
    ) {
      levels.push({ indent, line: lineNo, firstLine: lineNo });
    } else if (indent > top.indent) {
      // A plain value may run on into more-indented lines; a key or item there is out of step,
      // unless the line above is text without a `:` (then that line is the mistake).
      if (!isKey && !isItem) continue;
      if (isAfterText) return undefined;
      return {
        line: lineNo,
        column: indent + 1,
        kind: 'more',
        indent,
        expected: top.indent,
        expectedLine: top.line,
        firstLine: top.firstLine,
      };
    } else {
      let popped: Level | undefined;
      while ((levels.at(-1)?.indent ?? -1) > indent) popped = levels.pop();
      const level = levels.at(-1);
      if (level === undefined || level.indent !== indent) {
        const closest = popped ?? top;
        const slip: IndentSlip = {
          line: lineNo,
          column: indent + 1,
          kind: 'less',
          indent,
          expected: closest.indent,
          expectedLine: closest.line,
          firstLine: closest.firstLine,
        };
        if (level !== undefined) slip.parent = { indent: level.indent, line: level.line };
        return slip;
      }
      level.line = lineNo;
    }
    opener = undefined;
    isAfterText = !isKey && !isItem;
    let rest = content;
    let restIndent = indent;
    if (isItem) {
      const after = content.slice(1);
      const gap = after.length - after.trimStart().length;
      rest = after.trimStart();
      restIndent = indent + 1 + gap;
      if (rest === '') {
        opener = { indent, isItem: true };
        continue;
      }
      if (matchKey(rest) !== undefined) levels.push({ indent: restIndent, line: lineNo, firstLine: lineNo });
    }
    const key = matchKey(rest);
    const value = readValue(key === undefined ? rest : rest.slice(key));
    if (key !== undefined && value.kind === 'none') opener = { indent: restIndent, isItem: false };
    if (key !== undefined && value.kind === 'block') block = { indent: restIndent, line: lineNo, hasText: false };
    if (value.kind === 'flow') flow = value.open;
  }
  return undefined;
}

/** A `key: >` whose text is not indented more than the key: usually the key slipped right. */
function blockTextSlip(block: { indent: number; line: number }, levels: readonly Level[]): IndentSlip {
  const below = [...levels].reverse().find((l) => l.indent < block.indent);
  const own = levels.find((l) => l.indent === block.indent);
  return {
    line: block.line,
    column: block.indent + 1,
    kind: 'block-text',
    indent: block.indent,
    expected: below?.indent ?? 0,
    expectedLine: below?.line ?? block.line,
    firstLine: own?.firstLine ?? block.line,
  };
}
