import { describe, expect, it } from 'vitest';
import { goalPeriodOf, measureGoalAttainment } from '../../../../src/core/engine/goal.js';
import { DAY, ms, revenueGoal, row } from '../helpers.js';

// Goal: won_amount 1,000 USD over 2026-Q1 = [1 Jan, 1 Apr) UTC, 90 days.
const deals = [
  {
    id: 'M1',
    currency: 'USD',
    amount: '200',
    created_at: '2026-01-05T00:00Z',
    closed_at: '2026-01-15T00:00Z',
    won: true,
  },
  {
    id: 'M2',
    currency: 'USD',
    amount: '100',
    created_at: '2026-01-22T00:00Z',
    closed_at: '2026-02-21T00:00Z',
    won: true,
  },
  {
    id: 'M3',
    currency: 'USD',
    amount: '400',
    created_at: '2026-01-22T00:00Z',
    closed_at: '2026-02-25T00:00Z',
    won: false,
  },
  {
    id: 'M4',
    currency: 'USD',
    amount: '5000',
    created_at: '2026-02-10T00:00Z',
    closed_at: '2026-03-05T00:00Z',
    won: true,
  },
].map(row);

describe('measureGoalAttainment', () => {
  it('spans the goal period in the run’s time zone', () => {
    expect(goalPeriodOf(revenueGoal(), 'UTC')).toEqual({
      start: ms('2026-01-01T00:00Z'),
      end: ms('2026-04-01T00:00Z'),
    });
    const ny = goalPeriodOf(revenueGoal(), 'America/New_York');
    expect(ny).toEqual({ start: ms('2026-01-01T05:00Z'), end: ms('2026-04-01T04:00Z') });
    expect((ny.end - ny.start) / DAY).toBe(90 - 1 / 24); // the spring-forward hour
  });

  it.each([
    // Exact, never rounded to 4 dp: 40 significant digits, the last one rounded half up.
    // 200 ÷ (1,000 × 31/90) = 18,000/31,000 = 18/31 = 0.580645161290322580645161290322580645161290…
    {
      month: 'January',
      from: '2026-01-01T00:00Z',
      to: '2026-02-01T00:00Z',
      attainment: '0.5806451612903225806451612903225806451613',
    },
    // 100 ÷ (1,000 × 28/90) = 9,000/28,000 = 9/28 = 0.32142857142857142857… (M3 is lost)
    {
      month: 'February',
      from: '2026-02-01T00:00Z',
      to: '2026-03-01T00:00Z',
      attainment: '0.3214285714285714285714285714285714285714',
    },
    // 5,000 ÷ (1,000 × 31/90) = 450,000/31,000 = 450/31 = 14.516129032258064516…
    {
      month: 'March',
      from: '2026-03-01T00:00Z',
      to: '2026-04-01T00:00Z',
      attainment: '14.51612903225806451612903225806451612903',
    },
    // The whole quarter: 5,300 ÷ 1,000.
    { month: 'the quarter', from: '2026-01-01T00:00Z', to: '2026-04-01T00:00Z', attainment: '5.3' },
  ])('prorates the target to $month', ({ from, to, attainment }) => {
    expect(measureGoalAttainment(revenueGoal(), deals, { start: ms(from), end: ms(to) }, 'UTC')?.toFixed()).toBe(
      attainment,
    );
  });

  it('is unknown, not 0, when the won deals in the span carry no amount', () => {
    const noAmounts = deals.map((d) => ({ ...d, amount: null }));
    expect(
      measureGoalAttainment(
        revenueGoal(),
        noAmounts,
        { start: ms('2026-01-01T00:00Z'), end: ms('2026-02-01T00:00Z') },
        'UTC',
      ),
    ).toBeNull();
    // A span with no won deal at all is a measured 0: nothing was won.
    expect(
      measureGoalAttainment(
        revenueGoal(),
        noAmounts,
        { start: ms('2026-03-10T00:00Z'), end: ms('2026-03-20T00:00Z') },
        'UTC',
      )?.toFixed(),
    ).toBe('0');
  });

  it('has no attainment against a zero target', () => {
    expect(
      measureGoalAttainment(
        revenueGoal({ target: '0' }),
        deals,
        { start: ms('2026-01-01T00:00Z'), end: ms('2026-02-01T00:00Z') },
        'UTC',
      ),
    ).toBeNull();
  });
});
