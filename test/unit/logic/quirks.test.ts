import jsonLogic from 'json-logic-js';
import type { RulesLogic } from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../../src/core/logic/compile.js';

type Case = [name: string, rule: unknown, data: Record<string, unknown>, expected: unknown];

/**
 * The json-logic-js 2.0.5 behaviours a policy author can trip over, each checked against
 * json-logic-js itself and against the compiled rule. (Written in TypeScript rather than
 * JSON because some results, -Infinity and undefined, have no JSON form.)
 */
const cases: Case[] = [
  ['an empty list is falsy', { if: [[], 'yes', 'no'] }, {}, 'no'],
  ['a list with a falsy element is truthy', { '!!': [[0]] }, {}, true],
  ['! of nothing is true', { '!': [] }, {}, true],
  ['== is loose: 0 and ""', { '==': [0, ''] }, {}, true],
  ['== is loose: null is not 0', { '==': [null, 0] }, {}, false],
  ['== is loose: [1] and 1', { '==': [[1], 1] }, {}, true],
  ['=== is strict', { '===': [1, '1'] }, {}, false],
  ['var with a dotted path and a list index', { var: 'a.b.1' }, { a: { b: ['x', 'y'] } }, 'y'],
  ['var with a numeric index into the data', { var: 1 }, { 1: 'one' }, 'one'],
  ['var with a default for a missing field', { var: ['x', 5] }, {}, 5],
  ['var keeps a null field null, not the default', { var: ['x', 5] }, { x: null }, null],
  ['var of "" is the whole data', { var: '' }, { a: 1 }, { a: 1 }],
  ['var through a null step is the default', { var: ['a.b', 'd'] }, { a: null }, 'd'],
  ['missing counts "" as missing', { missing: ['a', 'b', 'c'] }, { a: '', b: 0 }, ['a', 'c']],
  ['missing takes one list argument', { missing: [['a', 'b']] }, { a: 1 }, ['b']],
  ['missing_some is [] once enough are present', { missing_some: [1, ['a', 'b']] }, { b: 2 }, []],
  [
    'missing_some lists the missing when too few are present',
    { missing_some: [2, ['a', 'b', 'c']] },
    { b: 2 },
    ['a', 'c'],
  ],
  ['if without a matching branch or else is null', { if: [false, 1] }, {}, null],
  ['if with no arguments is null', { if: [] }, {}, null],
  ['if chains condition–branch pairs', { if: [false, 1, 0, 2, 3] }, {}, 3],
  ['?: is if', { '?:': [true, 'a', 'b'] }, {}, 'a'],
  ['in on a string is a substring test', { in: ['Spring', 'Springfield'] }, {}, true],
  ['in on a string coerces the needle', { in: [1, 'a1'] }, {}, true],
  ['in on something else is false', { in: ['a', { var: 'n' }] }, { n: 5 }, false],
  ['cat joins null as empty and lists with commas', { cat: ['a', null, [1, 2], true] }, {}, 'a1,2true'],
  ['substr with a negative start', { substr: ['jsonlogic', -5] }, {}, 'logic'],
  ['substr with a negative length stops short of the end', { substr: ['jsonlogic', 1, -3] }, {}, 'sonlo'],
  ['+ reads strings as numbers', { '+': ['1', '2.5'] }, {}, 3.5],
  ['+ with one argument is a number', { '+': '3.14' }, {}, 3.14],
  ['+ reads a number prefix like parseFloat', { '+': ['3px'] }, {}, 3],
  ['+ of nothing is 0', { '+': [] }, {}, 0],
  ['+ turns -0 into 0', { '+': ['-0'] }, {}, 0],
  ['* with one argument returns it as it is', { '*': ['2'] }, {}, '2'],
  ['* reparses the running product, so -0 becomes 0', { '*': [-1, 0, 5] }, {}, 0],
  ['- with one argument negates', { '-': '2' }, {}, -2],
  ['- of nothing is NaN', { '-': [] }, {}, NaN],
  ['/ by zero is Infinity', { '/': [1, 0] }, {}, Infinity],
  ['% is the remainder', { '%': [-7, 3] }, {}, -1],
  ['max of nothing is -Infinity', { max: [] }, {}, -Infinity],
  ['min coerces strings', { min: ['3', 2] }, {}, 2],
  ['merge flattens one level', { merge: [1, [2, [3]]] }, {}, [1, 2, [3]]],
  ['and returns the first falsy operand', { and: [1, '', 2] }, {}, ''],
  ['or returns the first truthy operand, skipping []', { or: [0, [], 'x'] }, {}, 'x'],
  ['and of nothing is undefined', { and: [] }, {}, undefined],
  ['< with three arguments is strictly between', { '<': [1, 1, 3] }, {}, false],
  ['<= with three arguments is between inclusive', { '<=': [1, 1, 3] }, {}, true],
  ['> ignores a third argument', { '>': [2, 1, 5] }, {}, true],
  ['map reads each element', { map: [{ var: 'xs' }, { '*': [{ var: '' }, 2] }] }, { xs: [1, 2] }, [2, 4]],
  ['filter keeps truthy results', { filter: [[0, 1, 2], { var: '' }] }, {}, [1, 2]],
  [
    'reduce starts from null without an initial value',
    { reduce: [[1, 2], { cat: [{ var: 'accumulator' }, { var: 'current' }] }] },
    {},
    '12',
  ],
  [
    'reduce reads current and accumulator',
    { reduce: [[1, 2, 3], { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 10] },
    {},
    16,
  ],
  ['all of an empty list is false', { all: [[], true] }, {}, false],
  ['none of an empty list is true', { none: [[], true] }, {}, true],
  ['some of a non-list is false', { some: [{ var: 'x' }, true] }, { x: 'abc' }, false],
  ['map of a non-list is []', { map: [5, { var: '' }] }, {}, []],
];

describe('json-logic-js quirks', () => {
  it.each(cases)('%s', (_name, rule, data, expected) => {
    expect(jsonLogic.apply(rule as RulesLogic, data), 'json-logic-js itself').toStrictEqual(expected);
    expect(compileRule(rule)(data)).toStrictEqual(expected);
  });
});
