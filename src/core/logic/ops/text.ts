import { RE2JS } from 're2js';
import { LogicCompileError } from '../errors.js';
import { MAX_PATTERN_LENGTH } from '../operators.js';
import { markSafeIf } from '../safety.js';
import type { Evaluate, OperatorDefinition, OperatorInput } from '../types.js';
import { requireArity, requireLiteralString } from './arguments.js';

type Test = (text: string, part: string) => boolean;

function lowerOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value.toLowerCase() : null;
}

/**
 * A case-insensitive test of two strings; false when either is not a string (null-safe).
 * A literal second argument is lower-cased once, when the rule is compiled.
 */
function textPair(test: Test): OperatorDefinition {
  return {
    build(input) {
      requireArity(input, 2);
      return markSafeIf(buildTextPair(test, input), input.args);
    },
  };
}

function buildTextPair(test: Test, input: OperatorInput): Evaluate {
  const [a, b] = input.args as Evaluate[];
  const literal = input.literal(1);
  if (literal !== undefined) {
    const part = lowerOrNull(literal.value);
    if (part === null) {
      return (d) => {
        (a as Evaluate)(d);
        return false;
      };
    }
    return (d) => {
      const text = (a as Evaluate)(d);
      return typeof text === 'string' && test(text.toLowerCase(), part);
    };
  }
  return (d) => {
    const text = (a as Evaluate)(d);
    const part = (b as Evaluate)(d);
    return typeof text === 'string' && typeof part === 'string' && test(text.toLowerCase(), part.toLowerCase());
  };
}

/** A function of one string argument; never throws. */
function unary(apply: (value: unknown) => unknown): OperatorDefinition {
  return {
    build(input) {
      requireArity(input, 1);
      const [a] = input.args as Evaluate[];
      return markSafeIf((d) => apply((a as Evaluate)(d)), input.args);
    },
  };
}

/** The lower-case domain of an email address: after the last `@`, trimmed; null when there is none. */
function emailDomain(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const at = value.lastIndexOf('@');
  if (at < 1) return null;
  const domain = value
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return domain === '' ? null : domain;
}

/** `matches`: RE2 (linear time, no backtracking), compiled once from the literal pattern. */
function buildMatches(input: OperatorInput): Evaluate {
  requireArity(input, 2);
  const pattern = requireLiteralString(input, 1, 'pattern');
  const at = [...input.path, input.op, 1];
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new LogicCompileError(
      'bad-pattern',
      `the pattern of \`matches\` is longer than ${MAX_PATTERN_LENGTH} characters`,
      at,
    );
  }
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(pattern);
  } catch (error) {
    throw new LogicCompileError(
      'bad-pattern',
      `the pattern of \`matches\` is not a valid RE2 regular expression: ${(error as Error).message}`,
      at,
      {
        cause: error,
      },
    );
  }
  const [a] = input.args as Evaluate[];
  return markSafeIf(
    (d) => {
      const text = (a as Evaluate)(d);
      return typeof text === 'string' && regex.test(text);
    },
    [a as Evaluate],
  );
}

export const textOperators = {
  lower: unary(lowerOrNull),
  email_domain: unary(emailDomain),
  iequals: textPair((text, part) => text === part),
  icontains: textPair((text, part) => text.includes(part)),
  starts_with: textPair((text, part) => text.startsWith(part)),
  ends_with: textPair((text, part) => text.endsWith(part)),
  matches: { literalArgs: [1], build: buildMatches },
} satisfies Record<string, OperatorDefinition>;
