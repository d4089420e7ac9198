import { RuleEvaluationError } from './errors.js';
import type { LogicPath } from './types.js';

/**
 * Most steps a rule may take per row inside one outermost `map`/`filter`/`reduce`/`all`/
 * `none`/`some`: each element an element rule visits, and each element of a list `merge`
 * builds inside an element rule. Element rules are the only way a rule repeats work, so
 * this (with `LOGIC_MAX_CHARS`) bounds a rule's cost per row by its size.
 */
export const LOGIC_MAX_STEPS = 50_000;

/** Most characters `cat` and `substr` may build inside one outermost element-rule operator, per row. */
export const LOGIC_MAX_CHARS = 1_000_000;

/**
 * Most steps the rules of one evaluation may take over all its rows together (element-rule
 * steps as above, plus one per day a `business_hours_between` spans). The per-row budget bounds
 * a rule by its size; this bounds a policy set of many costly rules, which could otherwise run
 * for minutes. It grows with the data (`LOGIC_RUN_STEPS_PER_ROW`), so the cost stays linear in
 * the input. Past it every further step fails, and the evaluation ends with an error naming
 * the rule where it ran out (see `endRunBudget`).
 */
export const LOGIC_MAX_RUN_STEPS = 100_000_000;

/** Steps the evaluation's budget grows by per row of data, so a large export of honest rules fits. */
export const LOGIC_RUN_STEPS_PER_ROW = 1_000;

// Rules run synchronously, one row at a time: one tally serves them all. An outermost loop
// (compiled outside any element scope) starts it afresh; everything nested adds to it.
const spent = { steps: 0, chars: 0 };

/** Where the run's budget ran out: the operator and its path. */
export interface RunBudgetOverrun {
  op: string;
  path: LogicPath;
  limit: number;
}

// The tally of one evaluation; off outside `startRunBudget` … `endRunBudget` (a policy test, `explain`).
const run: { isActive: boolean; steps: number; limit: number; overrun: RunBudgetOverrun | undefined } = {
  isActive: false,
  steps: 0,
  limit: LOGIC_MAX_RUN_STEPS,
  overrun: undefined,
};

/** Starts the tally of one evaluation's rule work over all its rows. */
export function startRunBudget(limit = LOGIC_MAX_RUN_STEPS): void {
  run.isActive = true;
  run.steps = 0;
  run.limit = limit;
  run.overrun = undefined;
}

/** Ends the evaluation's tally: where it ran out, or undefined when it did not. */
export function endRunBudget(): RunBudgetOverrun | undefined {
  run.isActive = false;
  return run.overrun;
}

/** Adds `steps` to the evaluation's tally; past it, the row fails at `path` (and the evaluation with it). */
export function spendRunSteps(steps: number, op: string, path: LogicPath): void {
  if (!run.isActive) return;
  run.steps += steps;
  if (run.steps > run.limit) {
    run.overrun ??= { op, path, limit: run.limit };
    throw new RuleEvaluationError(
      'budget',
      `the rules went past ${run.limit.toLocaleString('en-US')} steps over this evaluation's rows`,
      path,
    );
  }
}

/** Starts the tally of an outermost element-rule operator. */
export function startBudget(): void {
  spent.steps = 0;
  spent.chars = 0;
}

/** Adds `steps` to the tally; past the budget, the row fails at `path`. */
export function spendSteps(steps: number, op: string, path: LogicPath): void {
  spendRunSteps(steps, op, path);
  spent.steps += steps;
  if (spent.steps > LOGIC_MAX_STEPS) {
    throw new RuleEvaluationError(
      'budget',
      `\`${op}\` went past ${LOGIC_MAX_STEPS.toLocaleString('en-US')} steps (elements visited or listed inside element rules) on this row`,
      path,
    );
  }
}

/** Adds `chars` built by `cat` or `substr` inside an element rule; past the budget, the row fails at `path`. */
export function spendChars(chars: number, op: string, path: LogicPath): void {
  spent.chars += chars;
  if (spent.chars > LOGIC_MAX_CHARS) {
    throw new RuleEvaluationError(
      'budget',
      `\`${op}\` built more than ${LOGIC_MAX_CHARS.toLocaleString('en-US')} characters inside element rules on this row`,
      path,
    );
  }
}

/**
 * Spends the elements of `value`, counted through nested lists: a `reduce` whose rule lists
 * its accumulator twice (`[acc, acc]`) doubles a nested list each step without copying it,
 * and reading it later (as text, in a comparison) would visit every element. The walk stops
 * as soon as the budget is spent, so it never costs more than the budget.
 */
export function spendNested(value: unknown, op: string, path: LogicPath): void {
  if (!Array.isArray(value)) return;
  const room = LOGIC_MAX_STEPS - spent.steps + 1;
  let count = 0;
  const stack: unknown[][] = [value];
  while (stack.length > 0 && count < room) {
    const list = stack.pop() as unknown[];
    count += list.length;
    for (let i = 0; i < list.length && count < room; i++) {
      const item = list[i];
      if (Array.isArray(item)) stack.push(item);
    }
  }
  spendSteps(count, op, path);
}
