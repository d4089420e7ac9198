import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { BooleanCoercer, ownCopy, RecentCopies } from '../../../src/core/data/coerce.js';
import { DateTimeCoercer } from '../../../src/core/data/coerce-date.js';
import { daysSinceEpoch, plainUtcMillis } from '../../../src/core/data/plain-utc.js';
import { CoercionFailure } from '../../../src/core/data/coerce-failure.js';
import { NumberCoercer, plainDecimal, plainInteger } from '../../../src/core/data/coerce-number.js';
import { resolveCell } from '../../../src/core/data/resolve-cell.js';
import { planEntity } from '../../../src/core/data/field-plan.js';

/** A result as a comparable value: the cell, or the failure's code and message. */
const outcome = (cell: unknown): unknown =>
  cell instanceof CoercionFailure ? { code: cell.code, message: cell.message, hint: cell.hint } : cell;

/** A small deterministic generator, so the sweeps are the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

describe('the plain UTC date-time fast path', () => {
  const coercer = new DateTimeCoercer(undefined, undefined);
  const tricky = [
    '2024-02-29T12:00:00Z',
    '2023-02-29T12:00:00Z',
    '2024-02-30T00:00:00Z',
    '2100-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-12-31T23:59:59.999Z',
    '2024-13-01T00:00:00Z',
    '2024-00-10T00:00:00Z',
    '2024-01-00T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T24:00:00.000Z',
    '2024-01-01T23:60:00Z',
    '2024-01-01T23:59:60Z',
    '2024-01-01t10:00:00Z',
    '2024-01-01T10:00:00z',
    '2024-01-01T10:00:00.5Z',
    '2024-01-01T10:00:00.12345Z',
    '2024-01-01T10:00Z',
    '2024-01-01T10:00:00+00:00',
    '2024-01-01T10:00:00+05:30',
    '2024-01-01T10:00:00',
    '0099-01-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '1969-12-31T23:59:59Z',
    '1970-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
    '2024-01-01 10:00:00Z',
    '2024-1-01T10:00:00Z',
    '２024-01-01T10:00:00Z',
    '2024-01-01T10:00:00.abcZ',
    '2024-01-01T1a:00:00Z',
    '2024-01-01T10:00:00.000',
    ' 2024-01-01T10:00:00Z',
    '2024-01-01T10:00:00.000ZZ',
  ];

  it('gives exactly what the general path gives on tricky values', () => {
    for (const text of tricky)
      expect(outcome(coercer.fromText(text)), text).toEqual(outcome(coercer.fromTextGeneral(text)));
  });

  it('takes only plainly valid values, and agrees with luxon on them', () => {
    expect(plainUtcMillis('2024-02-29T12:00:00Z')).toBe(Date.parse('2024-02-29T12:00:00Z'));
    expect(plainUtcMillis('2024-12-31T23:59:59.999Z')).toBe(DateTime.fromISO('2024-12-31T23:59:59.999Z').toMillis());
    for (const text of [
      '2024-02-30T00:00:00Z',
      '2023-02-29T12:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T10:00:00+00:00',
      '0099-01-01T00:00:00Z',
    ]) {
      expect(plainUtcMillis(text), text).toBe(-1);
    }
  });

  it('counts days from the epoch as Date.UTC does, for every day from 1970 to 2500', () => {
    for (let t = 0; t < Date.UTC(2501, 0, 1); t += 86_400_000) {
      const date = new Date(t);
      const days = daysSinceEpoch(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      if (days * 86_400_000 !== t) expect(days * 86_400_000, date.toISOString()).toBe(t);
    }
  });

  it('agrees with the general path over a sweep of valid and impossible dates', () => {
    const next = random(7);
    for (let i = 0; i < 20_000; i++) {
      const year = [1900, 1970, 2000, 2024, 2100, 2400, 9999][Math.floor(next() * 7)]! + Math.floor(next() * 4);
      const text = `${pad(Math.min(year, 9999), 4)}-${pad(Math.floor(next() * 14), 2)}-${pad(Math.floor(next() * 33), 2)}T${pad(Math.floor(next() * 26), 2)}:${pad(Math.floor(next() * 61), 2)}:${pad(Math.floor(next() * 61), 2)}${next() < 0.5 ? '' : `.${pad(Math.floor(next() * 1000), 3)}`}Z`;
      expect(outcome(coercer.fromText(text)), text).toEqual(outcome(coercer.fromTextGeneral(text)));
    }
  });
});

describe('the plain number fast paths', () => {
  const tricky = [
    '0',
    '-0',
    '+0',
    '+5',
    '-5',
    ' 5',
    '5 ',
    '007',
    '00',
    '1e3',
    '1E3',
    '12.0',
    '12.50',
    '0.00',
    '0.5',
    '.5',
    '5.',
    '10.',
    '1.2.3',
    '9007199254740991',
    '9007199254740992',
    '999999999999999',
    '1000000000000000',
    '123456789012',
    '1234567890123',
    '12345678901.5',
    '99999999999999999999',
    '1,000',
    '1 000',
    '1.000',
    '1,5',
    '١٢',
    '',
    '0x10',
    'Infinity',
    'NaN',
    '100.000',
    '0012.50',
    '0.000001',
  ];
  const coercers = [
    new NumberCoercer('integer', { decimal: '.', group: '' }),
    new NumberCoercer('decimal', { decimal: '.', group: '' }),
    new NumberCoercer('number', { decimal: '.', group: '' }),
    new NumberCoercer('integer', { decimal: ',', group: '.' }),
    new NumberCoercer('decimal', { decimal: ',', group: '.' }),
    new NumberCoercer('decimal', { decimal: '.', group: ',' }),
    new NumberCoercer('number', { decimal: ',', group: ' ' }),
  ];

  it('gives exactly what the general path gives on tricky values, in every number format', () => {
    for (const coercer of coercers) {
      for (const text of tricky)
        expect(outcome(coercer.fromText(text)), text).toEqual(outcome(coercer.fromTextGeneral(text)));
    }
  });

  it('agrees with the general path over a sweep of digit strings', () => {
    const next = random(11);
    const alphabet = '0123456789.';
    for (let i = 0; i < 8_000; i++) {
      let text = '';
      const length = 1 + Math.floor(next() * 17);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * (j === 0 ? 10 : alphabet.length))];
      for (const coercer of coercers)
        expect(outcome(coercer.fromText(text)), text).toEqual(outcome(coercer.fromTextGeneral(text)));
    }
  });

  it('leaves signs, spaces, exponents and long values to the general path', () => {
    for (const text of ['-0', '+5', ' 5', '1e3', '1234567890123456', '']) expect(plainInteger(text), text).toBe(-1);
    for (const text of ['-0', '+5', ' 5', '1e3', '.5', '5.', '007', '1234567890123', ''])
      expect(plainDecimal(text), text).toBeUndefined();
    expect(plainDecimal('310185000.00')).toBe('310185000');
    expect(plainDecimal('0.50')).toBe('0.5');
    expect(plainDecimal('0.00')).toBe('0');
  });
});

describe('the boolean fast path', () => {
  it('reads `true` and `false` as before, also with other spellings declared', () => {
    const coercer = new BooleanCoercer({ column: 'x', trueValues: ['yes', ''], falseValues: ['no'] });
    const expected: Record<string, boolean> = {
      true: true,
      false: false,
      TRUE: true,
      False: false,
      yes: true,
      NO: false,
    };
    for (const [text, value] of Object.entries(expected)) expect(coercer.fromText(text), text).toBe(value);
    expect(outcome(coercer.fromText('maybe'))).toMatchObject({ code: 'data.bad-boolean' });
  });
});

describe('empty and padded cells around the fast paths', () => {
  it('keeps empty cells missing and trims before coercing', () => {
    const plan = planEntity('leads');
    const field = (name: string) => plan.fields.find((f) => f.field === name)!;
    expect(resolveCell('', field('employee_count'))).toBeNull();
    expect(resolveCell('   ', field('created_at'))).toBeNull();
    expect(resolveCell(' 5 ', field('employee_count'))).toBe(5);
    expect(resolveCell(' 2024-02-29T00:00:00Z ', field('created_at'))).toBe(Date.parse('2024-02-29T00:00:00Z'));
    expect(resolveCell(' true', field('is_customer'))).toBe(true);
    expect(outcome(resolveCell('2024-02-30T00:00:00Z', field('created_at')))).toMatchObject({
      code: 'data.bad-datetime',
    });
    expect(outcome(resolveCell('-0', field('employee_count')))).toBe(0);
    expect(outcome(resolveCell('1e3', field('employee_count')))).toMatchObject({ code: 'data.bad-number' });
  });
});

describe('own copies of kept text', () => {
  it('copies every text exactly, escapes and control characters included', () => {
    const tricky = [
      'short',
      'exactly13char',
      'a plain longer value',
      'with \\n a literal backslash-n',
      'with \\u0041 an escape',
      'with "quotes" inside',
      'a tab\there and more',
      'a line\nbreak in a quoted cell',
      'nul \u0000 character here',
      'ends with a backslash \\',
      '"',
      'ünïcödé välüé ok',
      'emoji 😀 and more text',
      'lone \ud800 surrogate text',
      'line sep \u2028 and para \u2029',
      'x'.repeat(5000),
    ];
    const parent = `${'-'.repeat(100)}${tricky.join('|')}`;
    let at = 100;
    for (const text of tricky) {
      const slice = parent.slice(at, at + text.length);
      at += text.length + 1;
      expect(ownCopy(slice)).toBe(text);
    }
  });
});

describe('copies shared between string fields of a row', () => {
  it('shares a copy only for equal text, and keeps every value exact', () => {
    const recent = new RecentCopies();
    const first = recent.copy('x'.repeat(20).slice(1));
    expect(first).toBe('x'.repeat(19));
    expect(recent.copy(`${'x'.repeat(19)}`)).toBe(first);
    const values = [
      'ironpointlogistics2.in',
      'Ironpoint Logistics 2',
      'ironpointlogistics2.in',
      'ironpointlogistics2.IN',
      'a',
      'b',
      'c',
      'd',
      'ironpointlogistics2.in',
    ];
    expect(values.map((v) => recent.copy(v))).toEqual(values);
  });

  it('shares the copy of an email domain repeated as the company domain, values unchanged', () => {
    const plan = planEntity('leads');
    const field = (name: string) => plan.fields.find((f) => f.field === name)!;
    for (let i = 0; i < 20_000; i++) resolveCell(`unique-domain-${i}.example`, field('email_domain'));
    expect(resolveCell('shared-domain.example', field('email_domain'))).toBe('shared-domain.example');
    expect(resolveCell('shared-domain.example', field('company_domain'))).toBe('shared-domain.example');
    expect(resolveCell('other-domain.example', field('company_domain'))).toBe('other-domain.example');
  });
});
