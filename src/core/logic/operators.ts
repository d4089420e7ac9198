/**
 * The JSON Logic operators a policy may use, each with the description shown in the JSON
 * Logic schema. `log` (prints evaluated data) and `method` (calls arbitrary methods on
 * values) are deliberately absent: policies are written by anyone who can open a pull
 * request, and their evaluation must neither leak data into CI logs nor reach into the
 * runtime. Every name here has an implementation in `registry.ts` (the type system checks it).
 */
export const operatorDescriptions = {
  // data access
  var: 'Reads a field: `{"var": "employee_count"}`, a dotted path or list index, or `{"var": [path, default]}`.',
  missing: 'The listed field paths that are empty (null or ""), as a list.',
  missing_some: '`[n, [paths]]`: the empty paths, or `[]` when at least `n` of them are filled.',
  // logic and comparison
  if: '`[cond, then, cond2, then2, …, else]`: the value of the first branch whose condition holds.',
  '?:': 'The same as `if`: `[cond, then, else]`.',
  '==': 'Equal after type coercion (`1 == "1"`).',
  '===': 'Equal, same type.',
  '!=': 'Not equal after type coercion.',
  '!==': 'Not equal or not the same type.',
  '!': 'Not: true when the value is falsy (false, null, 0, "", []).',
  '!!': 'True when the value is truthy (not false, null, 0, "" or []).',
  or: 'The first truthy argument, else the last one.',
  and: 'The first falsy argument, else the last one.',
  '>': 'Greater than.',
  '>=': 'Greater than or equal.',
  '<': 'Less than; with three arguments, strictly between the first and the third.',
  '<=': 'Less than or equal; with three arguments, between the first and the third inclusive.',
  // arithmetic
  max: 'The largest of the numbers.',
  min: 'The smallest of the numbers.',
  '+': 'Sum of the numbers (strings are read as numbers); with one argument, that argument as a number.',
  '-': 'Difference; with one argument, its negation.',
  '*': 'Product of the numbers.',
  '/': 'Quotient.',
  '%': 'Remainder of the division.',
  // arrays
  map: '`[list, rule]`: the rule applied to every element (`{"var": ""}` is the element).',
  reduce: '`[list, rule, initial]`: folds the list; the rule reads `current` and `accumulator`.',
  filter: '`[list, rule]`: the elements for which the rule is truthy.',
  all: '`[list, rule]`: true when the list is not empty and the rule holds for every element.',
  none: '`[list, rule]`: true when the rule holds for no element.',
  some: '`[list, rule]`: true when the rule holds for at least one element.',
  merge: 'One flat list of the arguments and the elements of list arguments.',
  in: '`[value, list]`: the value is an element of the list; `[text, string]`: the text occurs in the string.',
  // strings
  cat: 'The arguments joined into one string.',
  substr:
    '`[string, start, length]`: part of a string; negative start counts from the end, negative length ' +
    'stops short of it.',
  // time (instants are epoch milliseconds or ISO 8601 date-times with an offset)
  days_between:
    '`[from, to]`: days from one instant to another (fractional, negative when `to` is earlier); null when ' +
    'either is empty.',
  hours_since: '`[instant]`: hours from the instant to the as-of time of the run; null when empty.',
  days_since: '`[instant]`: days from the instant to the as-of time of the run; null when empty.',
  business_hours_between:
    '`[from, to, "calendar"]`: working hours of the named Calendar policy between two instants (negative ' +
    'when `to` is earlier); null when either is empty.',
  // case-insensitive text
  lower: '`[text]`: the text in lower case; null when it is not a string.',
  iequals: '`[a, b]`: both are strings and equal ignoring case.',
  icontains: '`[text, part]`: the text contains the part, ignoring case.',
  starts_with: '`[text, prefix]`: the text starts with the prefix, ignoring case.',
  ends_with: '`[text, suffix]`: the text ends with the suffix, ignoring case.',
  email_domain: '`[email]`: the lower-case domain of an email address, or null.',
  matches:
    '`[text, "pattern"]`: the text contains a match of the regular expression (RE2 syntax, linear time; ' +
    'anchor with `^…$`); the pattern is a literal of at most 200 characters. False for non-strings.',
} as const satisfies Record<string, string>;

export type OperatorName = keyof typeof operatorDescriptions;

export const allowedOperators = Object.keys(operatorDescriptions) as readonly OperatorName[];

/** True for a name on the allowlist. */
export function isAllowedOperator(name: string): name is OperatorName {
  return Object.prototype.hasOwnProperty.call(operatorDescriptions, name);
}

/** Operators whose later arguments are evaluated once per array element, with `var` relative to that element. */
export const scopedOperators: ReadonlySet<string> = new Set(['map', 'reduce', 'filter', 'all', 'none', 'some']);

/** Names a `var` path segment may never take (prototype pollution / escape). */
export const forbiddenPathSegments = ['__proto__', 'constructor', 'prototype'] as const;

/** Maximum nesting of objects and arrays inside one rule. */
export const LOGIC_MAX_DEPTH = 24;

/** Longest regular expression `matches` accepts. */
export const MAX_PATTERN_LENGTH = 200;
