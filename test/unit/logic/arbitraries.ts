import fc from 'fast-check';

/** Generators shared by the property tests: random rules over every standard operator, and rows of data. */

/** Field names of generated rows; none is a name Object.prototype has, where reading own properties only differs by design. */
const rowKeys = ['a', 'b', 'n', 's', 'list', 'obj', 'items'] as const;
const paths = fc.constantFrom<unknown>(
  ...rowKeys,
  'obj.x',
  'obj.y.z',
  'list.0',
  'list.1',
  'items.0.qty',
  's.0',
  'list.length',
  'absent',
  'a.b',
  '',
  null,
  0,
  1,
  'current',
  'accumulator',
  'qty',
);

const strings = fc.constantFrom(
  '',
  '0',
  '1',
  '1.5',
  '-2',
  ' 3 ',
  '1e3',
  'abc',
  'ABC',
  'a',
  'b,c',
  'x.y',
  'true',
  'null',
);
const numbers = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0.5, -0, 1e21, NaN, Infinity),
  fc.double({ min: -1e6, max: 1e6 }),
);
const scalar = fc.oneof(numbers, strings, fc.boolean(), fc.constant(null));

/** Rows: scalars, numeric strings, lists, nested objects (keys not named like operators). */
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3 },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('x', 'y', 'z', 'qty'), tie('value'), { maxKeys: 3 }),
  ),
})).value;
export const row = fc.dictionary(fc.constantFrom(...rowKeys), value, { maxKeys: 7 });

const eagerOps = [
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '!',
  '!!',
  'and',
  'or',
  'if',
  '?:',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'merge',
  'in',
  'cat',
  'substr',
];
const scopedOps = ['map', 'filter', 'reduce', 'all', 'none', 'some'];

/** Random rules over every standard operator on the allowlist, bounded in depth; the root is always an operator. */
export const rule: fc.Arbitrary<unknown> = fc.letrec<{ rule: unknown; node: unknown; args: unknown; read: unknown }>(
  (tie) => ({
    rule: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'rule' },
      { arbitrary: scalar, weight: 2 },
      { arbitrary: fc.array(scalar, { maxLength: 3 }), weight: 1 },
      { arbitrary: tie('read'), weight: 3 },
      { arbitrary: tie('node'), weight: 4 },
    ),
    read: fc.oneof(paths, fc.tuple(paths, scalar), fc.tuple(tie('rule'))).map((args) => ({ var: args })),
    // Arguments as a list (of any length), or a single argument in unary form.
    args: fc.oneof(
      { arbitrary: fc.array(tie('rule'), { minLength: 1, maxLength: 4 }), weight: 4 },
      { arbitrary: fc.constant([]), weight: 1 },
      { arbitrary: tie('rule'), weight: 1 },
    ),
    node: fc.oneof(
      { depthIdentifier: 'rule' },
      {
        arbitrary: fc
          .record({ op: fc.constantFrom(...eagerOps), args: tie('args') })
          .map(({ op, args }) => ({ [op]: args })),
        weight: 8,
      },
      {
        arbitrary: fc
          .record({
            op: fc.constantFrom(...scopedOps),
            list: tie('rule'),
            each: tie('rule'),
            extra: fc.array(tie('rule'), { maxLength: 1 }),
          })
          .map(({ op, list, each, extra }) => ({ [op]: [list, each, ...extra] })),
        weight: 2,
      },
      {
        arbitrary: fc
          .oneof(fc.array(paths, { maxLength: 3 }), fc.tuple(fc.array(paths, { maxLength: 3 })), tie('rule'))
          .map((args) => ({ missing: args })),
        weight: 1,
      },
      {
        arbitrary: fc
          .tuple(fc.integer({ min: 0, max: 3 }), fc.oneof(fc.array(paths, { maxLength: 3 }), tie('rule')))
          .map((args) => ({ missing_some: args })),
        weight: 1,
      },
    ),
  }),
).node;

export type Outcome = { threw: false; value: unknown } | { threw: true; error: unknown };

/** What running a rule gave: its value, or what it threw. */
export function outcome(run: () => unknown): Outcome {
  try {
    return { threw: false, value: run() };
  } catch (error) {
    return { threw: true, error };
  }
}
