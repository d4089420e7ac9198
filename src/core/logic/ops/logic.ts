import { markSafe, markSafeIf } from '../safety.js';
import type { Evaluate, OperatorDefinition, OperatorInput } from '../types.js';
import { truthy } from '../values.js';
import { eager } from './eager.js';

/** `if` / `?:`: condition–branch pairs, then an optional else; null when nothing applies. */
function buildIf({ args }: OperatorInput): Evaluate {
  return markSafeIf(buildIfChain(args), args);
}

function buildIfChain(args: readonly Evaluate[]): Evaluate {
  const [a, b, c] = args as Evaluate[];
  if (args.length === 0) return markSafe(() => null);
  if (args.length === 1) return a as Evaluate;
  if (args.length === 2) return (d) => (truthy((a as Evaluate)(d)) ? (b as Evaluate)(d) : null);
  if (args.length === 3) return (d) => (truthy((a as Evaluate)(d)) ? (b as Evaluate)(d) : (c as Evaluate)(d));
  return (d) => {
    let i = 0;
    for (; i < args.length - 1; i += 2) {
      if (truthy((args[i] as Evaluate)(d))) return (args[i + 1] as Evaluate)(d);
    }
    return i === args.length - 1 ? (args[i] as Evaluate)(d) : null;
  };
}

/**
 * `and` and `or`: operands are evaluated in order until one decides — for `and` the first
 * falsy one, for `or` the first truthy one — and that operand is the result; otherwise the
 * last. With no operands the result is undefined, as in json-logic-js.
 */
function buildChain(stopWhenTruthy: boolean): (input: OperatorInput) => Evaluate {
  return ({ args }) => markSafeIf(chain(args, stopWhenTruthy), args);
}

function chain(args: readonly Evaluate[], stopWhenTruthy: boolean): Evaluate {
  const [a, b] = args as Evaluate[];
  if (args.length === 0) return markSafe(() => undefined);
  if (args.length === 1) return a as Evaluate;
  if (args.length === 2) {
    return (d) => {
      const x = (a as Evaluate)(d);
      return truthy(x) === stopWhenTruthy ? x : (b as Evaluate)(d);
    };
  }
  return (d) => {
    let current: unknown;
    for (const arg of args) {
      current = arg(d);
      if (truthy(current) === stopWhenTruthy) return current;
    }
    return current;
  };
}

export const logicOperators = {
  if: { build: buildIf },
  '?:': { build: buildIf },
  and: { build: buildChain(false) },
  or: { build: buildChain(true) },
  '!': {
    build(input) {
      const [a] = input.args;
      if (input.args.length === 1) return markSafeIf((d) => !truthy((a as Evaluate)(d)), input.args);
      return eager((values) => !truthy(values[0]))(input);
    },
  },
  '!!': {
    build(input) {
      const [a] = input.args;
      if (input.args.length === 1) return markSafeIf((d) => truthy((a as Evaluate)(d)), input.args);
      return eager((values) => truthy(values[0]))(input);
    },
  },
} satisfies Record<string, OperatorDefinition>;
