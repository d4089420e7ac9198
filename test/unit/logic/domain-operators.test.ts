import { describe, expect, it } from 'vitest';
import {
  compileRule,
  createBusinessCalendar,
  LogicCompileError,
  RuleEvaluationError,
} from '../../../src/core/logic/compile.js';
import type { CompileOptions } from '../../../src/core/logic/compile.js';

const asOf = Date.parse('2026-03-02T00:00:00Z');
const calendars = new Map([
  [
    'us-business-hours',
    createBusinessCalendar({
      timeZone: 'America/New_York',
      workingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '17:30' }],
    }),
  ],
]);
const options: CompileOptions = { asOf, calendars };

function run(rule: unknown, data: Record<string, unknown> = {}): unknown {
  return compileRule(rule, options)(data);
}

function compileCode(rule: unknown, opts: CompileOptions = options): string {
  try {
    compileRule(rule, opts);
  } catch (error) {
    if (error instanceof LogicCompileError) return error.kind;
    throw error;
  }
  return 'compiled';
}

function failure(rule: unknown, data: Record<string, unknown>): RuleEvaluationError | undefined {
  try {
    compileRule(rule, { ...options, path: ['when'] })(data);
  } catch (error) {
    if (error instanceof RuleEvaluationError) return error;
    throw error;
  }
  return undefined;
}

describe('time operators', () => {
  it.each([
    [
      'days between two ISO instants, fractional',
      { days_between: ['2026-03-01T00:00:00Z', '2026-03-02T12:00:00Z'] },
      1.5,
    ],
    ['days between epoch ms', { days_between: [0, 86_400_000 * 3] }, 3],
    [
      'days between instants in different offsets',
      { days_between: ['2026-03-01T00:00:00+05:30', '2026-03-01T18:30:00Z'] },
      1,
    ],
    ['negative when the second is earlier', { days_between: ['2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z'] }, -1],
    ['null when one is missing', { days_between: [{ var: 'created_at' }, '2026-03-01T00:00:00Z'] }, null],
    ['null when one is empty', { days_between: ['', '2026-03-01T00:00:00Z'] }, null],
    [
      'sub-millisecond digits through the full ISO parser',
      { days_between: ['2026-03-01T00:00:00.000001Z', '2026-03-02T00:00:00.000001Z'] },
      1,
    ],
    ['hours since an instant, to the as-of time', { hours_since: ['2026-03-01T00:00:00Z'] }, 24],
    ['hours since, in unary form', { hours_since: { var: 'at' } }, null],
    ['days since an instant', { days_since: ['2026-02-28T12:00:00Z'] }, 1.5],
    [
      'business hours on a named calendar',
      { business_hours_between: ['2026-03-13T16:30:00-04:00', '2026-03-16T09:30:00-04:00', 'us-business-hours'] },
      2,
    ],
    [
      'business hours, null when one is missing',
      { business_hours_between: [{ var: 'x' }, 0, 'us-business-hours'] },
      null,
    ],
  ])('%s', (_name, rule, expected) => {
    expect(run(rule)).toBe(expected);
  });

  it.each([
    ['a date without a time or offset', '2026-03-01'],
    ['a local time without an offset', '2026-03-01T10:00:00'],
    ['30 February', '2026-02-30T00:00:00Z'],
    ['a boolean', true],
    ['a list', ['2026-03-01T00:00:00Z']],
  ])('fail the row, not the run, for %s', (_name, value) => {
    const error = failure({ days_since: [{ var: 'at' }] }, { at: value });
    expect(error?.kind).toBe('bad-argument');
    expect(error?.path).toEqual(['when']);
  });

  it('fail the row for a business-time span over a century', () => {
    const error = failure({ business_hours_between: [0, '2200-01-01T00:00:00Z', 'us-business-hours'] }, {});
    expect(error?.kind).toBe('evaluation');
    expect(error?.cause).toBeInstanceOf(RangeError);
  });

  it.each([
    ['hours_since without an as-of time', { hours_since: [0] }, { calendars }, 'missing-as-of'],
    ['days_since without an as-of time', { days_since: [0] }, {}, 'missing-as-of'],
    [
      'a calendar that is not loaded',
      { business_hours_between: [0, 1, 'uk-business-hours'] },
      options,
      'unknown-calendar',
    ],
    ['no calendars at all', { business_hours_between: [0, 1, 'us-business-hours'] }, { asOf }, 'unknown-calendar'],
    ['a computed calendar name', { business_hours_between: [0, 1, { var: 'cal' }] }, options, 'not-literal'],
    ['the wrong number of arguments', { days_between: [0] }, options, 'arity'],
  ])('refuse to compile %s', (_name, rule, opts, code) => {
    expect(compileCode(rule, opts)).toBe(code);
  });
});

describe('case-insensitive text operators', () => {
  it.each([
    ['lower', { lower: ['VP Sales'] }, 'vp sales'],
    ['lower of a non-string is null', { lower: [5] }, null],
    ['lower of a missing field is null', { lower: { var: 'title' } }, null],
    ['iequals ignores case', { iequals: ['Gmail.com', 'gmail.COM'] }, true],
    ['iequals of two missing values is false', { iequals: [{ var: 'a' }, { var: 'b' }] }, false],
    ['iequals does not coerce numbers', { iequals: ['1', 1] }, false],
    ['icontains', { icontains: ['VP of Sales', 'SALES'] }, true],
    ['icontains with a part read from the row', { icontains: ['VP of Sales', { var: 'word' }] }, false],
    ['starts_with', { starts_with: ['Director, IT', 'director'] }, true],
    ['ends_with', { ends_with: ['ann@Gmail.com', '@gmail.com'] }, true],
    ['ends_with of a non-string is false', { ends_with: [{ var: 'n' }, 'x'] }, false],
    ['email_domain lower-cases and trims', { email_domain: ['Ann@Example.COM '] }, 'example.com'],
    ['email_domain takes the part after the last @', { email_domain: ['"a@b"@c.io'] }, 'c.io'],
    ['email_domain without a local part is null', { email_domain: ['@example.com'] }, null],
    ['email_domain without a domain is null', { email_domain: ['ann@'] }, null],
    ['email_domain of a non-email is null', { email_domain: ['ann'] }, null],
    ['email_domain of a number is null', { email_domain: [5] }, null],
  ])('%s', (_name, rule, expected) => {
    expect(run(rule, { n: 5 })).toBe(expected);
  });
});

describe('matches', () => {
  it.each([
    ['finds the pattern anywhere', ['ann@gmail.com', 'gmail'], true],
    ['anchors when asked', ['ann@gmail.com.evil.io', '^[^@]+@(gmail|yahoo)[.]com$'], false],
    ['honours (?i)', ['ANN@GMAIL.COM', '(?i)@gmail[.]com$'], true],
    ['is false for a non-string', [42, '4'], false],
    ['is false for a missing field', [{ var: 'email' }, '.'], false],
  ])('%s', (_name, args, expected) => {
    expect(run({ matches: args })).toBe(expected);
  });

  it('takes linear time on a pattern that makes backtracking engines explode', () => {
    const text = 'a'.repeat(20_000) + 'b';
    const started = performance.now();
    expect(run({ matches: [text, '^(a+)+$'] })).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['a pattern read from the row', { matches: [{ var: 'email' }, { var: 'pattern' }] }, 'not-literal'],
    ['a pattern over 200 characters', { matches: ['x', 'a'.repeat(201)] }, 'bad-pattern'],
    ['an invalid pattern', { matches: ['x', '(unclosed'] }, 'bad-pattern'],
    ['a backreference, which RE2 does not have', { matches: ['x', '(a)\\1'] }, 'bad-pattern'],
    ['one argument', { matches: 'x' }, 'arity'],
  ])('refuses to compile %s', (_name, rule, code) => {
    expect(compileCode(rule)).toBe(code);
  });
});
