import { forbiddenPathSegments } from './operators.js';

const hasOwn = Object.prototype.hasOwnProperty;
const forbidden: ReadonlySet<string> = new Set(forbiddenPathSegments);

/** JSON Logic truthiness: JavaScript's, except that an empty array is false. */
export function truthy(value: unknown): boolean {
  if (value === true) return true;
  if (value === false) return false;
  return Array.isArray(value) ? value.length !== 0 : Boolean(value);
}

/**
 * `parseFloat` as json-logic-js applies it to every operand of `+` and `*`: a number
 * goes through its string form, which is itself except that -0 becomes 0.
 */
export function toFloat(value: unknown): number {
  if (typeof value === 'number') return value === 0 ? 0 : value;
  return parseFloat(value as string);
}

/** An own property of a value, or undefined: rows are data, the prototype chain is never read. */
export function readOwn(data: unknown, key: string): unknown {
  if (data === null || data === undefined) return undefined;
  const value = (data as Record<string, unknown>)[key];
  return value !== undefined && hasOwn.call(data, key) ? value : undefined;
}

/** Follows a split `var` path; `notFound` when a step is missing. */
export function readPath(data: unknown, segments: readonly string[], notFound: unknown): unknown {
  let current = data;
  for (const segment of segments) {
    if (current === null || current === undefined) return notFound;
    current = readOwn(current, segment);
    if (current === undefined) return notFound;
  }
  return current;
}

/** The segments of a `var` path (json-logic-js splits `String(path)` on dots), or undefined for a forbidden one. */
export function splitPath(path: unknown): string[] | undefined {
  const segments = String(path).split('.');
  return segments.some((s) => forbidden.has(s)) ? undefined : segments;
}

/** A `var` path that reads the whole data (json-logic-js: undefined, null or ""). */
export function isWholeDataPath(path: unknown): boolean {
  return path === undefined || path === null || path === '';
}

/** An object with exactly one own enumerable key: json-logic-js treats it as an operator. */
export function isLogicObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  let count = 0;
  for (const key in value) {
    if (hasOwn.call(value, key) && ++count > 1) return false;
  }
  return count === 1;
}

/**
 * json-logic-js evaluates the keys of `missing` (and the list of `missing_some`) a second
 * time, so a one-key object coming from row data would run as a rule. Data never runs
 * here: such a value is refused (json-logic-js mostly throws on it too).
 */
export function refuseDataAsLogic(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(refuseDataAsLogic);
  if (isLogicObject(value))
    throw new TypeError('a value read from data looks like a JSON Logic rule and is not evaluated');
  return value;
}

const numericText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A numeric string (how exact decimals are stored in rows) as a number; anything else unchanged. */
export function numberFromText(value: unknown): unknown {
  return typeof value === 'string' && numericText.test(value) ? Number(value) : value;
}

/** `value.length` for strings, arrays and objects that own a `length`, else undefined. */
export function lengthOf(value: unknown): unknown {
  if (typeof value === 'string') return value.length;
  return readOwn(value, 'length');
}
