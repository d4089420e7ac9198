import type { Evaluate, OperatorInput } from '../types.js';

/** Evaluates every argument, in order, as json-logic-js does before applying an ordinary operator. */
export function evaluateAll(args: readonly Evaluate[], data: unknown): unknown[] {
  const values = new Array<unknown>(args.length);
  for (let i = 0; i < args.length; i++) values[i] = (args[i] as Evaluate)(data);
  return values;
}

/** Builds an operator that sees its evaluated arguments as a list (json-logic-js' default shape). */
export function eager(apply: (values: unknown[], data: unknown) => unknown): (input: OperatorInput) => Evaluate {
  return ({ args }) => {
    const [a, b] = args;
    if (args.length === 0) return (d) => apply([], d);
    if (args.length === 1) return (d) => apply([(a as Evaluate)(d)], d);
    if (args.length === 2) return (d) => apply([(a as Evaluate)(d), (b as Evaluate)(d)], d);
    return (d) => apply(evaluateAll(args, d), d);
  };
}
