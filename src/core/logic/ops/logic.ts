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

/** `and`: the first falsy operand, else the last (undefined with none, as in json-logic-js). */
function buildAnd({ args }: OperatorInput): Evaluate {
  return markSafeIf(buildAndChain(args), args);
}

function buildAndChain(args: readonly Evaluate[]): Evaluate {
  const [a, b] = args as Evaluate[];
  if (args.length === 0) return markSafe(() => undefined);
  if (args.length === 1) return a as Evaluate;
  if (args.length === 2) {
    return (d) => {
      const x = (a as Evaluate)(d);
      return truthy(x) ? (b as Evaluate)(d) : x;
    };
  }
  return (d) => {
    let current: unknown;
    for (const arg of args) {
      current = arg(d);
      if (!truthy(current)) return current;
    }
    return current;
  };
}

/** `or`: the first truthy operand, else the last. */
function buildOr({ args }: OperatorInput): Evaluate {
  return markSafeIf(buildOrChain(args), args);
}

function buildOrChain(args: readonly Evaluate[]): Evaluate {
  const [a, b] = args as Evaluate[];
  if (args.length === 0) return markSafe(() => undefined);
  if (args.length === 1) return a as Evaluate;
  if (args.length === 2) {
    return (d) => {
      const x = (a as Evaluate)(d);
      return truthy(x) ? x : (b as Evaluate)(d);
    };
  }
  return (d) => {
    let current: unknown;
    for (const arg of args) {
      current = arg(d);
      if (truthy(current)) return current;
    }
    return current;
  };
}

export const logicOperators = {
  if: { build: buildIf },
  '?:': { build: buildIf },
  and: { build: buildAnd },
  or: { build: buildOr },
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
