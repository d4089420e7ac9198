/** GitHub refuses issue comment bodies longer than this many characters. */
export const commentBodyLimit = 65_536;

export const truncationNotice =
  "> **This report is truncated** to fit GitHub's 65,536-character comment limit. The full report is in the job summary and the workflow artifact.";

export interface TruncatedBody {
  body: string;
  isTruncated: boolean;
}

interface Fence {
  char: '`' | '~';
  length: number;
}

interface BlockState {
  fence: Fence | undefined;
  detailsDepth: number;
}

const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/;

function nextState(state: BlockState, line: string): BlockState {
  const fenceMatch = fenceOpen.exec(line);
  if (state.fence !== undefined) {
    const run = fenceMatch?.[1];
    const isClose =
      run !== undefined &&
      run[0] === state.fence.char &&
      run.length >= state.fence.length &&
      (fenceMatch?.[2] ?? '').trim() === '';
    return isClose ? { ...state, fence: undefined } : state;
  }
  const run = fenceMatch?.[1];
  if (run !== undefined && !(run[0] === '`' && (fenceMatch?.[2] ?? '').includes('`'))) {
    return { ...state, fence: { char: run[0] === '`' ? '`' : '~', length: run.length } };
  }
  const opens = line.match(/<details(?=[\s>])/gi)?.length ?? 0;
  const closes = line.match(/<\/details\s*>/gi)?.length ?? 0;
  return { ...state, detailsDepth: Math.max(0, state.detailsDepth + opens - closes) };
}

/** What closes every block left open at the cut, then the notice. */
function closingTail(state: BlockState): string {
  const parts: string[] = [];
  if (state.fence !== undefined) parts.push(state.fence.char.repeat(state.fence.length));
  for (let i = 0; i < state.detailsDepth; i += 1) parts.push('', '</details>');
  parts.push('', truncationNotice);
  return `\n${parts.join('\n')}\n`;
}

/** Cuts within a line, never between the two halves of a UTF-16 surrogate pair. */
function cutAtCodePoint(text: string, length: number): string {
  if (length <= 0) return '';
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

/**
 * Fits a comment body into GitHub's limit. The cut falls at the end of a line; a code fence or
 * `<details>` block open there is closed, and a visible notice points to the full report.
 * Lengths are counted in UTF-16 code units, which is never fewer than GitHub's character count.
 */
export function truncateCommentBody(body: string, limit = commentBodyLimit): TruncatedBody {
  if (body.length <= limit) return { body, isTruncated: false };
  const lines = body.split('\n');
  let state: BlockState = { fence: undefined, detailsDepth: 0 };
  let keptLength = -1;
  let best: { end: number; tail: string } | undefined;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    state = nextState(state, line);
    keptLength += line.length + 1;
    const tail = closingTail(state);
    if (keptLength + tail.length > limit) break;
    best = { end: keptLength, tail };
  }
  if (best === undefined) {
    const tail = closingTail({ fence: undefined, detailsDepth: 0 });
    return { body: cutAtCodePoint(body, limit - tail.length) + tail, isTruncated: true };
  }
  return { body: body.slice(0, best.end).replace(/\s+$/, '') + best.tail, isTruncated: true };
}
