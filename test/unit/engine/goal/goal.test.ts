import { phraseWarning } from '../../../../src/reporters/phrase-warning.js';
import type { EngineWarning } from '../../../../src/core/report/warnings.js';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../../src/core/data/types.js';
import { measureDeals } from '../../../../src/core/engine/deals.js';
import { measureGoal } from '../../../../src/core/engine/goal.js';
import type { RevenueGoalSpec } from '../../../../src/core/policy/types.js';
import type { GoalSection } from '../../../../src/core/report/index.js';
import type { Fields } from '../helpers.js';
import { ms, revenueGoal, row } from '../helpers.js';

// Goal: won_amount 1,000 USD over 2026-Q1 = [1 Jan, 1 Apr) UTC, 90 days (Jan 31, Feb 28, Mar 31).
const usd = (fields: Fields): Fields => ({ currency: 'USD', ...fields });
const quarter = [
  usd({ id: 'G1', amount: '300', created_at: '2025-12-02T00:00Z', closed_at: '2025-12-22T00:00Z', won: true }), // before the period; 20 d
  usd({
    id: 'G2',
    amount: '200',
    term_months: 24,
    created_at: '2026-01-05T00:00Z',
    closed_at: '2026-01-15T00:00Z',
    won: true,
  }), // 10 d
  usd({ id: 'G3', amount: '100', created_at: '2026-01-22T00:00Z', closed_at: '2026-02-21T00:00Z', won: true }), // 30 d
  usd({ id: 'G5', amount: '400', created_at: '2026-01-10T00:00Z', closed_at: '2026-01-20T00:00Z', won: false }),
  usd({ id: 'G6', amount: '1000', created_at: '2026-02-01T00:00Z', closed_at: null, won: null }),
  usd({ id: 'G7', amount: '5000', created_at: '2026-02-10T00:00Z', closed_at: '2026-03-05T00:00Z', won: true }), // 23 d
];

function goalAt(
  asOf: string,
  opportunities: Fields[],
  goal: Partial<RevenueGoalSpec['goal']> = {},
  timeZone = 'UTC',
): { section: GoalSection; warnings: EngineWarning[] } {
  const rows: Row[] = opportunities.map(row);
  const deals = measureDeals(rows, ms(asOf));
  return measureGoal(revenueGoal(goal), rows, deals, ms(asOf), timeZone);
}

describe('measureGoal', () => {
  it('mid-period: actual, attainment, elapsed, pace, velocity and forecast', () => {
    // As of 1 Mar: G1 won before the period, G7 is won after as-of (open), G6 open.
    const { section, warnings } = goalAt('2026-03-01T00:00Z', quarter);
    expect(section).toEqual({
      name: 'test-goal',
      metric: 'won_amount',
      currency: 'USD',
      period: { start: '2026-01-01', end: '2026-03-31' },
      target: '1000.00',
      actual: '300.00', // G2 200 + G3 100
      attainment: 0.3, // 300 ÷ 1000
      attainmentExact: '0.3',
      unknown: null,
      elapsed: 0.6556, // 59 of 90 days
      pace: 0.4576, // 0.3 ÷ 59/90 = 27/59 = 0.45762…
      isOnPace: false, // 0.3 < 59/90
      velocity: {
        openOpportunities: 2, // G6 G7
        winRate: 0.75, // G1 G2 G3 won, G5 lost
        averageWonAmount: '200.00', // (300 + 200 + 100) ÷ 3
        cycleDays: 20, // (20 + 10 + 30) ÷ 3
        perDay: '15.00', // 2 × 0.75 × 200 ÷ 20
        unknown: null,
      },
      forecast: {
        remainingDays: 31, // March
        remainingDaysExact: '31',
        projected: '765.00', // 300 + 15 × 31
        projectedAttainment: 0.765,
        projectedAttainmentExact: '0.765', // 765 ÷ 1000
      },
    });
    expect(warnings).toEqual([]);
  });

  it('won_deals: counts deals, with an average won deal of 1.00', () => {
    const { section } = goalAt('2026-03-01T00:00Z', quarter, { metric: 'won_deals', target: '10' });
    expect(section).toMatchObject({
      actual: '2.00', // G2 G3
      attainment: 0.2,
      pace: 0.3051, // 0.2 ÷ 59/90 = 18/59 = 0.30508…
      velocity: { averageWonAmount: '1.00', perDay: '0.08' }, // 2 × 0.75 × 1 ÷ 20 = 0.075, half up
      forecast: { projected: '4.33', projectedAttainment: 0.4325 }, // 2 + 0.075 × 31 = 4.325
    });
  });

  it('new_arr: annualises by the term, or takes the amount without one', () => {
    const { section } = goalAt('2026-03-01T00:00Z', quarter, { metric: 'new_arr' });
    // G2 200 × 12 ÷ 24 = 100; G3 no term: 100.
    expect(section).toMatchObject({ actual: '200.00', attainment: 0.2 });
  });

  it('before the period: nothing elapsed, no pace, the whole period ahead', () => {
    // As of 15 Dec 2025 only G1 exists, still open: no closed deal, so no velocity.
    const { section } = goalAt('2025-12-15T00:00Z', quarter);
    expect(section).toMatchObject({
      actual: '0.00',
      attainment: 0,
      elapsed: 0,
      pace: null,
      velocity: { openOpportunities: 1, winRate: null, perDay: null },
      forecast: { remainingDays: 90, projected: null, projectedAttainment: null },
    });
  });

  it('after the period: the whole period counted, nothing left to forecast', () => {
    // As of 10 Apr: G2 + G3 + G7 = 5,300 in the period.
    // Velocity: 1 open (G6) × 0.8 (4 won of 5) × 1,400 (5,600 ÷ 4) ÷ 20.75 days (20 + 10 + 30 + 23 ÷ 4)
    // = 1,120 ÷ 20.75 = 53.9759… per day, times 0 days left.
    const { section } = goalAt('2026-04-10T00:00Z', quarter);
    expect(section).toMatchObject({
      actual: '5300.00',
      attainment: 5.3,
      elapsed: 1,
      pace: 5.3,
      velocity: { openOpportunities: 1, winRate: 0.8, averageWonAmount: '1400.00', cycleDays: 20.75, perDay: '53.98' },
      forecast: { remainingDays: 0, projected: '5300.00', projectedAttainment: 5.3 },
    });
  });

  it('leaves deals in another currency out of the goal, with a warning', () => {
    const eur = {
      id: 'G4',
      currency: 'EUR',
      amount: '500',
      created_at: '2026-01-20T00:00Z',
      closed_at: '2026-02-19T00:00Z',
      won: true,
    };
    const { section, warnings } = goalAt('2026-03-01T00:00Z', [...quarter, eur]);
    expect(section.actual).toBe('300.00');
    expect(warnings.map(phraseWarning)).toEqual(['1 won deals are not in USD and are left out of the goal.']);
  });

  it('counts a deal won at the as-of instant itself, as the deals do', () => {
    // Regression: the goal's span ended at as-of exclusive, so the latest deal of the data
    // (the default as-of) was won in the deals section but missing from the goal.
    const { section } = goalAt('2026-02-21T00:00Z', quarter);
    expect(section.actual).toBe('300.00'); // G2 200 + G3 100, closed at as-of
    expect(section.elapsed).toBe(0.5667); // 51 of 90 days
  });

  it('reads the period’s days in the run’s time zone', () => {
    const deals = [
      usd({ id: 'Z1', amount: '50', created_at: '2025-12-01T00:00Z', closed_at: '2026-01-01T03:00Z', won: true }), // 31 Dec 22:00 in New York
      usd({ id: 'Z2', amount: '70', created_at: '2025-12-01T00:00Z', closed_at: '2026-03-31T23:00Z', won: true }), // 31 Mar 19:00 in New York
      usd({ id: 'Z3', amount: '80', created_at: '2025-12-01T00:00Z', closed_at: '2026-04-01T02:00Z', won: true }), // 31 Mar 22:00 in New York
    ];
    expect(goalAt('2026-04-10T00:00Z', deals).section.actual).toBe('120.00'); // UTC: Z1 + Z2
    expect(goalAt('2026-04-10T00:00Z', deals, {}, 'America/New_York').section.actual).toBe('150.00'); // Z2 + Z3
  });

  it('builds velocity from the exact win rate and cycle, and rounds once', () => {
    // Won W1 3,000 in 1 d and W2 3,000 in 2 d 1 h (49/24 d); L1 lost; O1–O3 open. As of 1 Feb.
    const deals = [
      usd({ id: 'W1', amount: '3000', created_at: '2026-01-01T00:00Z', closed_at: '2026-01-02T00:00Z', won: true }),
      usd({ id: 'W2', amount: '3000', created_at: '2026-01-01T00:00Z', closed_at: '2026-01-03T01:00Z', won: true }),
      usd({ id: 'L1', amount: '0', created_at: '2026-01-01T00:00Z', closed_at: '2026-01-05T00:00Z', won: false }),
      ...['O1', 'O2', 'O3'].map((id) =>
        usd({ id, amount: '900', created_at: '2026-01-10T00:00Z', closed_at: null, won: null }),
      ),
    ];
    const { section } = goalAt('2026-02-01T00:00Z', deals);
    // Win rate 2/3, average 3,000, cycle (1 + 49/24) ÷ 2 = 73/48 d.
    // Exact: 3 × 2/3 × 3,000 ÷ 73/48 = 288,000/73 = 3,945.2054… → 3945.21.
    // (From the displayed 0.6667 and 1.52: 3 × 0.6667 × 3,000 ÷ 1.52 = 3,947.5657… → 3947.57.)
    expect(section.velocity).toEqual({
      openOpportunities: 3,
      winRate: 0.6667,
      averageWonAmount: '3000.00',
      cycleDays: 1.52,
      perDay: '3945.21',
      unknown: null,
    });
    // 59 days left (1 Feb → 1 Apr): 6,000 + 288,000/73 × 59 = 6,000 + 16,992,000/73 = 238,767.1232… → 238767.12.
    expect(section.forecast).toMatchObject({
      remainingDays: 59,
      projected: '238767.12',
      projectedAttainment: 238.7671,
    });
    // Unrounded: (6,000 + 16,992,000/73) ÷ 1,000 = 17,430/73 = 238.76712328767123287671… (period 8), to 40 significant digits.
    expect(section.forecast.projectedAttainmentExact).toMatch(/^238\.76712328767123287671232876712328767\d{2}$/);
  });

  it('takes pace from the exact attainment', () => {
    // 1,000 of 3,000 = 1/3 with 45 of 90 days gone: pace 2/3 = 0.6667 (0.3333 ÷ 0.5 would give 0.6666).
    const { section } = goalAt(
      '2026-02-15T00:00Z',
      [usd({ id: 'P', amount: '1000', created_at: '2026-01-01T00:00Z', closed_at: '2026-01-10T00:00Z', won: true })],
      { target: '3000' },
    );
    expect(section).toMatchObject({
      attainment: 0.3333,
      attainmentExact: '0.3333333333333333333333333333333333333333',
      elapsed: 0.5,
      pace: 0.6667,
    });
  });

  it('judges being on pace from the exact attainment and elapsed share', () => {
    // 1,000 of 2,000 = 0.5 with 45 of 90 days gone: exactly on pace.
    const deal = usd({
      id: 'P',
      amount: '1000',
      created_at: '2026-01-01T00:00Z',
      closed_at: '2026-01-10T00:00Z',
      won: true,
    });
    expect(goalAt('2026-02-15T00:00Z', [deal], { target: '2000' }).section).toMatchObject({ pace: 1, isOnPace: true });
    // 1,000 of 2,000.01: pace 0.99999… shows as 1.0000 but is not on pace.
    expect(goalAt('2026-02-15T00:00Z', [deal], { target: '2000.01' }).section).toMatchObject({
      pace: 1,
      isOnPace: false,
    });
    // Before the period nothing has elapsed: no pace, no judgement.
    expect(goalAt('2025-12-15T00:00Z', [deal], { target: '2000' }).section).toMatchObject({
      pace: null,
      isOnPace: null,
    });
  });

  it('is unknown, not 0, when the won deals carry no amount', () => {
    // Closed deals exported without a revenue column: G2, G3 won in the period, no amount.
    const noAmounts = quarter.map((d) => ({ ...d, amount: null }));
    const { section, warnings } = goalAt('2026-03-01T00:00Z', noAmounts);
    expect(section).toMatchObject({
      actual: null,
      attainment: null,
      attainmentExact: null,
      unknown: 'no-amounts',
      pace: null,
      velocity: { openOpportunities: 2, winRate: 0.75, averageWonAmount: null, perDay: null, unknown: 'no-amounts' },
      forecast: { projected: null, projectedAttainment: null },
    });
    expect(warnings.map(phraseWarning)).toEqual([
      'None of the won deals counted by the goal test-goal carries an amount, so its actual and attainment are unknown.',
    ]);
    // Counting deals needs no amount.
    expect(goalAt('2026-03-01T00:00Z', noAmounts, { metric: 'won_deals', target: '10' }).section).toMatchObject({
      actual: '2.00',
      unknown: null,
      velocity: { perDay: '0.08', unknown: null },
    });
  });

  it('says why velocity is unknown', () => {
    expect(goalAt('2025-12-15T00:00Z', quarter).section.velocity.unknown).toBe('none-closed');
    const lostOnly = [
      usd({ id: 'L', amount: '10', created_at: '2026-01-01T00:00Z', closed_at: '2026-01-02T00:00Z', won: false }),
    ];
    expect(goalAt('2026-03-01T00:00Z', lostOnly).section.velocity).toMatchObject({ perDay: null, unknown: 'none-won' });
    const instant = [
      usd({ id: 'I', amount: '10', created_at: '2026-01-02T00:00Z', closed_at: '2026-01-02T00:00Z', won: true }),
    ];
    expect(goalAt('2026-03-01T00:00Z', instant).section.velocity).toMatchObject({
      perDay: null,
      unknown: 'zero-cycle',
    });
  });
});
