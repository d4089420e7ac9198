import { compileNode } from './compile-node.js';
import { RuleEvaluationError } from './errors.js';
import { createFieldFrame, fieldReadOf } from './ops/data.js';
import { failure, isSafe } from './safety.js';
import { traceRule } from './trace.js';
import type { CompileOptions, CompiledRule, FieldFrame, LogicPath } from './types.js';
import { isLogicObject, readOwn } from './values.js';

const getPrototypeOf = Object.getPrototypeOf;

export { listClauses, walkRule } from './clauses.js';
export type { OperatorVisit } from './clauses.js';
export { createBusinessCalendar } from './business-time.js';
export { LogicCompileError, RuleEvaluationError, formatLogicPath } from './errors.js';
export type { LogicCompileErrorCode, RuleEvaluationErrorCode } from './errors.js';
export { toInstant } from './instants.js';
export { allowedOperators, operatorDescriptions } from './operators.js';
export type { OperatorName } from './operators.js';
export { traceRule } from './trace.js';
export { truthy } from './values.js';
export type { BusinessCalendar, CompileOptions, CompiledRule, CoverageSink, LogicPath, TraceNode } from './types.js';

/**
 * Turns a failure inside a compiled rule into a `RuleEvaluationError` at the failing
 * clause. Operators that know their clause throw one already; for a JavaScript error
 * (e.g. a value that cannot be converted to a number) the row is re-run through the
 * interpreter, which stops at the exact node, so the fast path carries no bookkeeping.
 */
function locateFailure(error: unknown, rule: unknown, data: unknown, options: CompileOptions): RuleEvaluationError {
  if (error instanceof RuleEvaluationError) return error;
  try {
    traceRule(rule, data, options);
  } catch (traced) {
    if (traced instanceof RuleEvaluationError) return traced;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RuleEvaluationError('evaluation', `the rule failed: ${message}`, [...(options.path ?? [])], { cause: error });
}

/**
 * Compiles a JSON Logic rule once into closures; the result evaluates rows with the
 * semantics of json-logic-js 2.0.5, plus the domain operators of this product. Nothing of
 * the rule is ever turned into code. Throws `LogicCompileError` for a rule that is not
 * allowed; the compiled rule throws only `RuleEvaluationError`.
 */
export function compileRule(rule: unknown, options: CompileOptions = {}): CompiledRule {
  return compileWithFrame(rule, options, undefined);
}

function compileWithFrame(rule: unknown, options: CompileOptions, frame: FieldFrame | undefined): CompiledRule {
  const root = compileNode(rule, [...(options.path ?? [])], 1, { options, isScoped: false, ...(frame !== undefined ? { frame } : {}) });
  if (isSafe(root)) return root as CompiledRule;
  return (data) => {
    try {
      return root(data);
    } catch (error) {
      throw locateFailure(error, rule, data, options);
    }
  };
}

/** Rules compiled together, so that each row's fields are read once for all of them. */
export interface CompiledRuleSet {
  /** The rules, in order; each also evaluates on its own exactly as `compileRule` would compile it. */
  readonly rules: readonly CompiledRule[];
  /** The fields the rules read directly, each read once per row. */
  readonly fields: readonly string[];
  /** Every rule on one row, in order, into `out` (a new array when omitted). */
  evaluate(row: Readonly<Record<string, unknown>>, out?: unknown[]): unknown[];
  /**
   * Runs `fn` with the fields of `row` read once: the set's rules called on `row` inside it
   * take their values from that read, in any order and as lazily as `fn` likes.
   */
  withRow<T>(row: Readonly<Record<string, unknown>>, fn: () => T): T;
}

/**
 * Compiles rules that are evaluated on the same rows, e.g. every rule of a lead definition.
 * Results are those of `compileRule` for each rule (paths per rule: `paths[i]`, else
 * `options.path`). The fields the rules read are read once per row, before any rule runs
 * (rows are data: reading a field has no effect, so reading it early or once changes
 * nothing). A row with a null prototype whose keys are those of the previous such row is
 * read in one pass over its keys; any other row field by field, own properties only.
 */
export function compileRuleSet(rules: readonly unknown[], options: CompileOptions = {}, paths: readonly (LogicPath | undefined)[] = []): CompiledRuleSet {
  const keys: string[] = [];
  const frame = createFieldFrame(keys);
  const compiled = rules.map((rule, i) => {
    const path = paths[i] ?? options.path;
    return compileWithFrame(rule, path === undefined ? options : { ...options, path }, frame);
  });
  const kernels = rules.map((rule) => (options.coverage === undefined ? kernelOf(rule, options, frame) : undefined));
  const count = keys.length;
  const at = [...(options.path ?? [])];
  /** Keys of the last prototype-free row, in enumeration order, and the slot each fills (-1: none). */
  let layout: string[] = [];
  let slotAt: number[] = [];
  /** Slots whose field is not among `layout`: read one by one. */
  let extra: number[] = keys.map((_, s) => s);
  /** Keys past the last one a slot reads need no look: whatever follows, those read are the row's own (-1 until a layout is learnt). */
  let stopAt = -1;

  const learn = (row: object): void => {
    layout = [];
    for (const k in row) layout.push(k);
    slotAt = layout.map((k) => keys.indexOf(k));
    extra = keys.map((_, s) => s).filter((s) => !layout.includes(keys[s] as string));
    stopAt = slotAt.reduce((last, s, i) => (s === -1 ? last : i + 1), 0);
  };
  const readEach = (row: unknown, values: unknown[], slots: readonly number[]): void => {
    for (const s of slots) values[s] = readOwn(row, keys[s] as string);
  };
  /** Reads every field of the set from `row` into `values`, as `readOwn` would. */
  const read = (row: unknown, values: unknown[]): void => {
    if (row === null || typeof row !== 'object' || getPrototypeOf(row) !== null) {
      for (let s = 0; s < count; s++) values[s] = readOwn(row, keys[s] as string);
      return;
    }
    // No prototype: for-in lists exactly the own enumerable keys, in order.
    let i = 0;
    let isSame = true;
    for (const k in row) {
      if (i === stopAt) break;
      if (k !== layout[i]) {
        isSame = false;
        break;
      }
      const s = slotAt[i] as number;
      if (s !== -1) values[s] = (row as Record<string, unknown>)[k];
      i++;
    }
    if (isSame && (i === stopAt || i === layout.length)) {
      readEach(row, values, extra);
      return;
    }
    learn(row);
    for (let s = 0; s < count; s++) values[s] = readOwn(row, keys[s] as string);
  };

  const withRow = <T>(row: Readonly<Record<string, unknown>>, fn: () => T): T => {
    const previousRow = frame.row;
    const previousValues = frame.values;
    const values = new Array<unknown>(count);
    try {
      try {
        read(row, values);
      } catch (error) {
        throw failure('var', error, at);
      }
      frame.values = values;
      frame.row = row;
      return fn();
    } finally {
      frame.row = previousRow;
      frame.values = previousValues;
    }
  };
  return {
    rules: compiled,
    fields: keys,
    evaluate(row, out = new Array<unknown>(compiled.length)) {
      return withRow(row, () => {
        const values = frame.values;
        for (let i = 0; i < compiled.length; i++) {
          const kernel = kernels[i];
          const value = kernel === undefined ? undefined : kernel.apply(values[kernel.slot]);
          out[i] = value !== undefined ? value : (compiled[i] as CompiledRule)(row);
        }
        return out;
      });
    },
    withRow,
  };
}

/**
 * A rule of the simplest shape, a field against a literal (`{">": [{"var": "x"}, 10]}`,
 * `{"in": [{"var": "x"}, ["a", "b"]]}`), evaluated straight from the frame's values inside
 * `evaluate` when the value is of a kind whose result is plain: a number against a number,
 * two primitives of one type for equality, a primitive in a list. `apply` gives undefined
 * for anything else (an absent field, a numeric string, an object), and the rule's own
 * closure runs instead.
 */
interface Kernel {
  slot: number;
  apply(value: unknown): boolean | undefined;
}

type Plain = number;

const relational: Readonly<Record<string, (x: Plain, y: Plain) => boolean>> = {
  '>': (x, y) => x > y,
  '>=': (x, y) => x >= y,
  '<': (x, y) => x < y,
  '<=': (x, y) => x <= y,
};

function kernelOf(rule: unknown, options: CompileOptions, frame: FieldFrame): Kernel | undefined {
  if (!isLogicObject(rule)) return undefined;
  const op = Object.keys(rule)[0] as string;
  const args = rule[op];
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const field = fieldReadOf(args[0], options, false, frame);
  const y: unknown = args[1];
  if (field === undefined || field.slot === -1) return undefined;
  const { slot, isNumeric } = field;
  const isPlain = (v: unknown): boolean => typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !isNumeric);
  const compare = relational[op];
  if (compare !== undefined && typeof y === 'number') {
    return { slot, apply: (v) => (typeof v === 'number' ? compare(v, y) : undefined) };
  }
  const isEqual = op === '==' || op === '===';
  if ((isEqual || op === '!=' || op === '!==') && (typeof y === 'number' || typeof y === 'boolean' || typeof y === 'string')) {
    // Loose equality of two primitives of one type is strict equality.
    return { slot, apply: (v) => (typeof v === typeof y && isPlain(v) ? (v === y) === isEqual : undefined) };
  }
  if (op === 'in' && args[1] !== null && Array.isArray(args[1]) && args[1].every((m) => m === null || typeof m !== 'object')) {
    const members: readonly unknown[] = [...(args[1] as unknown[])];
    return {
      slot,
      apply: (v) => {
        if (!isPlain(v)) return undefined;
        for (let i = 0; i < members.length; i++) if (members[i] === v) return true;
        return false;
      },
    };
  }
  return undefined;
}
