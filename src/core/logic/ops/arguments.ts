import { LogicCompileError, RuleEvaluationError } from '../errors.js';
import type { OperatorInput } from '../types.js';

/** Domain operators take a fixed number of arguments. */
export function requireArity(input: OperatorInput, count: number): void {
  if (input.raw.length !== count) {
    const s = count === 1 ? '' : 's';
    throw new LogicCompileError('arity', `\`${input.op}\` takes ${count} argument${s}, not ${input.raw.length}`, [
      ...input.path,
      input.op,
    ]);
  }
}

/** An argument that must be written as a string in the rule, e.g. a calendar name or a pattern. */
export function requireLiteralString(input: OperatorInput, index: number, what: string): string {
  const value = input.raw[index];
  if (typeof value !== 'string') {
    throw new LogicCompileError(
      'not-literal',
      `the ${what} of \`${input.op}\` must be written as a string in the rule`,
      [...input.path, input.op, index],
    );
  }
  return value;
}

/** The kind of a value, never the value itself: evaluated data must not reach logs. */
export function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A row gave a domain operator a value of the wrong kind. */
export function badArgument(
  input: OperatorInput,
  index: number,
  value: unknown,
  expected: string,
): RuleEvaluationError {
  return new RuleEvaluationError(
    'bad-argument',
    `argument ${index + 1} of \`${input.op}\` is ${describeKind(value)} where ${expected} is expected`,
    input.path,
  );
}
