/**
 * The JSON Logic operators a policy may use. `log` (prints evaluated data) and `method`
 * (calls arbitrary methods on values) are deliberately absent: policies are written by
 * anyone who can open a pull request, and their evaluation must neither leak data into
 * CI logs nor reach into the runtime.
 */
export const allowedOperators = [
  // data access
  'var', 'missing', 'missing_some',
  // logic and comparison
  'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=',
  // arithmetic
  'max', 'min', '+', '-', '*', '/', '%',
  // arrays
  'map', 'reduce', 'filter', 'all', 'none', 'some', 'merge', 'in',
  // strings
  'cat', 'substr',
] as const;

export type OperatorName = (typeof allowedOperators)[number];

/** Operators whose later arguments are evaluated once per array element, with `var` relative to that element. */
export const scopedOperators: ReadonlySet<string> = new Set(['map', 'reduce', 'filter', 'all', 'none', 'some']);

/** Names a `var` path segment may never take (prototype pollution / escape). */
export const forbiddenPathSegments = ['__proto__', 'constructor', 'prototype'] as const;

/** Maximum nesting of objects and arrays inside one rule. */
export const LOGIC_MAX_DEPTH = 24;
