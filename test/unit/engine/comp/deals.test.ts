import { phraseWarning } from '../../../../src/reporters/phrase-warning.js';
import { describe, expect, it } from 'vitest';
import { computeComp } from '../../../../src/core/engine/comp/index.js';
import { ae, context, lineOf, ms, pipeline, plan, won } from './helpers.js';

const day = 86_400_000;
const multiYear = {
  id: 'multi-year',
  amount: '500',
  when: { '>=': [{ var: 'term_months' }, 24] },
  from: '2026-02-01',
  to: '2026-02-28',
};

describe('SPIFs', () => {
  it('pays each matching won deal closed inside [from, to], both days included', () => {
    const data = pipeline({
      users: [ae('A')],
      opportunities: [
        won('A', '1000', '2026-02-01T00:00:00Z', { id: 'first-instant', term_months: 24 }),
        won('A', '1000', '2026-02-28T23:59:59Z', { id: 'last-instant', term_months: 36 }),
        won('A', '1000', '2026-03-01T00:00:00Z', { id: 'day-after', term_months: 24 }),
        won('A', '1000', '2026-01-31T23:59:59Z', { id: 'day-before', term_months: 24 }),
        won('A', '1000', '2026-02-10T00:00:00Z', { id: 'short-term', term_months: 12 }),
        won('A', '1000', '2026-02-10T00:00:00Z', { id: 'lost', term_months: 24, won: false }),
      ],
    });
    const line = lineOf(computeComp([plan({ spiffs: [multiYear] })], context(data)), 'A', '2026-Q1');
    expect(line.spiffs).toEqual([
      { id: 'multi-year', opportunityId: 'first-instant', amount: '500.00' },
      { id: 'multi-year', opportunityId: 'last-instant', amount: '500.00' },
    ]);
    // won 5,000 of 100,000 → 500 of variable pay, + 1,000 of SPIFs
    expect([line.variablePay, line.total]).toEqual(['500.00', '1500.00']);
  });

  it('reads the dates in the run’s time zone', () => {
    // 03:00Z on 1 March is 22:00 on 28 February in New York: inside
    const data = pipeline({
      users: [ae('A')],
      opportunities: [won('A', '1000', '2026-03-01T03:00:00Z', { id: 'late', term_months: 24 })],
    });
    const ny = computeComp(
      [plan({ spiffs: [multiYear] })],
      context(data, { timeZone: 'America/New_York', start: '2026-01-01T05:00:00Z', asOf: '2026-04-01T04:00:00Z' }),
    );
    expect(lineOf(ny, 'A', '2026-Q1').spiffs.map((s) => s.opportunityId)).toEqual(['late']);
    const utc = computeComp([plan({ spiffs: [multiYear] })], context(data));
    expect(lineOf(utc, 'A', '2026-Q1').spiffs).toEqual([]);
  });

  it('is not held back by a gate', () => {
    const data = pipeline({
      users: [ae('A')],
      opportunities: [won('A', '1000', '2026-02-10T00:00:00Z', { term_months: 24 })],
    });
    const spec = plan({ spiffs: [multiYear], gates: [{ id: 'floor', metric: 'goal_attainment', min: 0.7 }] });
    const line = lineOf(computeComp([spec], context(data, { goalAttainment: 0.1 })), 'A', '2026-Q1');
    expect([line.variablePay, line.total]).toEqual(['0.00', '500.00']);
  });
});

describe('clawbacks', () => {
  const closed = '2026-01-15T00:00:00Z';
  const spec = plan({ clawbacks: [{ id: 'early-cancellation', within: '90d', share: 1 }] });
  const window = { asOf: '2026-07-01T00:00:00Z' };

  it('takes back the commission of a deal cancelled within `within`, in the period it was cancelled', () => {
    // Q1: D1 50,000 + D2 50,000 = 100,000 → attainment 1 → 10,000; D1 earned 10,000 × 50,000 / 100,000 = 5,000
    const data = pipeline({
      users: [ae('A')],
      opportunities: [
        won('A', '50000', closed, { id: 'D1', cancelled_at: ms('2026-04-10T00:00:00Z') }),
        won('A', '50000', '2026-01-20T00:00:00Z', { id: 'D2' }),
      ],
    });
    const section = computeComp([spec], context(data, window));
    expect(lineOf(section, 'A', '2026-Q1')).toMatchObject({
      variablePay: '10000.00',
      clawbacks: [],
      total: '10000.00',
    });
    expect(lineOf(section, 'A', '2026-Q2')).toMatchObject({
      variablePay: '0.00',
      clawbacks: [{ id: 'early-cancellation', opportunityId: 'D1', closedIn: '2026-Q1', amount: '-5000.00' }],
      total: '-5000.00', // below zero only through a clawback
    });
    expect(section.plans[0]?.totals).toEqual({
      periods: [
        { period: '2026-Q1', total: '10000.00' },
        { period: '2026-Q2', total: '-5000.00' },
      ],
      // The component paid 10,000 in Q1; the clawback took 5,000 back in Q2: 5,000 in all.
      parts: [
        { part: 'component', id: 'new-business', metric: 'won_amount', total: '10000.00' },
        { part: 'clawbacks', id: null, metric: null, total: '-5000.00' },
      ],
      total: '5000.00',
    });
  });

  it.each([
    { name: 'exactly at `within`', after: 90 * day, amount: '-5000.00' },
    { name: 'one millisecond after `within`', after: 90 * day + 1, amount: null },
    { name: '95 days after', after: 95 * day, amount: null },
  ])('$name', ({ after, amount }) => {
    const data = pipeline({
      users: [ae('A')],
      opportunities: [
        won('A', '50000', closed, { id: 'D1', cancelled_at: ms(closed) + after }),
        won('A', '50000', '2026-01-20T00:00:00Z', { id: 'D2' }),
      ],
    });
    const line = lineOf(computeComp([spec], context(data, window)), 'A', '2026-Q2');
    expect(line.clawbacks.map((c) => c.amount)).toEqual(amount === null ? [] : [amount]);
  });

  it('takes back `share` of it, in the same period when the deal is cancelled there', () => {
    const data = pipeline({
      users: [ae('A')],
      opportunities: [won('A', '100000', closed, { id: 'D1', cancelled_at: ms('2026-02-01T00:00:00Z') })],
    });
    const half = plan({ clawbacks: [{ id: 'half', within: '30d', share: 0.5 }] });
    const line = lineOf(computeComp([half], context(data)), 'A', '2026-Q1');
    // 10,000 earned, all by D1; 0.5 taken back
    expect([line.variablePay, line.clawbacks[0]?.amount, line.total]).toEqual(['10000.00', '-5000.00', '5000.00']);
  });

  it('takes nothing back from a component a gate held back', () => {
    const data = pipeline({
      users: [ae('A')],
      opportunities: [won('A', '100000', closed, { id: 'D1', cancelled_at: ms('2026-02-01T00:00:00Z') })],
    });
    const gated = plan({ ...spec.spec, gates: [{ id: 'floor', metric: 'goal_attainment', min: 0.7 }] });
    expect(lineOf(computeComp([gated], context(data, { goalAttainment: 0.5 })), 'A', '2026-Q1').clawbacks).toEqual([]);
  });

  it('warns instead of guessing for a deal closed before the window', () => {
    const data = pipeline({
      users: [ae('A')],
      opportunities: [
        won('A', '100000', '2025-12-20T00:00:00Z', { id: 'OLD', cancelled_at: ms('2026-01-10T00:00:00Z') }),
      ],
    });
    const section = computeComp([spec], context(data));
    expect(lineOf(section, 'A', '2026-Q1').clawbacks).toEqual([]);
    expect(section.warnings.map(phraseWarning)).toEqual([
      'ae-plan: opportunity OLD was cancelled within the clawback window but closed before the evaluated window; its commission is unknown and is not clawed back.',
    ]);
  });
});
