import { describe, expect, it } from 'vitest';
import type { IssueComment, PlanInput } from '../../../src/github/sticky-comment.js';
import { findOwnComments, planStickyComment, prepareCommentBody } from '../../../src/github/sticky-comment.js';

const name = 'revops-policy:impact';
const sha = '3f786850e387550fdab836ed7e6dc881de23001b';
const bot = 'github-actions[bot]';
let nextId = 1;
const comment = (login: string | null, body: string): IssueComment => ({
  id: nextId++,
  user: login === null ? null : { login },
  body,
  html_url: '',
});
const marked = (run: string, text = 'report'): string => `<!-- ${name} sha=${sha} run=${run} -->\n${text}\n`;
const plan = (comments: IssueComment[], overrides: Partial<PlanInput> = {}) =>
  planStickyComment({
    comments,
    author: bot,
    markerName: name,
    body: marked('900.1', 'new report'),
    run: { id: 900n, attempt: 1n },
    mode: 'update',
    ...overrides,
  });

describe('prepareCommentBody', () => {
  it('puts the marker first and drops a marker line the body already had', () => {
    const prepared = prepareCommentBody(`<!-- ${name} -->\r\n\r\n### Impact\r\n`, name, {
      sha,
      run: { id: 5n, attempt: 0n },
    });
    expect(prepared).toEqual({ body: `<!-- ${name} sha=${sha} run=5 -->\n### Impact\n`, isTruncated: false });
  });
});

describe('planStickyComment', () => {
  it('creates when there is no comment of ours', () => {
    expect(plan([comment('octo-analyst', marked('900.1')), comment('other-bot[bot]', marked('900.1'))])).toEqual({
      action: 'create',
    });
  });

  it('updates the latest of ours, matched by author without regard to case', () => {
    const older = comment('GitHub-Actions[bot]', marked('800.1'));
    const latest = comment(bot, marked('850.1'));
    expect(findOwnComments([older, latest, comment(null, marked('1'))], bot, name)).toEqual([older, latest]);
    expect(plan([older, latest])).toEqual({ action: 'update', commentId: latest.id });
  });

  it('skips an unchanged body whatever the run stamp', () => {
    const ours = comment(bot, marked('850.1', 'new report'));
    expect(plan([ours])).toEqual({ action: 'skip', reason: 'unchanged', commentId: ours.id });
  });

  it('never overwrites a newer run, in any mode', () => {
    const ours = comment(bot, marked('900.2'));
    for (const mode of ['update', 'new', 'delete-and-new'] as const) {
      expect(plan([ours], { mode })).toEqual({
        action: 'skip',
        reason: 'newer-run',
        commentId: ours.id,
        theirRun: '900.2',
      });
    }
  });

  it('ignores a newer run stamp in somebody else’s comment', () => {
    expect(plan([comment('octo-analyst', marked('999.1'))])).toEqual({ action: 'create' });
  });

  it('is not frozen by our author quoting a marker below the first line or with a forged stamp', () => {
    const quoting = comment(bot, `Thanks! You wrote:\n${marked('99999999999999999999.1')}`);
    const forged = comment(bot, marked('9007199254740992.1'));
    const ours = comment(bot, marked('850.1'));
    expect(findOwnComments([quoting, forged, ours], bot, name)).toEqual([ours]);
    expect(plan([quoting, forged, ours])).toEqual({ action: 'update', commentId: ours.id });
    expect(plan([quoting, forged])).toEqual({ action: 'create' });
  });

  it('updates without a run stamp of its own (outside a workflow)', () => {
    const ours = comment(bot, marked('999.1'));
    expect(plan([ours], { run: undefined })).toEqual({ action: 'update', commentId: ours.id });
  });

  it('creates in new mode; deletes all of ours, and only ours, in delete-and-new mode', () => {
    const a = comment(bot, marked('800.1'));
    const b = comment(bot, marked('850.1'));
    const theirs = comment('octo-analyst', marked('850.1'));
    expect(plan([a, theirs, b], { mode: 'new' })).toEqual({ action: 'create' });
    expect(plan([a, theirs, b], { mode: 'delete-and-new' })).toEqual({
      action: 'delete-and-create',
      deleteIds: [a.id, b.id],
    });
    expect(plan([theirs], { mode: 'delete-and-new' })).toEqual({ action: 'create' });
  });
});
