import { failure, markSafe, markSafeIf } from '../safety.js';
import type { Evaluate, OperatorDefinition } from '../types.js';
import { toFloat } from '../values.js';
import { readField } from './data.js';
import { eager } from './eager.js';

// Operands are any values and coerce as in JavaScript; `number` only satisfies the type checker.
type Loose = number;

/** `+`: json-logic-js folds `parseFloat(acc) + parseFloat(value)` from 0. */
function sum(values: unknown[]): number {
  let acc = 0;
  for (const value of values) acc = toFloat(acc) + toFloat(value);
  return acc;
}

/** `*`: folds without a start value, so one operand comes back as it is and none is an error. */
function product(values: unknown[]): unknown {
  if (values.length === 0) throw new TypeError('`*` needs at least one operand');
  let acc: unknown = values[0];
  for (let i = 1; i < values.length; i++) acc = toFloat(acc) * toFloat(values[i]);
  return acc;
}

export const arithmeticOperators = {
  '+': {
    build(input) {
      const [a, b] = input.args as Evaluate[];
      if (input.args.length === 2) return (d) => 0 + toFloat((a as Evaluate)(d)) + toFloat((b as Evaluate)(d));
      return eager(sum)(input);
    },
  },
  '*': {
    build(input) {
      const [a, b] = input.args as Evaluate[];
      if (input.args.length !== 2) return eager(product)(input);
      const y = input.literal(1);
      if (y !== undefined) {
        const factor = toFloat(y.value);
        const field = input.field(0);
        if (field === undefined) return (d) => toFloat((a as Evaluate)(d)) * factor;
        const { key, notFound, isNumeric } = field;
        return markSafe((d) => {
          const v = readField(d, key, notFound, isNumeric);
          try {
            return toFloat(v) * factor;
          } catch (error) {
            throw failure('*', error, input.path);
          }
        });
      }
      return (d) => toFloat((a as Evaluate)(d)) * toFloat((b as Evaluate)(d));
    },
  },
  '-': { build: eager(([a, b]) => (b === undefined ? -(a as Loose) : (a as Loose) - (b as Loose))) },
  '/': { build: eager(([a, b]) => (a as Loose) / (b as Loose)) },
  '%': { build: eager(([a, b]) => (a as Loose) % (b as Loose)) },
  min: {
    build(input) {
      const [a, b] = input.args as Evaluate[];
      if (input.args.length !== 2) return eager((values) => Math.min(...(values as Loose[])))(input);
      const y = input.literal(1);
      if (y !== undefined) {
        const limit = y.value as Loose;
        const field = input.field(0);
        const { key, notFound, isNumeric } = field ?? { key: '', notFound: null, isNumeric: false };
        const evaluate: Evaluate = (d) => {
          const v = (field === undefined ? (a as Evaluate)(d) : readField(d, key, notFound, isNumeric)) as Loose;
          try {
            return Math.min(v, limit);
          } catch (error) {
            throw failure('min', error, input.path);
          }
        };
        return field === undefined ? markSafeIf(evaluate, [a as Evaluate]) : markSafe(evaluate);
      }
      return (d) => Math.min((a as Evaluate)(d) as Loose, (b as Evaluate)(d) as Loose);
    },
  },
  max: {
    build(input) {
      const [a, b] = input.args as Evaluate[];
      if (input.args.length !== 2) return eager((values) => Math.max(...(values as Loose[])))(input);
      return (d) => Math.max((a as Evaluate)(d) as Loose, (b as Evaluate)(d) as Loose);
    },
  },
} satisfies Record<string, OperatorDefinition>;
