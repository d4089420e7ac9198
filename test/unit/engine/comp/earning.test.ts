import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCap, earningFactor, measure, yearShare } from '../../../../src/core/engine/comp/earning.js';
import { Dec } from '../../../../src/core/engine/comp/money.js';
import type { CompPlanSpec } from '../../../../src/core/policy/types.js';
import { fixturesDir } from '../../../helpers/paths.js';

type Tiers = NonNullable<CompPlanSpec['components'][number]['tiers']>;

const table = JSON.parse(readFileSync(join(fixturesDir, 'comp', 'earning-factor.cases.json'), 'utf8')) as {
  tiers: Record<string, Tiers>;
  cases: { name: string; tiers: string | null; attainment: string; factor: string }[];
};

describe('earning factor', () => {
  it.each(table.cases)('$name: $attainment → $factor', ({ tiers, attainment, factor }) => {
    const result = earningFactor(new Dec(attainment), tiers === null ? undefined : table.tiers[tiers]);
    expect(result.toString()).toBe(new Dec(factor).toString());
  });
});

describe('cap', () => {
  it.each([
    { factor: '2.6', cap: 2.5, expected: '2.5', isCapped: true },
    { factor: '2.5', cap: 2.5, expected: '2.5', isCapped: false },
    { factor: '3', cap: undefined, expected: '3', isCapped: false },
  ])('$factor under cap $cap → $expected', ({ factor, cap, expected, isCapped }) => {
    const result = applyCap(new Dec(factor), cap);
    expect(result.factor.toString()).toBe(expected);
    expect(result.isCapped).toBe(isCapped);
  });
});

describe('period targets', () => {
  it.each([
    { unit: 'month', yearly: '96', target: '8' },
    { unit: 'quarter', yearly: '600000', target: '150000' },
    { unit: 'year', yearly: '1200000', target: '1200000' },
  ] as const)('a yearly $yearly is $target a $unit', ({ unit, yearly, target }) => {
    expect(measure('count', new Dec(0), new Dec(yearly), yearShare(unit)).target?.toString()).toBe(target);
  });

  it('gives no attainment without a target, or with a zero target; fractions need none', () => {
    expect(measure('money', new Dec(5), undefined, yearShare('quarter'))).toEqual({
      target: null,
      attainment: null,
      problem: 'no-target',
    });
    expect(measure('money', new Dec(5), new Dec(0), yearShare('quarter')).problem).toBe('zero-target');
    expect(measure('fraction', new Dec('0.82'), undefined, yearShare('quarter')).attainment?.toString()).toBe('0.82');
  });
});
