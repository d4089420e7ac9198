import type { OperatorDefinition } from '../types.js';
import { eager } from './eager.js';

/** json-logic-js `substr`: JavaScript's `substr`, with a negative length stopping short of the end (as in PHP). */
function substr(source: unknown, start: unknown, length: unknown): string {
  if ((length as number) < 0) {
    const rest = String(source).substr(start as number);
    return rest.substr(0, rest.length + (length as number));
  }
  return String(source).substr(start as number, length as number);
}

export const stringOperators = {
  cat: { build: eager((values) => values.join('')) },
  substr: { build: eager(([source, start, length]) => substr(source, start, length)) },
} satisfies Record<string, OperatorDefinition>;
