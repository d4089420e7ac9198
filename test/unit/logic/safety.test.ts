import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonLogic from 'json-logic-js';
import type { RulesLogic } from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileRule,
  createGenerator,
  LogicCompileError,
  RuleEvaluationError,
} from '../../../src/core/logic/compile.js';
import { LOGIC_MAX_DEPTH } from '../../../src/core/logic/operators.js';
import { rule } from './arbitraries.js';
import { useFastPath } from '../../helpers/fast-path.js';

function compileError(rule: unknown): LogicCompileError {
  try {
    compileRule(rule, { path: ['spec', 'when'] });
  } catch (error) {
    if (error instanceof LogicCompileError) return error;
    throw error;
  }
  throw new Error('the rule compiled');
}

function evaluationError(rule: unknown, data: Record<string, unknown>): RuleEvaluationError {
  const compiled = compileRule(rule, { path: ['spec', 'when'] });
  try {
    compiled(data);
  } catch (error) {
    if (error instanceof RuleEvaluationError) return error;
    throw error;
  }
  throw new Error('the rule did not fail');
}

/** `{"!": {"!": … x}}` nested `levels` objects deep. */
function nested(levels: number): unknown {
  let rule: unknown = true;
  for (let i = 0; i < levels; i++) rule = { '!': rule };
  return rule;
}

describe('rules that do not compile', () => {
  it.each([
    ['log', { log: { var: 'email' } }, 'forbidden-operator', ['spec', 'when', 'log']],
    ['method', { method: [{ var: 'email' }, 'toString'] }, 'forbidden-operator', ['spec', 'when', 'method']],
    [
      'an unknown operator, however deep',
      { and: [true, { regex: ['a', 'b'] }] },
      'unknown-operator',
      ['spec', 'when', 'and', 1, 'regex'],
    ],
    ['two operators in one object', { '==': [1, 1], '!': true }, 'shape', ['spec', 'when']],
    ['an empty object', { and: [{}] }, 'shape', ['spec', 'when', 'and', 0]],
    ['a var path through __proto__', { var: '__proto__.polluted' }, 'forbidden-path', ['spec', 'when', 'var']],
    ['a var path ending in constructor', { var: ['a.constructor', 1] }, 'forbidden-path', ['spec', 'when', 'var']],
    [
      'a missing key through prototype',
      { missing: ['a', 'prototype.x'] },
      'forbidden-path',
      ['spec', 'when', 'missing', 1],
    ],
    [
      'a missing_some key through __proto__',
      { missing_some: [1, ['a', '__proto__']] },
      'forbidden-path',
      ['spec', 'when', 'missing_some', 1, 1],
    ],
  ] as const)('%s', (_name, rule, code, path) => {
    const error = compileError(rule);
    expect(error.kind).toBe(code);
    expect(error.path).toEqual(path);
  });

  it(`refuses nesting deeper than ${LOGIC_MAX_DEPTH} levels, as the schema does`, () => {
    expect(() => compileRule(nested(LOGIC_MAX_DEPTH))).not.toThrow();
    expect(compileError(nested(LOGIC_MAX_DEPTH + 1)).kind).toBe('too-deep');
    expect(compileError({ in: ['a', nestedList(LOGIC_MAX_DEPTH)] }).kind).toBe('too-deep');
  });

  it('builds functions from source in one place only, the generator', () => {
    const dir = fileURLToPath(new URL('../../../src/core/logic/', import.meta.url));
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(10);
    const building = sources.filter((file) =>
      /\beval\s*\(|\bFunction\s*\(|new\s+Function\b/.test(readFileSync(join(dir, file), 'utf8')),
    );
    expect(building).toEqual(['generate.ts']);
  });
});

describe('generated code', () => {
  useFastPath(true);
  const hostile = 'x"]); globalThis.pwned = 1; (["';
  const rules = [
    { '==': [{ var: hostile }, hostile] },
    { and: [{ '>': [{ var: `${hostile}2` }, 1e21] }, { in: [{ var: 'a' }, [hostile, '`${pwned}`', '\u2028']] }] },
    { if: [{ var: ['b', hostile] }, { '*': [{ var: 'c' }, '3'] }, { cat: [hostile, { var: 'a' }] }] },
  ];

  it('holds no string or number from the rule: field names and literals are passed in, never written out', () => {
    const generator = createGenerator({});
    rules.forEach((rule, i) => generator.addRule(rule, [i]));
    const source = generator.source(true);
    expect(generator.generatedNodes).toBeGreaterThan(5);
    for (const text of ['pwned', 'globalThis', '1e21', '"3"', '\u2028']) expect(source).not.toContain(text);
    // Nothing but this generator's own vocabulary.
    const words = new Set(source.match(/[A-Za-z_$][A-Za-z0-9_$]*/g));
    const own =
      /^(use|strict|return|function|generatedRule|d|out|if|null|typeof|object|h|getPrototypeOf|s|try|catch|const|let|undefined|true|false|k|c|x\d+|v\d+|t\d+|truthy|toFloat|numberFromText|min|max|minus|string)$/;
    expect([...words].filter((w) => !own.test(w))).toEqual([]);
  });

  it('depends on the shape of a rule alone: renaming every field and changing every literal gives the same source', () => {
    fc.assert(
      fc.property(rule, (r) => {
        let compiles = true;
        try {
          compileRule(r);
        } catch {
          compiles = false;
        }
        fc.pre(compiles);
        const sourceOf = (x: unknown): string => {
          const generator = createGenerator({});
          generator.addRule(x, []);
          return generator.source();
        };
        expect(sourceOf(renamed(r))).toBe(sourceOf(r));
      }),
      { numRuns: 500, seed: 20261124 },
    );
  });

  it('negates the first operand of `-` when the second comes out undefined, as json-logic-js does', () => {
    const cases: [unknown, Record<string, unknown>][] = [
      [{ '-': [5, { and: [] }] }, {}],
      [{ '-': [{ var: 'x' }, { or: [] }] }, { x: 3 }],
      [{ '!': { '-': [{ var: 'a' }, { and: [] }] } }, { a: 1 }],
      [{ '-': [{ var: 'x' }, { if: [false, 1, { and: [] }] }] }, { x: 2 }],
    ];
    for (const [r, data] of cases) {
      const expected = jsonLogic.apply(r as RulesLogic, data) as unknown;
      expect(
        compileRule(r)(Object.setPrototypeOf({ ...data }, null) as Record<string, unknown>),
        JSON.stringify(r),
      ).toStrictEqual(expected);
    }
  });

  it('runs the same rule as the closures do, on plain rows, and leaves every other row to them', () => {
    const compiled = compileRule({ '>': [{ var: 'a' }, 1] });
    expect(compiled.name).toBe('generatedRule');
    expect(compiled(Object.setPrototypeOf({ a: 2 }, null) as Record<string, unknown>)).toBe(true);
    expect(compiled({ a: 2 })).toBe(true);
    expect(compiled(Object.create({ a: 2 }) as Record<string, unknown>)).toBe(false);
    const withCoverage = compileRule({ '>': [{ var: 'a' }, 1] }, { coverage: { hit: () => undefined } });
    expect(withCoverage.name).not.toBe('generatedRule');
  });
});

/** Every string segment renamed (one new name per distinct segment, dots kept) and every number changed; operators kept. */
function renamed(rule: unknown): unknown {
  const names = new Map<string, string>();
  const rename = (text: string): string =>
    text
      .split('.')
      .map((segment) => {
        if (segment === '') return segment;
        if (!names.has(segment)) names.set(segment, `n${names.size}`);
        return names.get(segment) as string;
      })
      .join('.');
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return rename(value);
    if (typeof value === 'number') return value + 0.25;
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([op, args]) => [op, walk(args)]));
    return value;
  };
  return walk(rule);
}

/** A literal list nested `levels` lists deep. */
function nestedList(levels: number): unknown {
  let list: unknown = 1;
  for (let i = 0; i < levels; i++) list = [list];
  return list;
}

describe('reading rows', () => {
  it('reads own properties only, never the prototype chain', () => {
    const row = Object.create({ is_customer: true, nested: { x: 1 } }) as Record<string, unknown>;
    row.email = 'a@b.com';
    expect(jsonLogic.apply({ var: 'is_customer' } as RulesLogic, row), 'json-logic-js walks the chain').toBe(true);
    expect(compileRule({ var: 'is_customer' })(row)).toBeNull();
    expect(compileRule({ '==': [{ var: 'is_customer' }, true] })(row)).toBe(false);
    expect(compileRule({ var: ['nested.x', 'none'] })(row)).toBe('none');
    expect(compileRule({ missing: ['is_customer', 'email'] })(row)).toEqual(['is_customer']);
    expect(compileRule({ var: 'toString' })({})).toBeNull();
    expect(compileRule({ var: 'email' })(row)).toBe('a@b.com');
  });

  it('reads rows without a prototype', () => {
    const row = Object.assign(Object.create(null) as Record<string, unknown>, { n: 3, tags: ['a'] });
    expect(compileRule({ and: [{ '>': [{ var: 'n' }, 2] }, { in: ['a', { var: 'tags' }] }] })(row)).toBe(true);
  });

  it('refuses a computed var path that reaches a prototype, at evaluation', () => {
    const error = evaluationError({ var: { cat: ['__proto__', '.x'] } }, {});
    expect(error.kind).toBe('forbidden-path');
    expect(error.path).toEqual(['spec', 'when']);
  });

  it('never runs row data as a rule (json-logic-js evaluates `missing` keys a second time)', () => {
    // json-logic-js runs the key {"var": "field"}, reads "secret" and finds it present.
    const data = { keys: [{ var: 'field' }], field: 'secret', secret: 'present' };
    const rule = { missing: { var: 'keys' } };
    expect(jsonLogic.apply(rule as RulesLogic, data), 'json-logic-js ran the data').toEqual([]);
    expect(evaluationError(rule, data).path).toEqual(['spec', 'when']);
  });

  it('hands out literal lists frozen, and leaves the rule itself alone', () => {
    const list = ['a', ['b']];
    const rule = { if: [true, list, null] };
    const result = compileRule(rule)({}) as unknown[];
    expect(result).toEqual(['a', ['b']]);
    expect(Object.isFrozen(result) && Object.isFrozen(result[1])).toBe(true);
    expect(Object.isFrozen(list)).toBe(false);
  });
});

describe('rules that fail on a row', () => {
  it('report the failing clause, not just the rule', () => {
    const error = evaluationError({ and: [true, { '*': [] }] }, {});
    expect(error).toBeInstanceOf(RuleEvaluationError);
    expect(error.kind).toBe('evaluation');
    expect(error.path).toEqual(['spec', 'when', 'and', 1]);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('report a value that cannot be compared, in the fast and the general shapes', () => {
    const data = { obj: { toString: 'x', valueOf: 'y' } };
    expect(() => jsonLogic.apply({ '>': [{ var: 'obj' }, 1] } as RulesLogic, data)).toThrow(TypeError);
    expect(evaluationError({ '>': [{ var: 'obj' }, 1] }, data).path).toEqual(['spec', 'when']);
    expect(evaluationError({ if: [true, { '>': [1, { var: 'obj' }] }] }, data).path).toEqual(['spec', 'when', 'if', 1]);
    expect(evaluationError({ min: [{ var: 'obj' }, 1] }, data).path).toEqual(['spec', 'when']);
  });

  it('report an `in` on an object that has an indexOf key, which json-logic-js would call', () => {
    const data = { o: { indexOf: 1 } };
    expect(() => jsonLogic.apply({ in: ['a', { var: 'o' }] } as RulesLogic, data)).toThrow(TypeError);
    expect(evaluationError({ in: ['a', { var: 'o' }] }, data).kind).toBe('evaluation');
  });

  it('keep row values out of the message (errors may reach logs)', () => {
    const secret = 'jane.doe@secret.example';
    const error = evaluationError({ days_between: [{ var: 'email' }, 0] }, { email: secret });
    expect(error.kind).toBe('bad-argument');
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain('a string');
  });
});
