import { RequestError } from '@octokit/request-error';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { describeError, exitCodeByErrorCode, exitCodeFor } from '../../../src/cli/exit-codes.js';
import { EvaluationInputError, IoError, RevopsError, UsageError } from '../../../src/core/errors.js';
import type { RevopsErrorCode } from '../../../src/core/errors.js';
import { MappingError } from '../../../src/core/data/field-plan.js';
import { WindowSpanError } from '../../../src/core/engine/window.js';
import { LogicCompileError, RuleEvaluationError } from '../../../src/core/logic/compile.js';
import type { GitHubError } from '../../../src/github/errors.js';
import { GitHubRateLimitError, toGitHubError } from '../../../src/github/errors.js';

const request = { method: 'POST' as const, url: 'https://api.github.com/repos/acme/revops/statuses/abc', headers: {} };
const refused = toGitHubError(
  new RequestError('Resource not accessible by integration', 403, {
    request,
    response: { status: 403, url: request.url, headers: {}, data: {} },
  }),
);
const unreachable = toGitHubError(new RequestError('connect ECONNREFUSED 127.0.0.1:9', 500, { request }));
const bound = { at: Date.UTC(1900, 0, 1), source: { kind: 'option' as const, option: '--from' as const } };
const later = { at: Date.UTC(2026, 0, 1), source: { kind: 'option' as const, option: '--as-of' as const } };

/** Each error revops throws, the code it carries, its exit code and the one line it prints. */
const table: [name: string, error: RevopsError, code: RevopsErrorCode, exit: number, printed: RegExp][] = [
  ['UsageError', new UsageError('Give --base or --base-dir.'), 'usage', 2, /^revops: Give --base or --base-dir\.\n$/],
  ['IoError', new IoError('Cannot read data/leads.csv: EACCES'), 'io', 2, /^revops: Cannot read data\/leads\.csv/],
  ['config', new RevopsError('config', 'calendar `x` is not loaded.'), 'config', 2, /^revops: calendar `x`/],
  ['EvaluationInputError', new EvaluationInputError('No timestamp in the data.'), 'input', 2, /^revops: No timestamp/],
  ['WindowSpanError', new WindowSpanError(bound, later), 'input', 2, /^revops: The window from 1900-01-01/],
  ['MappingError', new MappingError('The mapping of leads maps no field.'), 'mapping', 2, /^revops: The mapping/],
  [
    'LogicCompileError',
    new LogicCompileError('arity', '`!` takes 1 argument', ['when']),
    'logic-compile',
    2,
    /\(at when\)\n$/,
  ],
  [
    'RuleEvaluationError',
    new RuleEvaluationError('budget', 'too much work', ['when']),
    'rule-evaluation',
    2,
    /^revops: too much work \(at when\)\n$/,
  ],
  [
    'internal RevopsError',
    new RevopsError('internal', 'Rows do not balance.'),
    'internal',
    2,
    /^revops: internal error: Rows do not balance\.\n\(run with --debug/,
  ],
  [
    'GitHubError 403',
    refused as GitHubError,
    'github-refused',
    3,
    /^revops: GitHub refused POST \/repos\/acme\/revops\/statuses\/abc with HTTP 403: Resource not accessible by integration \(the token may lack/,
  ],
  [
    'GitHubRateLimitError',
    new GitHubRateLimitError('GitHub rate limit on GET /x: still HTTP 429 after 3 retries', 429),
    'github-refused',
    3,
    /^revops: GitHub rate limit on GET \/x/,
  ],
  [
    'GitHubError unreachable',
    unreachable as GitHubError,
    'github-unreachable',
    3,
    /^revops: could not reach GitHub \(POST \/repos\/acme\/revops\/statuses\/abc\): connect ECONNREFUSED/,
  ],
];

describe('exit codes', () => {
  it.each(table)('%s: code %s… exits %i and prints its message', (_name, error, code, exit, printed) => {
    expect(error).toBeInstanceOf(RevopsError);
    expect(error.code).toBe(code);
    expect(exitCodeFor(error)).toBe(exit);
    expect(describeError(error, { isDebug: false })).toMatch(printed);
  });

  it('has a row above for every error code, so a new code gets its exit code and a test', () => {
    expect(new Set(table.map(([, , code]) => code))).toEqual(new Set(Object.keys(exitCodeByErrorCode)));
  });

  it('never gives a failure the code for findings (1) or success (0)', () => {
    for (const exit of Object.values(exitCodeByErrorCode)) expect(exit).toBeGreaterThanOrEqual(2);
  });

  it('keeps the HTTP status of a refusal, and no status when GitHub was not reached', () => {
    expect((refused as GitHubError).status).toBe(403);
    expect((unreachable as GitHubError).status).toBeUndefined();
    const other = new TypeError('not a request');
    expect(toGitHubError(other)).toBe(other);
  });

  it('prints an unknown error as an internal error, with its stack only under --debug', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'x')");
    expect(exitCodeFor(error)).toBe(2);
    const quiet = describeError(error, { isDebug: false });
    expect(quiet).toBe(
      "revops: internal error: Cannot read properties of undefined (reading 'x')\n(run with --debug for the stack)\n",
    );
    const loud = describeError(error, { isDebug: true });
    expect(loud).toMatch(/^revops: internal error: TypeError: Cannot read properties/);
    expect(loud).toMatch(/\n {4}at .*exit-codes\.test\.ts/);
    expect(describeError('a thrown string', { isDebug: false })).toMatch(/^revops: internal error: a thrown string\n/);
  });

  it('leaves commander its own message and exit code (0 for --help, 2 for a usage mistake)', () => {
    expect(exitCodeFor(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(0);
    expect(exitCodeFor(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"))).toBe(2);
    expect(describeError(new CommanderError(1, 'commander.unknownOption', 'x'), { isDebug: false })).toBe('');
  });

  it('makes a message safe for a terminal and a CI log', () => {
    const printed = describeError(new UsageError('bad \u001b[31mname\n::error::forged'), { isDebug: false });
    expect(printed).not.toContain('\u001b');
    expect(printed).not.toMatch(/^::error::/m);
  });
});
