import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import type { RulesLogic } from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { outcome } from './arbitraries.js';
import type { Outcome } from './arbitraries.js';
import { LOGIC_MAX_CHARS, LOGIC_MAX_STEPS } from '../../../src/core/logic/budget.js';
import { compileRule, compileRuleSet, RuleEvaluationError, traceRule } from '../../../src/core/logic/compile.js';
import { findBudgetOverruns } from '../../../src/core/logic/static-budget.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const coverage = { hit: () => undefined };
const row = (fields: Record<string, unknown>): Record<string, unknown> =>
  Object.setPrototypeOf({ ...fields }, null) as Record<string, unknown>;

/** The rule's outcome on a row through every path: generated code, closures, a rule set, and the trace interpreter. */
function everyPath(rule: unknown, data: Record<string, unknown>): Outcome[] {
  return [
    outcome(() => compileRule(rule, { path: ['when'] })(data)),
    outcome(() => compileRule(rule, { path: ['when'], coverage })(data)),
    outcome(() => {
      const [value] = compileRuleSet([true, rule], { path: ['when'] })
        .evaluate(data)
        .slice(1);
      if (value instanceof RuleEvaluationError) throw value;
      return value;
    }),
    outcome(() => traceRule(rule, data, { path: ['when'] }).value),
  ];
}

function expectBudgetError(rule: unknown, data: Record<string, unknown>): RuleEvaluationError {
  const outcomes = everyPath(rule, data);
  for (const o of outcomes) {
    expect(o.threw).toBe(true);
    expect((o as { error: unknown }).error).toBeInstanceOf(RuleEvaluationError);
    expect((o as { error: RuleEvaluationError }).error.kind).toBe('budget');
  }
  return (outcomes[0] as { error: RuleEvaluationError }).error;
}

// Each of these returned a value (slowly, or after building a huge list) before the budget:
// at the sizes of the issue (1,000-element lists, 40 doublings) they ran for minutes or ended
// Node with a heap OOM. These sizes are small enough to finish either way.
describe('the per-row budget of element rules', () => {
  it('stops `some` nested over written lists (40³ = 64,000 steps)', () => {
    const rule = { some: [range(40), { some: [range(40), { some: [range(40), { '==': [{ var: '' }, -1] }] }] }] };
    const error = expectBudgetError(rule, row({}));
    expect(error.message).toContain(`went past ${LOGIC_MAX_STEPS.toLocaleString('en-US')} steps`);
    expect(error.path[0]).toBe('when');
  });

  it('stops `map` and `filter` nested over a list read from the row', () => {
    const rule = { map: [{ var: 'tags' }, { filter: [range(230), { '>': [{ var: '' }, 1] }] }] };
    expectBudgetError(rule, row({ tags: range(230) }));
    // Small enough, the same rule runs and equals json-logic-js.
    const small = row({ tags: range(3) });
    for (const o of everyPath(rule, small))
      expect(o).toEqual({ threw: false, value: jsonLogic.apply(rule as RulesLogic, { ...small }) });
  });

  it('stops a `reduce` that doubles its list with `merge` (2^17 elements)', () => {
    expectBudgetError(
      { reduce: [range(17), { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] },
      row({}),
    );
  });

  it('stops a `reduce` that doubles its text with `cat` (2^21 characters)', () => {
    const error = expectBudgetError(
      { reduce: [range(21), { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'a'] },
      row({}),
    );
    expect(error.message).toContain(`more than ${LOGIC_MAX_CHARS.toLocaleString('en-US')} characters`);
  });

  it('stops a `reduce` that nests its accumulator twice in a list (2^17 elements once read as text)', () => {
    // `[acc, acc]` copies nothing, but `cat` outside the loop would visit every element.
    expectBudgetError({ cat: [{ reduce: [range(17), [{ var: 'accumulator' }, { var: 'accumulator' }], 1] }] }, row({}));
    // A few steps are fine, and read as json-logic-js reads them.
    const small = { cat: [{ reduce: [range(3), [{ var: 'accumulator' }, { var: 'accumulator' }], 1] }] };
    for (const o of everyPath(small, row({})))
      expect(o).toEqual({ threw: false, value: jsonLogic.apply(small as RulesLogic, {}) });
  });

  it('gives each row, and each outermost loop, a budget of its own', () => {
    // 200 × 200 = 40,000 steps, within the budget; twice in one rule, on many rows.
    const loop = { some: [{ var: 'tags' }, { some: [range(200), { '==': [{ var: '' }, -1] }] }] };
    const compiled = compileRule({ or: [loop, loop] });
    for (let i = 0; i < 5; i++) expect(compiled(row({ tags: range(200) }))).toBe(false);
  });

  it('is counted per row as a rule error by a rule set, the other rules still evaluated', () => {
    const set = compileRuleSet([
      { var: 'a' },
      { some: [{ var: 'tags' }, { some: [range(1000), { '==': [{ var: '' }, -1] }] }] },
    ]);
    const [a, failed] = set.evaluate(row({ a: 7, tags: range(100) }));
    expect(a).toBe(7);
    expect(failed).toBeInstanceOf(RuleEvaluationError);
    expect(set.evaluate(row({ a: 8, tags: range(2) }))).toEqual([8, false]);
  });

  it('agrees on every path, and with json-logic-js within the budget, on random loop nests around its size', () => {
    const leaf = fc.constantFrom<unknown>(
      { '==': [{ var: '' }, -1] },
      { '>': [{ var: '' }, 3] },
      { cat: [{ var: '' }, 'xy'] },
      { merge: [{ var: '' }, [1, 2]] },
      { var: '' },
    );
    const nest = fc.tuple(
      fc.array(fc.tuple(fc.constantFrom('map', 'filter', 'all', 'none', 'some'), fc.integer({ min: 0, max: 80 })), {
        minLength: 1,
        maxLength: 3,
      }),
      leaf,
    );
    fc.assert(
      fc.property(nest, ([loops, inner]) => {
        const rule = loops.reduceRight<unknown>((each, [op, n]) => ({ [op]: [range(n), each] }), inner);
        const [first, ...others] = everyPath(rule, row({}));
        for (const other of others) {
          expect(other.threw).toBe(first?.threw);
          if (other.threw)
            expect((other.error as RuleEvaluationError).kind).toBe(
              (first as { error: RuleEvaluationError }).error.kind,
            );
          else expect(other).toStrictEqual(first);
        }
        const steps = loops.reduce((product, [, n]) => product * n, 1);
        if (first?.threw !== true)
          expect(first).toStrictEqual({ threw: false, value: jsonLogic.apply(rule as RulesLogic, {}) });
        // Within the budget nothing fails; `map` and `filter` visit every element, so past it they always do.
        if (loops.every(([, n]) => n > 0) && steps <= LOGIC_MAX_STEPS / 4) expect(first?.threw).toBe(false);
        if (loops.every(([op]) => op === 'map' || op === 'filter') && steps > LOGIC_MAX_STEPS)
          expect(first?.threw).toBe(true);
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });
});

describe('the budget checked in validate, where the lists are written in the rule', () => {
  const options = { asOf: 0, coverage };

  it('finds the outermost loop whose written lists go past it', () => {
    const rule = {
      and: [
        { var: 'x' },
        { none: [range(50), { some: [range(50), { some: [range(50), { '==': [{ var: '' }, -1] }] }] }] },
      ],
    };
    const found = findBudgetOverruns(rule, ['spec', 'when'], options);
    expect(found.map((f) => f.path)).toEqual([['spec', 'when', 'and', 1]]);
  });

  it('leaves loops over the row to the per-row budget, and finds written ones inside them', () => {
    expect(
      findBudgetOverruns({ some: [{ var: 'tags' }, { some: [range(300), { '==': [{ var: '' }, -1] }] }] }, [], options),
    ).toEqual([]);
    const inner = { some: [{ var: 'tags' }, { map: [range(300), { map: [range(300), { var: '' }] }] }] };
    expect(findBudgetOverruns(inner, [], options).map((f) => f.path)).toEqual([['some', 1]]);
  });

  it('accepts written loops within the budget', () => {
    expect(findBudgetOverruns({ some: [range(1000), { in: [{ var: '' }, range(10)] }] }, [], options)).toEqual([]);
  });
});
