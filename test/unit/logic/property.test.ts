import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import type { RulesLogic } from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { outcome, row, rule } from './arbitraries.js';
import { compileRule, RuleEvaluationError, traceRule } from '../../../src/core/logic/compile.js';
import type { CompileOptions } from '../../../src/core/logic/compile.js';

/** The row with no prototype, as the data readers build rows. */
function plainRow(data: Record<string, unknown>): Record<string, unknown> {
  return Object.setPrototypeOf({ ...data }, null) as Record<string, unknown>;
}

describe('compiled rules against json-logic-js', () => {
  it('give the same result, or both throw, on random rules and rows', () => {
    fc.assert(
      fc.property(rule, row, (r, data) => {
        const compiled = compileRule(r);
        // A plain object runs through the closures; a prototype-free row (as data readers build them) through generated code.
        for (const form of [data, plainRow(data)]) {
          const expected = outcome(() => jsonLogic.apply(r as RulesLogic, form) as unknown);
          const actual = outcome(() => compiled(form));
          expect(actual.threw, `json-logic-js ${expected.threw ? 'threw' : 'returned'}`).toBe(expected.threw);
          if (!actual.threw && !expected.threw) expect(actual.value).toStrictEqual(expected.value);
        }
      }),
      { numRuns: 2000, seed: 20260308 },
    );
  });

  it('agree with the trace interpreter and the coverage build, and fail only with RuleEvaluationError', () => {
    const options: CompileOptions = { fieldTypes: { n: 'decimal', s: 'integer', a: 'string' }, path: ['when'] };
    const coverage = { hit: () => undefined };
    fc.assert(
      fc.property(rule, row, (r, data) => {
        for (const form of [data, plainRow(data)]) {
          const fast = outcome(() => compileRule(r, options)(form));
          const traced = outcome(() => traceRule(r, form, options).value);
          const covered = outcome(() => compileRule(r, { ...options, coverage })(form));
          for (const other of [traced, covered]) {
            expect(other.threw).toBe(fast.threw);
            if (!other.threw && !fast.threw) expect(other.value).toStrictEqual(fast.value);
          }
          if (fast.threw) {
            expect(fast.error).toBeInstanceOf(RuleEvaluationError);
            expect((fast.error as RuleEvaluationError).path).toEqual(
              (traced as { error: RuleEvaluationError }).error.path,
            );
          }
        }
      }),
      { numRuns: 1000, seed: 20261101 },
    );
  });

  it('throw where json-logic-js throws (an empty product)', () => {
    expect(() => jsonLogic.apply({ '*': [] } as RulesLogic)).toThrow();
    expect(() => compileRule({ '*': [] })({})).toThrow();
  });
});
