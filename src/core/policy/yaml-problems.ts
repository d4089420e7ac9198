import type { Document, YAMLError } from 'yaml';
import { yamlParserIssueCode } from '../issue-codes.js';
import type { PolicyIssueCode } from '../issue-codes.js';
import { findUnclosedFlow, findUnclosedQuote } from './locate.js';
import type { Position } from './locate.js';
import { describeIndentSlip, describeTabs } from './yaml-root-cause.js';
import { findIndentSlip } from './yaml-indentation.js';

/** What to do about a key repeated in one mapping (found by `checkNodes`, not by the parser). */
export const duplicateKeyHint =
  'Each key may appear once in a mapping (`a` and `"a"` are the same key); remove or rename one.';

const yamlErrorHints: Record<string, string> = {
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  BAD_INDENT: 'Check the indentation and that every bracket and quote is closed.',
  MISSING_CHAR: 'A closing bracket, brace or quote is missing.',
  NON_STRING_KEY: 'Keys must be plain names; complex keys (`? [a, b]`) are not allowed.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; check for a missing `:` or quote on the line before.',
  UNEXPECTED_TOKEN: 'Check the syntax around this position: a stray character, or a missing `:` or `-`.',
  BLOCK_AS_IMPLICIT_KEY: 'Quote a value that contains `: `, or check the indentation of the line below.',
  BAD_SCALAR_START: 'Quote the value: a plain value cannot start with a reserved character such as `@` or a backtick.',
  BAD_DIRECTIVE: 'Remove the directive; policies are plain YAML 1.2.',
};

/**
 * The parser's errors and warnings as issues, explained where the parser's own report would
 * mislead. `tagged` holds the offsets of tags already reported by the node checks.
 */
export function describeProblems(
  doc: Document.Parsed,
  text: string,
  pos: (offset: number) => Position,
  tagged: ReadonlySet<number>,
): ExplainedProblem[] {
  const out: ExplainedProblem[] = [];
  const rootCause = findRootCause(doc, text, pos);
  if (rootCause !== undefined) return [rootCause];
  const problems = [...doc.errors, ...doc.warnings];
  const context: ProblemContext = {
    doc,
    text,
    pos,
    used: new Set(),
    tabLines: new Set(problems.filter((p) => p.code === 'TAB_AS_INDENT').map((p) => pos(p.pos[0]).line)),
    multilineKeys: new Set(problems.filter((p) => p.code === 'MULTILINE_IMPLICIT_KEY').map((p) => p.pos[0])),
  };
  for (const problem of problems) {
    // Unresolved tags are reported once, by node and with their path, in checkNodes.
    if (problem.code === 'TAG_RESOLVE_FAILED' && tagged.has(problem.pos[0])) continue;
    const explained = explainProblem(problem, context);
    if (explained === null) continue;
    if (explained !== undefined) {
      out.push(explained);
      continue;
    }
    let offset = problem.pos[0];
    // Indentation errors point at the start of the line; the token after the spaces is what is misplaced.
    if (problem.code === 'BAD_INDENT') while (/[ \r\n]/.test(text[offset] ?? '')) offset++;
    const p = pos(offset);
    const message = problem.message.split('\n')[0] ?? problem.message;
    const hint = yamlErrorHints[problem.code] ?? 'Fix the YAML syntax at this position.';
    const code = yamlParserIssueCode(problem.code);
    out.push({ code, message: message.endsWith('.') ? message : `${message}.`, hint, ...p });
  }
  return out;
}

/** Parser errors whose cause may be a line indented out of step, reported lines before or after it. */
const indentShaped = new Set([
  'BAD_INDENT',
  'MULTILINE_IMPLICIT_KEY',
  'MISSING_CHAR',
  'BLOCK_AS_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
]);

/**
 * One parser error usually sets off more as the parser recovers. A tab, or a line indented out
 * of step before the first error, is the cause of all of them: report it alone.
 */
function findRootCause(
  doc: Document.Parsed,
  text: string,
  pos: (offset: number) => Position,
): ExplainedProblem | undefined {
  const tabs = doc.errors.filter((p) => p.code === 'TAB_AS_INDENT');
  if (tabs.length > 0) return describeTabs(tabs, text, pos);
  const first = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first === undefined || !indentShaped.has(first.code)) return undefined;
  // An unclosed bracket or quote throws the indentation of every later line: its own explanation wins.
  if (doc.errors.some((p) => /^(?:Flow (?:sequence|map)|Missing closing)/.test(p.message))) return undefined;
  // The parser may report at the blank lines before the token it stopped at.
  let start = first.pos[0];
  while (/[ \r\n]/.test(text[start] ?? '')) start++;
  const line = pos(Math.max(start, first.pos[1] - 1)).line;
  const slip = findIndentSlip(text, line);
  return slip === undefined ? undefined : describeIndentSlip(slip);
}

export interface ExplainedProblem extends Position {
  code: PolicyIssueCode;
  message: string;
  hint: string;
}

interface ProblemContext {
  doc: Document.Parsed;
  text: string;
  pos: (offset: number) => Position;
  /** Opening brackets already blamed for an earlier error. */
  used: Set<number>;
  tabLines: ReadonlySet<number>;
  multilineKeys: ReadonlySet<number>;
}

/**
 * The parser reports an unclosed bracket or quote where it gave up, often lines later, a
 * repeated key without its name, and a wrongly indented line as a key spanning lines. Point
 * at the cause instead. Returns null for an error that another one already explains.
 */
function explainProblem(problem: YAMLError, ctx: ProblemContext): ExplainedProblem | null | undefined {
  const { pos } = ctx;
  const [offset, end] = problem.pos;
  if (problem.code === 'BLOCK_AS_IMPLICIT_KEY' && ctx.multilineKeys.has(offset)) return null;
  if (problem.code === 'MULTILINE_IMPLICIT_KEY') return explainMultilineKey(ctx, offset, end);
  const flow = /^Flow (sequence|map) .*end with an? ([\]}])/.exec(problem.message);
  if (flow !== null && (problem.code === 'BAD_INDENT' || problem.code === 'MISSING_CHAR')) {
    const isSeq = flow[1] === 'sequence';
    const opening = findUnclosedFlow(ctx.doc, ctx.text, isSeq, offset, ctx.used);
    if (opening === undefined) return undefined;
    ctx.used.add(opening);
    const [open, close] = isSeq ? ['[', ']'] : ['{', '}'];
    return {
      code: 'yaml.unclosed-bracket',
      message: `This \`${open}\` is never closed with \`${close}\`.`,
      hint: `Add the closing \`${close}\`; if the ${isSeq ? 'list' : 'mapping'} spans lines, indent them more than its key.`,
      ...pos(opening),
    };
  }
  const quote = /^Missing closing (["'])quote/.exec(problem.message);
  if (quote !== null && quote[1] !== undefined) {
    const opening = findUnclosedQuote(ctx.doc, quote[1], offset);
    if (opening === undefined) return undefined;
    const inner = quote[1] === '"' ? '`\\"`' : "`''`";
    return {
      code: 'yaml.unclosed-quote',
      message: `This \`${quote[1]}\` quote is never closed.`,
      hint: `Add the closing \`${quote[1]}\`; write a quote inside the value as ${inner}.`,
      ...pos(opening),
    };
  }
  return undefined;
}

/**
 * A plain value or key that runs on into the next line, which then holds the `:`. Either the
 * later line is indented too far (it continues the value above), or the first lacks its `:`.
 */
function explainMultilineKey(ctx: ProblemContext, start: number, end: number): ExplainedProblem | null {
  const first = ctx.pos(start);
  const lastLineStart = ctx.text.lastIndexOf('\n', end - 1) + 1;
  let lastColumn = lastLineStart;
  while (ctx.text[lastColumn] === ' ') lastColumn++;
  const last = ctx.pos(lastColumn);
  for (let line = first.line; line <= last.line; line++) if (ctx.tabLines.has(line)) return null;
  const lineStart = ctx.text.lastIndexOf('\n', start - 1) + 1;
  const isValue = /:[ \t]*$/.test(ctx.text.slice(lineStart, start));
  if (isValue) {
    return {
      code: 'yaml.bad-indent',
      message: `Line ${last.line} is indented more than the keys above it, so YAML reads it as part of the value on line ${first.line}.`,
      hint: `Indent line ${last.line} like the other keys of its mapping; if the value on line ${first.line} contains \`: \`, quote it.`,
      ...last,
    };
  }
  return {
    code: 'yaml.missing-colon',
    message: `Line ${first.line} has no \`:\`, so YAML reads it and line ${last.line} as one key.`,
    hint: `Write line ${first.line} as \`key: value\` (or \`- item\` in a list).`,
    ...first,
  };
}
