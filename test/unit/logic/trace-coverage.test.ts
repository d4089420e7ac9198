import { describe, expect, it } from 'vitest';
import {
  compileRule,
  LogicCompileError,
  listClauses,
  RuleEvaluationError,
  traceRule,
} from '../../../src/core/logic/compile.js';
import type { CoverageSink, LogicPath } from '../../../src/core/logic/compile.js';

const base: LogicPath = ['spec', 'scoring', 'fit', 'rules', 0, 'when'];
const range = { and: [{ '>=': [{ var: 'employee_count' }, 200] }, { '<=': [{ var: 'employee_count' }, 5000] }] };

describe('traceRule', () => {
  it('records every evaluated node with its path and value, literals as `value` nodes, and skipped ones', () => {
    expect(traceRule(range, { employee_count: 150 }, { path: base })).toEqual({
      path: base,
      op: 'and',
      value: false,
      args: [
        {
          path: [...base, 'and', 0],
          op: '>=',
          value: false,
          args: [
            {
              path: [...base, 'and', 0, '>=', 0],
              op: 'var',
              value: 150,
              args: [{ path: [...base, 'and', 0, '>=', 0, 'var'], op: 'value', value: 'employee_count', args: [] }],
            },
            { path: [...base, 'and', 0, '>=', 1], op: 'value', value: 200, args: [] },
          ],
        },
        { path: [...base, 'and', 1], op: '<=', value: undefined, args: [], isSkipped: true },
      ],
    });
  });

  it('records an element rule once per element evaluated, and as skipped for an empty list', () => {
    const rule = { some: [{ var: 'tags' }, { '==': [{ var: '' }, 'b'] }] };
    const trace = traceRule(rule, { tags: ['a', 'b', 'c'] });
    expect(trace.value).toBe(true);
    expect(trace.args.map((a) => [a.op, a.value, a.path])).toEqual([
      ['var', ['a', 'b', 'c'], ['some', 0]],
      ['==', false, ['some', 1]],
      ['==', true, ['some', 1]],
    ]);
    const empty = traceRule(rule, { tags: [] });
    expect(empty.args[1]).toMatchObject({ op: '==', isSkipped: true });
  });

  it('shows arrays holding operators, and the literal arguments of domain operators', () => {
    const trace = traceRule({ in: [{ var: 's' }, [{ var: 'a' }, 'x']] }, { s: 'x', a: 'y' });
    expect(trace.args[1]).toMatchObject({ op: 'array', value: ['y', 'x'], path: ['in', 1] });
    const match = traceRule({ matches: [{ var: 'email' }, '@gmail'] }, { email: 'a@gmail.com' });
    expect(match.args[1]).toEqual({ path: ['matches', 1], op: 'value', value: '@gmail', args: [] });
  });

  it('evaluates exactly as the compiled rule does, including field types', () => {
    const rule = {
      if: [{ '>': [{ var: 'annual_revenue' }, 1e6] }, 'big', { cat: ['small:', { var: 'annual_revenue' }] }],
    };
    const options = { fieldTypes: { annual_revenue: 'decimal' as const } };
    for (const row of [{ annual_revenue: '2000000.00' }, { annual_revenue: '900' }, {}]) {
      expect(traceRule(rule, row, options).value).toStrictEqual(compileRule(rule, options)(row));
    }
  });

  it('refuses a rule that does not compile, even in a branch the row never reaches', () => {
    expect(() => traceRule({ if: [false, { log: 1 }, 2] }, {})).toThrow(LogicCompileError);
  });

  it('throws the failing clause for a row the rule fails on', () => {
    const error = (() => {
      try {
        traceRule({ or: [false, { '*': [] }] }, {}, { path: base });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RuleEvaluationError);
    expect((error as RuleEvaluationError).path).toEqual([...base, 'or', 1]);
  });
});

/** A sink that remembers every path it was given. */
function recordingSink(): CoverageSink & { paths: string[] } {
  const paths: string[] = [];
  return { paths, hit: (path) => void paths.push(JSON.stringify(path)) };
}

describe('coverage', () => {
  const rule = { or: [{ '==': [{ var: 'a' }, 1] }, { '!': { var: 'b' } }] };

  it('lists every operator node of a rule as a clause, in document order', () => {
    expect(listClauses(rule, base)).toEqual([
      [...base],
      [...base, 'or', 0],
      [...base, 'or', 0, '==', 0],
      [...base, 'or', 1],
      [...base, 'or', 1, '!'],
    ]);
    expect(listClauses(true, base)).toEqual([]);
  });

  it('reports each operator node evaluated, with its result, and none that were short-circuited', () => {
    const sink = recordingSink();
    const values: unknown[] = [];
    const compiled = compileRule(rule, {
      path: base,
      coverage: { hit: (path, value) => (sink.hit(path, value), values.push(value)) },
    });
    expect(compiled({ a: 1 })).toBe(true);
    expect(sink.paths).toEqual([
      JSON.stringify([...base, 'or', 0, '==', 0]),
      JSON.stringify([...base, 'or', 0]),
      JSON.stringify(base),
    ]);
    expect(values).toEqual([1, true, true]);
    compiled({ a: 2, b: 0 });
    const covered = new Set(sink.paths);
    expect(listClauses(rule, base).filter((p) => !covered.has(JSON.stringify(p)))).toEqual([]);
  });

  it('counts element rules once per element, and gives the same results as without coverage', () => {
    const sink = recordingSink();
    const each = { map: [{ var: 'xs' }, { '+': [{ var: '' }, 1] }] };
    const row = { xs: [1, 2, 3] };
    expect(compileRule(each, { coverage: sink })(row)).toEqual(compileRule(each)(row));
    expect(sink.paths.filter((p) => p === JSON.stringify(['map', 1]))).toHaveLength(3);
  });
});
