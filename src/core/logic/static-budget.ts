import { RuleEvaluationError } from './errors.js';
import { compileRule } from './compile.js';
import { scopedOperators } from './operators.js';
import type { CompileOptions, LogicPath } from './types.js';

/** A part of a rule that goes past the per-row budget on every row. */
export interface BudgetOverrun {
  /** Path of the outermost `map`/`filter`/`reduce`/`all`/`none`/`some` whose work is fixed by the rule itself. */
  path: LogicPath;
  reason: string;
}

const readers: ReadonlySet<string> = new Set(['var', 'missing', 'missing_some']);

function operatorOf(rule: unknown): [string, unknown[], boolean] | undefined {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return undefined;
  const entry = Object.entries(rule)[0];
  if (entry === undefined) return undefined;
  const [op, value] = entry;
  return Array.isArray(value) ? [op, value, true] : [op, [value], false];
}

/** True when `rule` reads its data (the row, or the element it runs on) outside the element rules it holds. */
function readsData(rule: unknown): boolean {
  if (Array.isArray(rule)) return rule.some(readsData);
  const node = operatorOf(rule);
  if (node === undefined) return false;
  const [op, args] = node;
  if (readers.has(op)) return true;
  // The element rules of a nested loop read its elements, which its list (argument 0) and
  // `reduce`'s initial value (argument 2) decide.
  if (scopedOperators.has(op)) return args.some((arg, i) => i !== 1 && readsData(arg));
  return args.some(readsData);
}

/**
 * The loops of `rule` whose lists are written in the rule (no field read decides them), and
 * that go past the per-row budget on their own: a rule `validate` must refuse, since it
 * would fail on every row. Each such loop is compiled and run once, within the budget, so
 * finding it costs no more than one row would.
 */
export function findBudgetOverruns(rule: unknown, path: LogicPath, options: CompileOptions): BudgetOverrun[] {
  const out: BudgetOverrun[] = [];
  const visit = (node: unknown, at: LogicPath): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...at, i]));
      return;
    }
    const parsed = operatorOf(node);
    if (parsed === undefined) return;
    const [op, args, isList] = parsed;
    const argPath = (i: number): LogicPath => (isList ? [...at, op, i] : [...at, op]);
    if (scopedOperators.has(op) && !readsData(node)) {
      try {
        compileRule(node, { ...options, path: at })({});
      } catch (error) {
        if (error instanceof RuleEvaluationError && error.kind === 'budget')
          out.push({ path: at, reason: error.message });
      }
      // Whatever it holds ran inside it (or never runs).
      return;
    }
    args.forEach((arg, i) => visit(arg, argPath(i)));
  };
  visit(rule, path);
  return out;
}
