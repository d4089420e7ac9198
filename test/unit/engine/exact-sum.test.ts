import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/engine/comp/money.js';
import { ExactSum, toUnits } from '../../../src/core/engine/exact-sum.js';

describe('toUnits', () => {
  it.each([
    ['4400.00', 44_000_000],
    ['12', 120_000],
    ['-1250.5', -12_505_000],
    ['0.0001', 1],
    ['.5', 5000],
    ['7.', 70_000],
    ['99999999999.9999', 999_999_999_999_999],
  ])('reads %s as %d ten-thousandths', (text, units) => {
    expect(toUnits(text)).toBe(units);
  });

  it.each([
    '',
    '-',
    '.',
    '1.23456',
    '1e5',
    '+3',
    '1,000',
    '1.2.3',
    ' 1',
    '12345678901234567',
    '9999999999999.9999',
    'NaN',
  ])('leaves %j to Decimal', (text) => {
    expect(toUnits(text)).toBeNaN();
  });
});

describe('ExactSum', () => {
  it('sums like Decimal, to the last digit, whatever the amounts', () => {
    const amount = fc.oneof(
      fc
        .tuple(fc.boolean(), fc.nat({ max: 10 ** 9 }), fc.nat({ max: 9999 }), fc.integer({ min: 0, max: 4 }))
        .map(
          ([neg, whole, frac, places]) =>
            `${neg ? '-' : ''}${whole}${places === 0 ? '' : '.' + String(frac).padStart(4, '0').slice(0, places)}`,
        ),
      fc.constantFrom('0.123456789', '1e3', '123456789012345678.5', '-0.00001'),
    );
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 40 }), (amounts) => {
        const sum = new ExactSum(Dec);
        let reference = new Dec(0);
        for (const a of amounts) {
          sum.add(a);
          reference = reference.plus(a);
        }
        expect(sum.value().equals(reference)).toBe(true);
      }),
    );
  });

  it('stays exact past the doubles’ safe range, by going over to Decimal', () => {
    // Each amount fits; ten of them do not (9,999,999,999,999,990 ten-thousandths > 2^53).
    const sum = new ExactSum();
    for (let i = 0; i < 10; i++) sum.add('99999999999.9999');
    sum.add(new Decimal('0.00005'));
    expect(sum.value().toFixed()).toBe('999999999999.99905');
  });

  it('is exact past 20 significant digits, where adding Decimals of 20 digits one by one rounds', () => {
    const amounts = ['123456789012345678.9', '0.004', '0.004', '0.004'];
    const sum = new ExactSum(Dec);
    for (const a of amounts) sum.add(a);
    expect(sum.value().toFixed(3)).toBe('123456789012345678.912');
  });

  it('is 0 with nothing added, in the kind of Decimal asked for', () => {
    expect(new ExactSum(Dec).value().toFixed(2)).toBe('0.00');
    expect(new ExactSum(Dec).value()).toBeInstanceOf(Dec);
  });
});
