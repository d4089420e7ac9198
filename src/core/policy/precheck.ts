import { CST, Lexer } from 'yaml';
import { limits } from './limits.js';

export interface PrecheckFailure {
  code: 'file.too-large' | 'yaml.too-deep';
  message: string;
  hint: string;
  line: number;
  column: number;
}

/**
 * Checks size and nesting depth before the text reaches the YAML composer, whose recursion
 * deep input can exhaust (and, once the stack is exhausted, V8 may abort the process).
 */
export function precheckText(text: string, byteLength: number): PrecheckFailure | undefined {
  const tooLarge = checkSize(byteLength);
  if (tooLarge !== undefined) return tooLarge;
  const measure = createDepthMeter();
  for (const source of new Lexer().lex(text)) {
    const tooDeep = measure(source);
    if (tooDeep !== undefined) return tooDeep;
  }
  return undefined;
}

export function checkSize(byteLength: number): PrecheckFailure | undefined {
  if (byteLength <= limits.maxFileBytes) return undefined;
  return {
    code: 'file.too-large',
    message: `File is ${byteLength} bytes; policy files may be at most ${limits.maxFileBytes} bytes.`,
    hint: 'Split the policy into several files, or check that this is really a policy file.',
    line: 0,
    column: 0,
  };
}

interface BlockLevel {
  column: number;
  depth: number;
  isSeq: boolean;
}

/**
 * Measures nesting on the tokens of yaml's lexer, fed one at a time (so a parser can share
 * them), which tells quotes, comments and block scalars apart exactly as the parser will.
 * Flow collections (and the single-pair maps of `[a: b]`) are counted exactly; block nesting
 * comes from indentation plus the `-`, `?` and `:` indicators that open compact collections
 * on one line. Returns a failure for the first token past the limit.
 */
export function createDepthMeter(): (source: string) => PrecheckFailure | undefined {
  const flow: { isSeq: boolean; hasPair: boolean }[] = [];
  const block: BlockLevel[] = [];
  let pairs = 0;
  let lineDepth = 0;
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  let isAtLineStart = true;
  let isScalarNext = false;
  let isBlockScalarBody = false;
  let isItemOpen = false;
  let itemColumn = -1;
  let hasColon = false;
  let endsWithColon = false;

  return (source) => {
    if (source === CST.DOCUMENT || source === CST.FLOW_END) return undefined;
    if (source === CST.SCALAR) {
      isScalarNext = true;
      return undefined;
    }
    const type = isScalarNext ? 'scalar' : CST.tokenType(source);
    isScalarNext = false;
    if (source === '') {
      isBlockScalarBody = false;
      return undefined;
    }
    const column = offset - lineStart;
    const tokenLine = line;
    offset += source.length;
    for (let nl = source.indexOf('\n'); nl >= 0; nl = source.indexOf('\n', nl + 1)) {
      line++;
      lineStart = offset - source.length + nl + 1;
    }
    const endsLine = source.endsWith('\n');

    if (
      type === 'newline' ||
      type === 'space' ||
      type === 'comment' ||
      type === 'byte-order-mark' ||
      type === 'directive-line'
    ) {
      if (type === 'newline' || endsLine) isAtLineStart = true;
      return undefined;
    }
    if (type === 'doc-start' || type === 'doc-end') {
      flow.length = 0;
      block.length = 0;
      pairs = 0;
      lineDepth = 0;
      isAtLineStart = false;
      return undefined;
    }
    const isBody = isBlockScalarBody && type === 'scalar';
    isBlockScalarBody = type === 'block-scalar-header';
    const isFlowStart = type === 'flow-seq-start' || type === 'flow-map-start';
    let isFirst = false;
    if (isAtLineStart && !isBody && flow.length === 0) {
      isFirst = true;
      lineDepth = startLine(block, column, type === 'seq-item-ind', endsWithColon, isFlowStart);
      isItemOpen = type === 'seq-item-ind' || type === 'explicit-key-ind';
      itemColumn = -1;
      hasColon = type === 'map-value-ind';
    }
    isAtLineStart = endsLine;
    if (flow.length === 0) endsWithColon = type === 'map-value-ind';

    if (isFlowStart) {
      flow.push({ isSeq: type === 'flow-seq-start', hasPair: false });
      isItemOpen = false;
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') {
      if (flow.pop()?.hasPair === true) pairs--;
      return undefined;
    } else if (flow.length > 0) {
      const top = flow[flow.length - 1];
      if (type === 'comma' && top?.hasPair === true) {
        top.hasPair = false;
        pairs--;
      } else if (type === 'map-value-ind' && top?.isSeq === true && !top.hasPair) {
        top.hasPair = true;
        pairs++;
      }
    } else if (!isFirst && (type === 'seq-item-ind' || type === 'explicit-key-ind')) {
      lineDepth++;
      block.push({ column, depth: lineDepth, isSeq: type === 'seq-item-ind' });
      isItemOpen = true;
      itemColumn = -1;
      hasColon = false;
    } else if (!isFirst && type === 'map-value-ind') {
      if (isItemOpen || hasColon) {
        // `- a: b` opens a map inside the item; `a: b: c` is invalid but still nests in the parser.
        lineDepth++;
        block.push({ column: isItemOpen && itemColumn >= 0 ? itemColumn : column, depth: lineDepth, isSeq: false });
      }
      isItemOpen = false;
      hasColon = true;
    } else if (!isFirst && isItemOpen && itemColumn < 0) {
      itemColumn = column;
    }

    if (lineDepth + flow.length + pairs > limits.maxDepth) {
      return {
        code: 'yaml.too-deep',
        message: `Nesting is deeper than ${limits.maxDepth} levels.`,
        hint: 'Policies never need this much nesting; flatten the structure.',
        line: tokenLine,
        column: column + 1,
      };
    }
    return undefined;
  };
}

/** Closes the block levels a line's indentation ends and returns the depth of the line's first node. */
function startLine(
  block: BlockLevel[],
  column: number,
  isSeqItem: boolean,
  isValueOpen: boolean,
  isFlowStart: boolean,
): number {
  while (block.length > 0 && (block[block.length - 1]?.column ?? 0) > column) block.pop();
  const top = block[block.length - 1];
  if (top !== undefined && top.column === column) {
    // Another item of the same sequence, or the first item of a sequence that YAML lets sit
    // at its key's indentation (`key:` then `- item` at the same column).
    if (isSeqItem && top.isSeq) return top.depth;
    if (!(isSeqItem && isValueOpen)) {
      while (block.length > 0 && (block[block.length - 1]?.column ?? 0) >= column) block.pop();
    }
  }
  const base = block[block.length - 1]?.depth ?? 0;
  block.push({ column, depth: base + 1, isSeq: isSeqItem });
  return isFlowStart ? base : base + 1;
}
