import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcome, row, rule } from './arbitraries.js';
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

/** What each rule compiled on its own gives, in order: its value, or the error it throws. */
function expectedOf(rules: readonly unknown[], data: Record<string, unknown>): unknown[] {
  return rules.map((r, i) => {
    const result = outcome(() => compileRule(r, { ...options, path: ['rules', i] })(data));
    return result.threw ? result.error : result.value;
  });
}

/** Results match, and a failed rule's result is the same error as the rule on its own throws. */
function expectSame(actual: unknown[], expected: unknown[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    const wanted = expected[i];
    if (wanted instanceof RuleEvaluationError) {
      expect(value).toBeInstanceOf(RuleEvaluationError);
      expect((value as RuleEvaluationError).message).toBe(wanted.message);
      expect((value as RuleEvaluationError).path).toEqual(wanted.path);
    } else {
      expect(value).toStrictEqual(wanted);
    }
  });
}

describe('compileRuleSet', () => {
  it('gives what compileRule gives for each rule, on random rules and rows of every form', () => {
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 6 }),
        fc.array(row, { minLength: 1, maxLength: 4 }),
        (rules, rows) => {
          const set = compileRuleSet(
            rules,
            options,
            rules.map((_, i) => ['rules', i]),
          );
          // The same set over many rows: rows of one shape in a row, then shapes changing.
          for (const form of forms) {
            for (const data of rows) {
              const r = form(data);
              expectSame(set.evaluate(r), expectedOf(rules, r));
            }
          }
        },
      ),
      { numRuns: 600, seed: 20261124 },
    );
  });

  it('reads each field once for all rules, whatever fields a row has', () => {
    const rules = [
      { '==': [{ var: 'a' }, 1] },
      { '+': [{ var: 'n' }, { var: 'b' }] },
      { in: [{ var: 's' }, ['x', 'y']] },
      { var: 'a' },
      { var: ['absent', 7] },
    ];
    const set = compileRuleSet(rules, options);
    const make = (a: unknown, n: unknown, b: unknown, s: unknown): Record<string, unknown> =>
      Object.setPrototypeOf({ a, n, b, s }, null) as Record<string, unknown>;
    expect(set.evaluate(make(1, '2.5', 1, 'x'))).toEqual([true, 3.5, true, 1, 7]);
    expect(set.evaluate(make(2, '1', 2, 'z'))).toEqual([false, 3, false, 2, 7]);
    const other = Object.setPrototypeOf({ s: 'y', a: 1 }, null) as Record<string, unknown>;
    expect(set.evaluate(other)).toEqual([true, NaN, true, 1, 7]);
    const withAbsent = Object.setPrototypeOf({ a: 1, n: 1, b: 1, s: 'x', absent: undefined }, null) as Record<
      string,
      unknown
    >;
    expect(set.evaluate(withAbsent)).toEqual([true, 2, true, 1, 7]);
    const longer = Object.setPrototypeOf({ a: 1, n: 2, b: 3, s: 'y', z: 0, absent: 9 }, null) as Record<
      string,
      unknown
    >;
    expect(set.evaluate(longer)).toEqual([true, 5, true, 1, 9]);
    const reordered = Object.setPrototypeOf({ n: 2, a: 1, s: 'x', b: 3 }, null) as Record<string, unknown>;
    expect(set.evaluate(reordered)).toEqual([true, 5, true, 1, 7]);
  });

  it('gives a failing rule its error as its result, and the other rules their values', () => {
    const set = compileRuleSet([{ var: 'a' }, { '>': [{ var: 'obj' }, 1] }, { '==': [{ var: 'a' }, 1] }], {}, [
      ['first'],
      ['second'],
      ['third'],
    ]);
    const row = Object.setPrototypeOf({ a: 1, obj: Object.create(null) as object }, null) as Record<string, unknown>;
    const [first, second, third] = set.evaluate(row);
    expect(first).toBe(1);
    expect(second).toBeInstanceOf(RuleEvaluationError);
    expect((second as RuleEvaluationError).path).toEqual(['second']);
    expect(third).toBe(true);
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

  it('fails with RuleEvaluationError when a field cannot be read', () => {
    const set = compileRuleSet([{ var: 'a' }], { path: ['when'] });
    const row = Object.create(null) as Record<string, unknown>;
    Object.defineProperty(row, 'a', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(set.evaluate(row)[0]).toBeInstanceOf(RuleEvaluationError);
  });
});
