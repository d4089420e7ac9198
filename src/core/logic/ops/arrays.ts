import { spendNested, spendSteps, startBudget } from '../budget.js';
import { markSafe, markSafeIf } from '../safety.js';
import type { Evaluate, OperatorDefinition, OperatorInput } from '../types.js';
import { readOwn, truthy } from '../values.js';
import { readField } from './data.js';
import { eager } from './eager.js';

const scoped = { scopedArgs: [1] } as const;
const absent: Evaluate = () => undefined;

/** The list argument and the element rule of `map`, `filter`, `all`, `none`, `some`. */
function listAndRule({ args }: OperatorInput): [Evaluate, Evaluate] {
  return [args[0] ?? absent, args[1] ?? absent];
}

/**
 * An element-rule operator within the budget of `budget.ts`: outside any element scope it
 * starts the row's tally; nested ones add to it.
 */
function budgeted(input: OperatorInput, evaluate: Evaluate): Evaluate {
  if (input.isScoped) return evaluate;
  return (d) => {
    startBudget();
    return evaluate(d);
  };
}

/** Keeps `evaluate`'s safety mark on the budgeted closure (spending throws only `RuleEvaluationError`). */
function budgetedIf(input: OperatorInput, evaluate: Evaluate, args: readonly Evaluate[]): Evaluate {
  return markSafeIf(budgeted(input, evaluate), args);
}

/**
 * `all`, `none`, `some`: `empty` for a missing or empty list; otherwise `onStop` as soon as
 * an element's rule is truthy (`stopOn` true) or falsy (`stopOn` false), else `!onStop`.
 */
function quantifier(empty: boolean, stopOn: boolean, onStop: boolean): OperatorDefinition {
  return {
    ...scoped,
    build(input) {
      const [list, rule] = listAndRule(input);
      const { op, path } = input;
      return budgetedIf(
        input,
        (d) => {
          const items = list(d);
          if (!Array.isArray(items) || items.length === 0) return empty;
          for (const item of items) {
            spendSteps(1, op, path);
            if (truthy(rule(item)) === stopOn) return onStop;
          }
          return !onStop;
        },
        [list, rule],
      );
    },
  };
}

/** json-logic-js `in`: membership in a list, or a substring of a string. */
function isIn(needle: unknown, haystack: unknown): boolean {
  if (!haystack) return false;
  if (typeof haystack === 'string' || Array.isArray(haystack)) return haystack.indexOf(needle as string) !== -1;
  // Any other value has no `indexOf` unless the data gave it one, which json-logic-js would try to call.
  if (readOwn(haystack, 'indexOf') !== undefined) throw new TypeError('`in` was given an object with an `indexOf` key');
  return false;
}

/**
 * Lists up to this long are scanned: `===` on strings read from data (never hashed yet) beats
 * hashing them for a Set.
 */
const SCAN_LIMIT = 16;

/**
 * Membership in a literal list, as `indexOf` finds it (strict equality: never NaN, and
 * -0 finds 0): a scan of a short list, a Set lookup in a long one.
 */
export function memberOf(list: readonly unknown[]): (x: unknown) => boolean {
  if (list.length > SCAN_LIMIT) {
    const members = new Set<unknown>(list);
    return (x) => x === x && members.has(x);
  }
  const members = [...list];
  return (x) => {
    for (let i = 0; i < members.length; i++) if (members[i] === x) return true;
    return false;
  };
}

/**
 * `{"in": [x, [literal list]]}` becomes a membership test of its own, reading `x` straight
 * from the row when it is a field.
 */
function buildIn(input: OperatorInput): Evaluate {
  const [a] = input.args as Evaluate[];
  const list = input.args.length === 2 ? input.literal(1) : undefined;
  if (list === undefined || !Array.isArray(list.value))
    return eager(([needle, haystack]) => isIn(needle, haystack))(input);
  const isMember = memberOf(list.value);
  const field = input.field(0);
  if (field !== undefined) {
    const { key, notFound, isNumeric } = field;
    return markSafe((d) => isMember(readField(d, key, notFound, isNumeric)));
  }
  return markSafeIf((d) => isMember((a as Evaluate)(d)), [a as Evaluate]);
}

export const arrayOperators = {
  map: {
    ...scoped,
    build(input) {
      const [list, rule] = listAndRule(input);
      return budgetedIf(
        input,
        (d) => {
          const items = list(d);
          if (!Array.isArray(items)) return [];
          spendSteps(items.length, 'map', input.path);
          return items.map((item: unknown) => rule(item));
        },
        [list, rule],
      );
    },
  },
  filter: {
    ...scoped,
    build(input) {
      const [list, rule] = listAndRule(input);
      return budgetedIf(
        input,
        (d) => {
          const items = list(d);
          if (!Array.isArray(items)) return [];
          spendSteps(items.length, 'filter', input.path);
          return items.filter((item: unknown) => truthy(rule(item)));
        },
        [list, rule],
      );
    },
  },
  reduce: {
    ...scoped,
    build(input) {
      const [list, rule] = listAndRule(input);
      const initial = input.args[2];
      const evaluate: Evaluate = (d) => {
        const items = list(d);
        const start = initial === undefined ? null : initial(d);
        if (!Array.isArray(items)) return start;
        spendSteps(items.length, 'reduce', input.path);
        let accumulator = start;
        for (const current of items as unknown[]) {
          accumulator = rule({ current, accumulator });
          // What one step builds can feed the next: its size counts (see spendNested).
          spendNested(accumulator, 'reduce', input.path);
        }
        return accumulator;
      };
      return budgetedIf(input, evaluate, initial === undefined ? [list, rule] : [list, rule, initial]);
    },
  },
  all: quantifier(false, false, false),
  none: quantifier(true, true, false),
  some: quantifier(false, true, true),
  merge: {
    build(input) {
      const merge = eager((values) => values.reduce((acc: unknown[], value) => acc.concat(value), []))(input);
      if (!input.isScoped) return merge;
      // Inside an element rule a merge can feed the next one (`reduce` doubling a list): it counts.
      return (d) => {
        const list = merge(d) as unknown[];
        spendSteps(list.length, 'merge', input.path);
        return list;
      };
    },
  },
  in: { build: buildIn },
} satisfies Record<string, OperatorDefinition>;
