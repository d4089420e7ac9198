import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentBodyLimit, truncateCommentBody, truncationNotice } from '../../../src/github/truncate.js';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Open fences and `<details>` blocks left at the end of a text, by the same reading GitHub gives it. */
function openBlocks(text: string): { fence: boolean; details: number } {
  let fence: string | undefined;
  let details = 0;
  for (const line of text.split('\n')) {
    const run = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence !== undefined) {
      if (
        run?.[1] !== undefined &&
        run[1][0] === fence[0] &&
        run[1].length >= fence.length &&
        (run[2] ?? '').trim() === ''
      )
        fence = undefined;
      continue;
    }
    if (run?.[1] !== undefined) {
      fence = run[1];
      continue;
    }
    details += (line.match(/<details(?=[\s>])/gi)?.length ?? 0) - (line.match(/<\/details\s*>/gi)?.length ?? 0);
  }
  return { fence: fence !== undefined, details };
}

describe('truncateCommentBody', () => {
  it('leaves a body within the limit as it is', () => {
    const body = 'a'.repeat(commentBodyLimit);
    expect(truncateCommentBody(body)).toEqual({ body, isTruncated: false });
  });

  it('closes a code fence open at the cut, with the same fence', () => {
    const body = [
      'intro',
      '~~~~text',
      ...Array.from({ length: 50 }, (_, i) => `line ${i} ${'.'.repeat(20)}`),
      '~~~~',
      'after',
    ].join('\n');
    const { body: cut, isTruncated } = truncateCommentBody(body, 400);
    expect(isTruncated).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(400);
    expect(cut).toMatch(/\n~~~~\n\n> \*\*This report is truncated\*\*/);
    expect(openBlocks(cut)).toEqual({ fence: false, details: 0 });
  });

  it('closes nested <details> blocks, after the fence inside them', () => {
    const body = [
      '<details><summary>A</summary>',
      '',
      '<details>',
      '<summary>B</summary>',
      '',
      '```',
      ...Array.from({ length: 50 }, (_, i) => `row ${i}`),
      '```',
      '</details>',
      '</details>',
    ].join('\n');
    const cut = truncateCommentBody(body, 300).body;
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut.endsWith(`\`\`\`\n\n</details>\n\n</details>\n\n${truncationNotice}\n`)).toBe(true);
  });

  it('cuts a single overlong line between code points, never inside a surrogate pair', () => {
    for (const limit of [300, 301]) {
      const cut = truncateCommentBody('😀'.repeat(400), limit).body;
      expect(cut.length).toBeLessThanOrEqual(limit);
      expect(loneSurrogate.test(cut)).toBe(false);
    }
  });

  it('keeps every property on arbitrary markdown made of fences, details, tables and emoji', () => {
    const fragment = fc.constantFrom(
      '```',
      '```mermaid',
      '~~~',
      '````',
      '<details>',
      '<details><summary>x</summary>',
      '</details>',
      '| a | b |',
      '😀 👩‍💼 text',
      '',
      '> quote',
      'x'.repeat(80),
    );
    fc.assert(
      fc.property(
        fc.array(fragment, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 250, max: 2000 }),
        (lines, limit) => {
          const body = lines.join('\n');
          const { body: cut, isTruncated } = truncateCommentBody(body, limit);
          expect(cut.length).toBeLessThanOrEqual(limit);
          if (!isTruncated) {
            expect(cut).toBe(body);
            return;
          }
          expect(cut.endsWith(`${truncationNotice}\n`)).toBe(true);
          expect(loneSurrogate.test(cut)).toBe(false);
          const kept = cut.slice(0, cut.lastIndexOf(truncationNotice));
          expect(openBlocks(kept).fence).toBe(false);
          expect(openBlocks(kept).details).toBeLessThanOrEqual(0);
          const ownText = kept.replace(/(?:\n(?:`{3,}|~{3,}|<\/details>)?)*\n*$/, '');
          expect(body.startsWith(ownText)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
