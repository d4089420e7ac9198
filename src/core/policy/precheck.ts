import { limits } from './limits.js';

export interface PrecheckFailure {
  code: 'file.too-large' | 'yaml.too-deep';
  message: string;
  hint: string;
  line: number;
  column: number;
}

/**
 * Estimates nesting depth without parsing: block indentation levels plus compact
 * `- ` entries plus open flow brackets. It over-estimates rather than under-estimates,
 * which is the safe side: a parser must never see input deep enough to exhaust the stack.
 */
export function precheckText(text: string, byteLength: number): PrecheckFailure | undefined {
  if (byteLength > limits.maxFileBytes) {
    return {
      code: 'file.too-large',
      message: `File is ${byteLength} bytes; policy files may be at most ${limits.maxFileBytes} bytes.`,
      hint: 'Split the policy into several files, or check that this is really a policy file.',
      line: 0,
      column: 0,
    };
  }
  const indents: number[] = [];
  let flowDepth = 0;
  let line = 1;
  for (const raw of text.split('\n')) {
    let col = 0;
    while (col < raw.length && (raw[col] === ' ' || raw[col] === '\t')) col++;
    const isBlank = col === raw.length || raw[col] === '#' || raw[col] === '\r';
    if (!isBlank && flowDepth === 0) {
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= col) indents.pop();
      indents.push(col);
    }
    let depth = indents.length;
    let quote: string | undefined;
    let previous = ' ';
    for (let i = col; i < raw.length; i++) {
      const c = raw[i];
      if (quote !== undefined) {
        if (c === quote) quote = undefined;
      } else if (c === '#' && (previous === ' ' || previous === '\t')) {
        break;
      } else if ((c === '"' || c === "'") && ' \t:-[{,?'.includes(previous)) {
        quote = c;
      } else if (c === '[' || c === '{') {
        flowDepth++;
      } else if (c === ']' || c === '}') {
        flowDepth = Math.max(0, flowDepth - 1);
      } else if (c === '-' && (raw[i + 1] === ' ' || raw[i + 1] === undefined) && ' \t-'.includes(previous)) {
        depth++;
      }
      if (depth + flowDepth > limits.maxDepth) {
        return {
          code: 'yaml.too-deep',
          message: `Nesting is deeper than ${limits.maxDepth} levels.`,
          hint: 'Policies never need this much nesting; flatten the structure.',
          line,
          column: i + 1,
        };
      }
      if (c !== ' ' && c !== '\t') previous = c ?? ' ';
      else previous = ' ';
    }
    line++;
  }
  return undefined;
}
