import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcome, row, rule } from './arbitraries.js';
import type { Outcome } from './arbitraries.js';
import { compileRule, compileRuleSet, RuleEvaluationError } from '../../../src/core/logic/compile.js';
import type { CompileOptions } from '../../../src/core/logic/compile.js';

const options: CompileOptions = { fieldTypes: { n: 'decimal', s: 'integer', a: 'string' }, path: ['when'] };

/** The row as data readers and `toLeadRow` build them, and as anything else might: one shape per form. */
const forms: ((data: Record<string, unknown>) => Record<string, unknown>)[] = [
  (data) => data,
  (data) => Object.setPrototypeOf({ ...data }, null) as Record<string, unknown>,
  (data) => {
    const row = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(data)) row[k] = v;
    return row;
  },
  // Keys in another order, and an own property for-in does not list.
  (data) => {
    const row = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(data).reverse()) row[k] = data[k];
    Object.defineProperty(row, 'b', { value: 'hidden', enumerable: false });
    return row;
  },
  // A prototype holding fields: a `var` never reads them.
  (data) => Object.assign(Object.create({ a: 1, n: '2', list: [3] }) as Record<string, unknown>, data),
];

/** What each rule compiled on its own gives, in order, stopping at the first that throws (as `evaluate` does). */
function expectedOf(rules: readonly unknown[], data: Record<string, unknown>): Outcome {
  return outcome(() => rules.map((r, i) => compileRule(r, { ...options, path: ['rules', i] })(data)));
}

function expectSame(actual: Outcome, expected: Outcome): void {
  expect(actual.threw, expected.threw ? `expected ${String((expected as { error: unknown }).error)}` : 'expected a result').toBe(expected.threw);
  if (!actual.threw && !expected.threw) expect(actual.value).toStrictEqual(expected.value);
  if (actual.threw && expected.threw) {
    expect(actual.error).toBeInstanceOf(RuleEvaluationError);
    expect((actual.error as RuleEvaluationError).message).toBe((expected.error as RuleEvaluationError).message);
    expect((actual.error as RuleEvaluationError).path).toEqual((expected.error as RuleEvaluationError).path);
  }
}

describe('compileRuleSet', () => {
  it('gives what compileRule gives for each rule, on random rules and rows of every form', () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 6 }), fc.array(row, { minLength: 1, maxLength: 4 }), (rules, rows) => {
        const set = compileRuleSet(
          rules,
          options,
          rules.map((_, i) => ['rules', i]),
        );
        // The same set over many rows: rows of one shape in a row, then shapes changing.
        for (const form of forms) {
          for (const data of rows) {
            const r = form(data);
            expectSame(
              outcome(() => set.evaluate(r)),
              expectedOf(rules, r),
            );
          }
        }
      }),
      { numRuns: 600, seed: 20261124 },
    );
  });

  it('reads rows of one layout in one pass, and rows of another field by field', () => {
    const rules = [{ '==': [{ var: 'a' }, 1] }, { '+': [{ var: 'n' }, { var: 'b' }] }, { in: [{ var: 's' }, ['x', 'y']] }, { var: 'a' }, { var: ['absent', 7] }];
    const set = compileRuleSet(rules, options);
    expect(set.fields).toEqual(['a', 'n', 'b', 's', 'absent']);
    const make = (a: unknown, n: unknown, b: unknown, s: unknown): Record<string, unknown> => Object.setPrototypeOf({ a, n, b, s }, null) as Record<string, unknown>;
    expect(set.evaluate(make(1, '2.5', 1, 'x'))).toEqual([true, 3.5, true, 1, 7]);
    expect(set.evaluate(make(2, '1', 2, 'z'))).toEqual([false, 3, false, 2, 7]);
    const other = Object.setPrototypeOf({ s: 'y', a: 1 }, null) as Record<string, unknown>;
    expect(set.evaluate(other)).toEqual([true, NaN, true, 1, 7]);
    const withAbsent = Object.setPrototypeOf({ a: 1, n: 1, b: 1, s: 'x', absent: undefined }, null) as Record<string, unknown>;
    expect(set.evaluate(withAbsent)).toEqual([true, 2, true, 1, 7]);
    // The layout learnt, rows that share its start and then differ, or stop short of it.
    expect(set.evaluate(make(1, '2.5', 1, 'x'))).toEqual([true, 3.5, true, 1, 7]);
    const longer = Object.setPrototypeOf({ a: 1, n: 2, b: 3, s: 'y', z: 0, absent: 9 }, null) as Record<string, unknown>;
    expect(set.evaluate(longer)).toEqual([true, 5, true, 1, 9]);
    const shorter = Object.setPrototypeOf({ a: 3, n: 2 }, null) as Record<string, unknown>;
    expect(set.evaluate(shorter)).toEqual([false, NaN, false, 3, 7]);
    const reordered = Object.setPrototypeOf({ n: 2, a: 1, s: 'x', b: 3 }, null) as Record<string, unknown>;
    expect(set.evaluate(reordered)).toEqual([true, 5, true, 1, 7]);
  });

  it('never reads a prototype, and reads own fields for-in does not list', () => {
    const set = compileRuleSet([{ var: 'a' }, { '==': [{ var: 'b' }, 2] }]);
    const inherited = Object.create({ a: 1, b: 2 }) as Record<string, unknown>;
    expect(set.evaluate(inherited)).toEqual([null, false]);
    const hidden = Object.setPrototypeOf({ a: 1 }, null) as Record<string, unknown>;
    Object.defineProperty(hidden, 'b', { value: 2, enumerable: false });
    expect(set.evaluate(hidden)).toEqual([1, true]);
    expect(set.evaluate(hidden)).toEqual([1, true]);
  });

  it('lets rules run lazily inside withRow, and on their own outside it', () => {
    const set = compileRuleSet([{ var: 'a' }, { '>': [{ var: 'a' }, 1] }]);
    const [read, above] = set.rules as [(d: Record<string, unknown>) => unknown, (d: Record<string, unknown>) => unknown];
    const first = Object.setPrototypeOf({ a: 2 }, null) as Record<string, unknown>;
    const second = Object.setPrototypeOf({ a: 0 }, null) as Record<string, unknown>;
    const seen = set.withRow(first, () => {
      const inner = set.withRow(second, () => [read(second), above(second), read(first)]);
      return [...inner, read(first), above(first)];
    });
    expect(seen).toEqual([0, false, 2, 2, true]);
    // Outside withRow the row is read afresh: a changed row gives its new value.
    first.a = 5;
    expect(read(first)).toBe(5);
    expect(set.evaluate(first)).toEqual([5, true]);
    first.a = 0;
    expect(set.evaluate(first)).toEqual([0, false]);
  });

  it('fails with RuleEvaluationError when a field cannot be read', () => {
    const set = compileRuleSet([{ var: 'a' }], { path: ['when'] });
    const row = Object.create(null) as Record<string, unknown>;
    Object.defineProperty(row, 'a', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(() => set.evaluate(row)).toThrow(RuleEvaluationError);
  });
});
