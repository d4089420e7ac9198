import { failure, markSafe, markSafeIf } from '../safety.js';
import type { Evaluate, FieldRead, LogicPath, OperatorDefinition, OperatorInput } from '../types.js';
import { readField as read } from './data.js';
import { eager } from './eager.js';

// `==` and `!=` are JSON Logic's loose equality, and `<` coerces like JavaScript, on purpose.
// The operands are any values; `number` only satisfies the type checker (the operators coerce at run time).
type Loose = number;
type Fn = (x: Loose, y: Loose) => boolean;

/**
 * One comparison, in the shapes worth a closure of their own: `pair` (two arguments),
 * `withLiteral` (a literal right-hand side: `{">": [x, 10]}`), `withField` (a field and a
 * literal: `{">": [{"var": "x"}, 10]}`, the most common shape of all), and `apply`, the
 * general json-logic-js form over every evaluated argument. Each closure is written out so
 * the engine sees a single comparison at each site.
 */
interface Comparison {
  /** `===` and `!==` never throw; the others may, converting an object to a primitive. */
  isStrict?: boolean;
  apply(values: unknown[]): boolean;
  pair(a: Evaluate, b: Evaluate): Evaluate;
  withLiteral(a: Evaluate, y: Loose): Evaluate;
  /** Throws only `RuleEvaluationError` (at `at`): a row value that cannot be compared fails there. */
  withField(f: FieldRead, y: Loose, at: LogicPath): Evaluate;
}

/** `<` and `<=` take a third argument: strictly (or inclusively) between. */
function between(fn: Fn): Comparison['apply'] {
  return (v) =>
    v[2] === undefined
      ? fn(v[0] as Loose, v[1] as Loose)
      : fn(v[0] as Loose, v[1] as Loose) && fn(v[1] as Loose, v[2] as Loose);
}

function two(fn: Fn): Comparison['apply'] {
  return (v) => fn(v[0] as Loose, v[1] as Loose);
}

const comparisons: Readonly<Record<string, Comparison>> = {
  '==': {
    apply: two((x, y) => x == y),
    pair: (a, b) => (d) => a(d) == b(d),
    withLiteral: (a, y) => (d) => a(d) == y,
    withField:
      ({ key, notFound, isNumeric }, y, at) =>
      (d) => {
        const v = read(d, key, notFound, isNumeric) as Loose;
        // Loose equality of two primitives of one type is strict equality.
        if (typeof v === typeof y && typeof v !== 'object') return v === y;
        try {
          return v == y;
        } catch (error) {
          throw failure('==', error, at);
        }
      },
  },
  '===': {
    isStrict: true,
    apply: two((x, y) => x === y),
    pair: (a, b) => (d) => a(d) === b(d),
    withLiteral: (a, y) => (d) => a(d) === y,
    // Strict equality never throws.
    withField:
      ({ key, notFound, isNumeric }, y) =>
      (d) =>
        read(d, key, notFound, isNumeric) === y,
  },
  '!=': {
    apply: two((x, y) => x != y),
    pair: (a, b) => (d) => a(d) != b(d),
    withLiteral: (a, y) => (d) => a(d) != y,
    withField:
      ({ key, notFound, isNumeric }, y, at) =>
      (d) => {
        const v = read(d, key, notFound, isNumeric) as Loose;
        // Loose equality of two primitives of one type is strict equality.
        if (typeof v === typeof y && typeof v !== 'object') return v !== y;
        try {
          return v != y;
        } catch (error) {
          throw failure('!=', error, at);
        }
      },
  },
  '!==': {
    isStrict: true,
    apply: two((x, y) => x !== y),
    pair: (a, b) => (d) => a(d) !== b(d),
    withLiteral: (a, y) => (d) => a(d) !== y,
    withField:
      ({ key, notFound, isNumeric }, y) =>
      (d) =>
        read(d, key, notFound, isNumeric) !== y,
  },
  '>': {
    apply: two((x, y) => x > y),
    pair: (a, b) => (d) => (a(d) as Loose) > (b(d) as Loose),
    withLiteral: (a, y) => (d) => (a(d) as Loose) > y,
    withField:
      ({ key, notFound, isNumeric }, y, at) =>
      (d) => {
        const v = read(d, key, notFound, isNumeric) as Loose;
        // Two numbers: the same comparison, on a site that only ever sees numbers.
        if (typeof v === 'number' && typeof y === 'number') return v > y;
        try {
          return v > y;
        } catch (error) {
          throw failure('>', error, at);
        }
      },
  },
  '>=': {
    apply: two((x, y) => x >= y),
    pair: (a, b) => (d) => (a(d) as Loose) >= (b(d) as Loose),
    withLiteral: (a, y) => (d) => (a(d) as Loose) >= y,
    withField:
      ({ key, notFound, isNumeric }, y, at) =>
      (d) => {
        const v = read(d, key, notFound, isNumeric) as Loose;
        // Two numbers: the same comparison, on a site that only ever sees numbers.
        if (typeof v === 'number' && typeof y === 'number') return v >= y;
        try {
          return v >= y;
        } catch (error) {
          throw failure('>=', error, at);
        }
      },
  },
  '<': {
    apply: between((x, y) => x < y),
    pair: (a, b) => (d) => (a(d) as Loose) < (b(d) as Loose),
    withLiteral: (a, y) => (d) => (a(d) as Loose) < y,
    withField:
      ({ key, notFound, isNumeric }, y, at) =>
      (d) => {
        const v = read(d, key, notFound, isNumeric) as Loose;
        // Two numbers: the same comparison, on a site that only ever sees numbers.
        if (typeof v === 'number' && typeof y === 'number') return v < y;
        try {
          return v < y;
        } catch (error) {
          throw failure('<', error, at);
        }
      },
  },
  '<=': {
    apply: between((x, y) => x <= y),
    pair: (a, b) => (d) => (a(d) as Loose) <= (b(d) as Loose),
    withLiteral: (a, y) => (d) => (a(d) as Loose) <= y,
    withField:
      ({ key, notFound, isNumeric }, y, at) =>
      (d) => {
        const v = read(d, key, notFound, isNumeric) as Loose;
        // Two numbers: the same comparison, on a site that only ever sees numbers.
        if (typeof v === 'number' && typeof y === 'number') return v <= y;
        try {
          return v <= y;
        } catch (error) {
          throw failure('<=', error, at);
        }
      },
  },
};

function definition(c: Comparison): OperatorDefinition {
  return {
    build(input: OperatorInput) {
      const [a, b] = input.args as Evaluate[];
      if (input.args.length !== 2) return eager(c.apply)(input);
      const y = input.literal(1);
      if (y === undefined) return c.pair(a as Evaluate, b as Evaluate);
      const field = input.field(0);
      if (field !== undefined) return markSafe(c.withField(field, y.value as Loose, input.path));
      const evaluate = c.withLiteral(a as Evaluate, y.value as Loose);
      return c.isStrict ? markSafeIf(evaluate, [a as Evaluate]) : evaluate;
    },
  };
}

export const compareOperators = {
  '==': definition(comparisons['=='] as Comparison),
  '===': definition(comparisons['==='] as Comparison),
  '!=': definition(comparisons['!='] as Comparison),
  '!==': definition(comparisons['!=='] as Comparison),
  '>': definition(comparisons['>'] as Comparison),
  '>=': definition(comparisons['>='] as Comparison),
  '<': definition(comparisons['<'] as Comparison),
  '<=': definition(comparisons['<='] as Comparison),
} satisfies Record<string, OperatorDefinition>;
