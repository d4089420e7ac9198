import { Decimal } from 'decimal.js';
import { UsageError } from '../errors.js';
import { isPolicyKind } from '../schemas/index.js';
import type { PolicyKind } from '../schemas/index.js';

/** The most values one sweep evaluates: each is a full evaluation of the head. */
export const MAX_SWEEP_VALUES = 50;
const MAX_SPEC_LENGTH = 500;
const MAX_SEGMENTS = 32;
/** A number as a sweep reads it: no exponent, bounded digits. */
export const NUMBER = /^-?\d{1,15}(\.\d{1,10})?$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** One step of a sweep path: a mapping key, a list index, or the list item whose `key` equals `value`. */
export type PathStep =
  { type: 'key'; key: string } | { type: 'index'; index: number } | { type: 'match'; key: string; value: string };

/** `--sweep [Kind[/name]:]PATH=FROM..TO[:STEP]`, parsed. */
export interface SweepSpec {
  /** The text of PATH as given (without the document prefix). */
  path: string;
  steps: PathStep[];
  /** The document PATH is in, when the flag names it. */
  kind: PolicyKind | null;
  name: string | null;
  from: Decimal;
  to: Decimal;
  step: Decimal;
  /** FROM, FROM + STEP, … up to TO, exact. */
  values: Decimal[];
}

function parseNumber(text: string, what: string): Decimal {
  if (!NUMBER.test(text))
    throw new UsageError(`--sweep: ${what} "${text}" is not a number (write an integer or a decimal like 0.5).`);
  return new Decimal(text);
}

/** Parses `a.b[id=x][0].c` into steps. */
export function parsePathSteps(path: string): PathStep[] {
  const steps: PathStep[] = [];
  const token = /([^.[\]]+)|\[([^\]]*)\]|(\.)/gy;
  let expectKey = true;
  let match: RegExpExecArray | null;
  let at = 0;
  while (at < path.length && (match = token.exec(path)) !== null) {
    at = token.lastIndex;
    const [, key, selector, dot] = match;
    if (dot !== undefined) {
      if (expectKey) break;
      expectKey = true;
      continue;
    }
    if (key !== undefined) {
      if (!expectKey || !KEY.test(key) || FORBIDDEN_KEYS.has(key)) throw badPath(path, `"${key}" is not a key`);
      steps.push({ type: 'key', key });
      expectKey = false;
      continue;
    }
    if (expectKey || selector === undefined) throw badPath(path, 'a [selector] must follow a key');
    if (/^\d{1,6}$/.test(selector)) steps.push({ type: 'index', index: Number(selector) });
    else {
      const eq = selector.indexOf('=');
      const k = selector.slice(0, eq);
      if (eq <= 0 || !KEY.test(k) || FORBIDDEN_KEYS.has(k))
        throw badPath(path, `[${selector}] is neither an index nor key=value`);
      steps.push({ type: 'match', key: k, value: selector.slice(eq + 1) });
    }
  }
  if (at !== path.length || expectKey || steps.length === 0) throw badPath(path, 'write keys joined by dots');
  if (steps.length > MAX_SEGMENTS) throw badPath(path, `more than ${MAX_SEGMENTS} steps`);
  if (steps[steps.length - 1]?.type !== 'key') throw badPath(path, 'it must end with a key');
  return steps;
}

function badPath(path: string, why: string): UsageError {
  return new UsageError(
    `--sweep: the path "${path}" cannot be read: ${why} (e.g. spec.classes[id=mql].minScore, or LeadDefinition/name:spec.classes[id=mql].minScore).`,
  );
}

/** Parses the `--sweep` flag: the document, the path and the exact values (at most {@link MAX_SWEEP_VALUES}). */
export function parseSweepSpec(text: string): SweepSpec {
  if (text.length > MAX_SPEC_LENGTH) throw new UsageError(`--sweep is longer than ${MAX_SPEC_LENGTH} characters.`);
  const eq = text.lastIndexOf('=');
  if (eq <= 0) throw new UsageError('--sweep takes PATH=FROM..TO[:STEP], e.g. spec.classes[id=mql].minScore=50..70:5.');
  const range = /^([^.:]+(?:\.\d+)?)\.\.([^:]+)(?::(.+))?$/.exec(text.slice(eq + 1));
  if (range === null)
    throw new UsageError(`--sweep: "${text.slice(eq + 1)}" is not a range FROM..TO[:STEP] (e.g. 50..70:5).`);
  const from = parseNumber(range[1] ?? '', 'FROM');
  const to = parseNumber(range[2] ?? '', 'TO');
  const step = range[3] === undefined ? new Decimal(1) : parseNumber(range[3], 'STEP');
  if (from.gt(to)) throw new UsageError(`--sweep: FROM ${from.toFixed()} is above TO ${to.toFixed()}.`);
  if (step.lte(0)) throw new UsageError(`--sweep: STEP must be above 0, not ${step.toFixed()}.`);
  // Counted before any value is made: a huge range costs nothing to refuse.
  const count = to.minus(from).div(step).floor().plus(1);
  if (count.gt(MAX_SWEEP_VALUES))
    throw new UsageError(
      `--sweep: ${from.toFixed()}..${to.toFixed()} in steps of ${step.toFixed()} is ${count.toFixed()} values; a sweep takes at most ${MAX_SWEEP_VALUES}.`,
    );
  const values = Array.from({ length: count.toNumber() }, (_, i) => from.plus(step.times(i)));
  let left = text.slice(0, eq);
  let kind: PolicyKind | null = null;
  let name: string | null = null;
  const target = /^([A-Za-z]+)(?:\/([^:]+))?:/.exec(left);
  if (target !== null) {
    const k = target[1] ?? '';
    if (!isPolicyKind(k)) throw new UsageError(`--sweep: "${k}" is not a policy kind.`);
    kind = k;
    name = target[2] ?? null;
    left = left.slice(target[0].length);
  }
  return { path: left, steps: parsePathSteps(left), kind, name, from, to, step, values };
}
