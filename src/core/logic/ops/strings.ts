import { spendChars } from '../budget.js';
import type { Evaluate, OperatorDefinition, OperatorInput } from '../types.js';
import { eager } from './eager.js';

/** json-logic-js `substr`: JavaScript's `substr`, with a negative length stopping short of the end (as in PHP). */
function substr(source: unknown, start: unknown, length: unknown): string {
  if ((length as number) < 0) {
    const rest = String(source).substr(start as number);
    return rest.substr(0, rest.length + (length as number));
  }
  return String(source).substr(start as number, length as number);
}

/** Inside an element rule, the characters a string operator builds count against the row's budget. */
function budgetedText(build: (input: OperatorInput) => Evaluate): (input: OperatorInput) => Evaluate {
  return (input) => {
    const evaluate = build(input);
    if (!input.isScoped) return evaluate;
    return (d) => {
      const text = evaluate(d) as string;
      spendChars(text.length, input.op, input.path);
      return text;
    };
  };
}

export const stringOperators = {
  cat: { build: budgetedText(eager((values) => values.join(''))) },
  substr: { build: budgetedText(eager(([source, start, length]) => substr(source, start, length))) },
} satisfies Record<string, OperatorDefinition>;
