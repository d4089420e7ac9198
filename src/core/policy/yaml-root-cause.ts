import type { YAMLError } from 'yaml';
import type { Position } from './locate.js';
import type { IndentSlip } from './yaml-indentation.js';
import type { ExplainedProblem } from './yaml-problems.js';

function spaces(n: number): string {
  return `${n} space${n === 1 ? '' : 's'}`;
}

/** Every tab used as indentation, as one issue at the first: the parser's later errors follow from it. */
export function describeTabs(
  tabs: readonly YAMLError[],
  text: string,
  pos: (offset: number) => Position,
): ExplainedProblem {
  const places = tabs.map((t) => {
    const lineStart = text.lastIndexOf('\n', t.pos[0] - 1) + 1;
    const tab = text.indexOf('\t', lineStart);
    return pos(tab >= 0 && tab <= t.pos[0] + 1 ? tab : t.pos[0]);
  });
  const lines = [...new Set(places.map((p) => p.line))].sort((a, b) => a - b);
  const first = places.find((p) => p.line === lines[0]) ?? places[0]!;
  const more = lines.slice(1);
  const others = more.length === 0 ? '' : ` (and on line${more.length === 1 ? '' : 's'} ${more.join(', ')})`;
  return {
    code: 'yaml.tab-as-indent',
    message: `Line ${first.line} is indented with a tab; YAML does not allow tabs in indentation.`,
    hint: `YAML indents with spaces; replace the tab at line ${first.line} col ${first.column}${others}.`,
    ...first,
  };
}

/** The wrongly indented line, said in terms of the lines it should line up with. */
export function describeIndentSlip(slip: IndentSlip): ExplainedProblem {
  const at = { code: 'yaml.bad-indent' as const, line: slip.line, column: slip.column };
  const { line, indent, expected, expectedLine } = slip;
  if (slip.kind === 'more') {
    return {
      ...at,
      message: `Line ${line} is indented more than the keys above it: ${spaces(indent)}, against ${expected} on line ${expectedLine}, which already has a value.`,
      hint: `Indent line ${line} with ${spaces(expected)} like line ${expectedLine}; only a key with nothing after its \`:\` takes more-indented lines under it.`,
    };
  }
  if (slip.kind === 'block-text') {
    return {
      ...at,
      message: `Line ${line} is indented ${spaces(indent)}, no less than the text of its value below it, so YAML reads an empty value and then the text as a key.`,
      hint: `Indent line ${line} like the keys at ${spaces(expected)} (line ${expectedLine}), or indent its text more than the key.`,
    };
  }
  const parent = slip.parent;
  const between =
    parent === undefined ? '' : ` and more than the level above (${spaces(parent.indent)}, line ${parent.line})`;
  const up = parent === undefined ? '' : `, or with ${spaces(parent.indent)} to move it up a level`;
  // A line one usual step in from its parent may be right, and the block before it the one that slipped.
  const step = parent === undefined ? 0 : indent - parent.indent;
  const isBlockSuspect = parent !== undefined && step >= 2 && step < expected - parent.indent;
  const other = isBlockSuspect
    ? `; if line ${slip.firstLine} and the lines after it are the ones out of place, indent them with ${spaces(indent)} instead`
    : '';
  return {
    ...at,
    message: `Line ${line} is indented ${spaces(indent)}, less than the keys before it (${spaces(expected)}, line ${expectedLine})${between}.`,
    hint: `Indent line ${line} with ${spaces(expected)} like line ${expectedLine}${up}${other}.`,
  };
}
