import { LogicCompileError } from './errors.js';
import { isAllowedOperator, LOGIC_MAX_DEPTH } from './operators.js';
import type { OperatorName } from './operators.js';
import { operatorRegistry } from './registry.js';
import type { LogicPath, OperatorDefinition } from './types.js';

/** One node of a rule, its shape checked. */
export type RuleNode =
  | { kind: 'literal'; value: unknown }
  | { kind: 'array'; items: readonly unknown[] }
  | {
      kind: 'operator';
      op: OperatorName;
      def: OperatorDefinition;
      /** Arguments as a list: `{"!": x}` has `[x]`. */
      raw: readonly unknown[];
      /** Whether the arguments were written as a list (so each has an index in the path). */
      isList: boolean;
    };

const refused: Readonly<Record<string, string>> = {
  log: '`log` is not allowed: it would print evaluated data into logs',
  method: '`method` is not allowed: it calls arbitrary methods on values',
};

function isScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** True when a value holds no operator anywhere (it evaluates to itself). */
export function isLiteral(value: unknown): boolean {
  return isScalar(value) || (Array.isArray(value) && value.every(isLiteral));
}

/** Levels of lists in a literal (0 for a scalar). */
function nestingOf(value: unknown): number {
  return Array.isArray(value) ? 1 + value.reduce((max: number, item) => Math.max(max, nestingOf(item)), 0) : 0;
}

/**
 * The shape of a rule node at `depth` (1 for the whole rule; every object and array is a
 * level, as in the JSON Logic schema). Throws `LogicCompileError` for anything the schema
 * would refuse: several keys in one object, operators off the allowlist, too deep.
 */
export function classifyNode(rule: unknown, path: LogicPath, depth: number): RuleNode {
  if (isScalar(rule)) return { kind: 'literal', value: rule };
  if (typeof rule !== 'object' || rule === null) {
    throw new LogicCompileError('shape', `a rule holds only JSON values, not ${typeof rule}`, path);
  }
  if (depth > LOGIC_MAX_DEPTH)
    throw new LogicCompileError('too-deep', `the rule nests more than ${LOGIC_MAX_DEPTH} levels`, path);
  if (Array.isArray(rule)) {
    if (!isLiteral(rule)) return { kind: 'array', items: rule };
    if (depth + nestingOf(rule) - 1 > LOGIC_MAX_DEPTH)
      throw new LogicCompileError('too-deep', `the rule nests more than ${LOGIC_MAX_DEPTH} levels`, path);
    return { kind: 'literal', value: rule };
  }
  const keys = Object.keys(rule);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) {
    throw new LogicCompileError('shape', `a JSON Logic object holds exactly one operator, not ${keys.length}`, path);
  }
  if (!isAllowedOperator(op)) {
    const reason = refused[op];
    throw new LogicCompileError(
      reason === undefined ? 'unknown-operator' : 'forbidden-operator',
      reason ?? `unknown operator \`${op}\``,
      [...path, op],
    );
  }
  const value = (rule as Record<string, unknown>)[op];
  const isList = Array.isArray(value);
  if (isList && depth + 1 > LOGIC_MAX_DEPTH)
    throw new LogicCompileError('too-deep', `the rule nests more than ${LOGIC_MAX_DEPTH} levels`, [...path, op]);
  return { kind: 'operator', op, def: operatorRegistry[op], raw: isList ? value : [value], isList };
}

/** Path of argument `i` of an operator node. */
export function argumentPath(path: LogicPath, op: string, isList: boolean, i: number): LogicPath {
  return isList ? [...path, op, i] : [...path, op];
}

/** Depth of the arguments of an operator node at `depth`. */
export function argumentDepth(depth: number, isList: boolean): number {
  return isList ? depth + 2 : depth + 1;
}

/** A deep, frozen copy of a literal: every evaluation may hand out the same value safely. */
export function freezeLiteral(value: unknown): unknown {
  return Array.isArray(value) ? Object.freeze(value.map(freezeLiteral)) : value;
}
