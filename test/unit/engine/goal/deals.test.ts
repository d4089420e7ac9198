import { phraseWarning } from '../../../../src/reporters/phrase-warning.js';
import { describe, expect, it } from 'vitest';
import { dealState, measureDeals } from '../../../../src/core/engine/deals.js';
import type { DealState } from '../../../../src/core/engine/deals.js';
import type { Fields } from '../helpers.js';
import { ms, row } from '../helpers.js';

const asOf = ms('2026-04-01T00:00Z');
const usd = (fields: Fields): Fields => ({ currency: 'USD', ...fields });

// As of 1 Apr 2026. Days: Jan 31, Feb 28, Mar 31.
const book = [
  usd({
    id: 'W1',
    owner_id: 'A',
    amount: '0.10',
    created_at: '2026-01-01T00:00Z',
    closed_at: '2026-01-11T00:00Z',
    won: true,
  }), // 10 d
  usd({
    id: 'W2',
    owner_id: 'B',
    amount: '0.20',
    created_at: '2026-01-01T00:00Z',
    closed_at: '2026-01-21T00:00Z',
    won: true,
  }), // 20 d
  usd({
    id: 'W3',
    owner_id: 'A',
    amount: '0.10',
    created_at: '2026-02-01T00:00Z',
    closed_at: '2026-02-04T00:00Z',
    won: true,
  }), // 3 d
  usd({
    id: 'W4',
    owner_id: 'C',
    amount: '0.30',
    created_at: '2026-03-01T00:00Z',
    closed_at: '2026-03-31T00:00Z',
    won: true,
  }), // 30 d
  usd({
    id: 'L1',
    owner_id: 'A',
    amount: '9',
    created_at: '2026-01-10T00:00Z',
    closed_at: '2026-01-15T00:00Z',
    won: false,
  }), // 5 d
  usd({
    id: 'L2',
    owner_id: 'B',
    amount: '9',
    created_at: '2026-02-10T00:00Z',
    closed_at: '2026-02-20T00:00Z',
    won: false,
  }), // 10 d
  usd({ id: 'O1', owner_id: 'A', amount: '9', created_at: '2025-12-01T00:00Z', closed_at: null, won: null }), // open 31 + 31 + 28 + 31 = 121 d
  usd({ id: 'O2', owner_id: 'A', amount: '9', created_at: '2026-03-02T00:00Z', closed_at: null, won: null }), // open 30 d
  usd({
    id: 'O3',
    owner_id: 'B',
    amount: '9',
    created_at: '2026-03-22T00:00Z',
    closed_at: '2026-04-05T00:00Z',
    won: true,
  }), // won after as-of: open 10 d
  usd({ id: 'O4', owner_id: 'C', amount: '9', created_at: '2026-01-01T00:00Z', closed_at: null, won: null }), // open 90 d: not over 90
  usd({ id: 'X1', owner_id: 'C', amount: '9', created_at: '2026-04-02T00:00Z', closed_at: null, won: null }), // created after as-of
].map(row);

describe('measureDeals: a book of deals', () => {
  const { section, warnings } = measureDeals(book, asOf);

  it('counts won, lost and open at as-of; a deal closed after as-of is open, one created after it is not counted', () => {
    expect(section).toMatchObject({ currency: 'USD', total: 10, won: 4, lost: 2, open: 4 });
    expect(section.winRate).toBe(0.6667); // 4 ÷ (4 + 2)
    expect(warnings).toEqual([]);
  });

  it('sums won amounts exactly and rounds the average half up', () => {
    expect(section.wonAmount).toBe('0.70'); // 0.10 + 0.20 + 0.10 + 0.30
    expect(section.averageWonAmount).toBe('0.18'); // 0.70 ÷ 4 = 0.175 → 0.18 (binary floating point gives 0.17)
  });

  it('describes cycle days of won and lost deals', () => {
    // Won 3 10 20 30: median (10 + 20) ÷ 2 = 15; p90 rank ⌈3.6⌉ = 4 → 30; mean 63 ÷ 4 = 15.75.
    expect(section.cycleDays.won).toEqual({ count: 4, median: 15, p90: 30, mean: 15.75 });
    // Lost 5 10: median 7.5; p90 rank ⌈1.8⌉ = 2 → 10; mean 7.5.
    expect(section.cycleDays.lost).toEqual({ count: 2, median: 7.5, p90: 10, mean: 7.5 });
  });

  it('ages the open deals; over 90 means more than 90 days', () => {
    // 10 30 90 121: median (30 + 90) ÷ 2 = 60; p90 rank 4 → 121; mean 251 ÷ 4 = 62.75; over 90: O1.
    expect(section.openAgeDays).toEqual({ count: 4, median: 60, p90: 121, mean: 62.75, over90: 1 });
  });

  it('ranks owners by won amount, then by id', () => {
    expect(section.byOwner).toEqual([
      { ownerId: 'C', won: 1, wonAmount: '0.30' },
      { ownerId: 'A', won: 2, wonAmount: '0.20' }, // W1 + W3, tied with B
      { ownerId: 'B', won: 1, wonAmount: '0.20' },
    ]);
  });
});

describe('measureDeals: won amounts', () => {
  const wonDeal = (amount: string | null, owner = 'A'): Fields =>
    usd({
      id: `D-${amount}`,
      owner_id: owner,
      amount,
      created_at: '2026-03-01T00:00Z',
      closed_at: '2026-03-02T00:00Z',
      won: true,
    });

  it.each([
    { name: 'decimals that floats cannot hold', amounts: ['0.10', '0.20'], total: '0.30', average: '0.15' },
    { name: 'an average of exactly half a cent rounds up', amounts: ['1.00', '1.01'], total: '2.01', average: '1.01' }, // 1.005
    {
      name: 'an average below half a cent rounds down',
      amounts: ['10', '10', '10.01'],
      total: '30.01',
      average: '10.00',
    }, // 10.00333…
    // A deal without an amount adds nothing and is not averaged as a 0: 5 ÷ 1.
    {
      name: 'a deal without an amount is left out of the sum and the average',
      amounts: [null, '5'],
      total: '5.00',
      average: '5.00',
    },
    // Won deals, none with an amount: unknown, never 0.00.
    { name: 'no won deal with an amount: unknown', amounts: [null, null], total: null, average: null },
  ])('$name', ({ amounts, total, average }) => {
    const { section } = measureDeals(
      amounts.map((a) => row(wonDeal(a))),
      asOf,
    );
    expect([section.wonAmount, section.averageWonAmount]).toEqual([total, average]);
  });

  it('has no win rate and no average when nothing closed', () => {
    const { section } = measureDeals(
      [row(usd({ id: 'O', created_at: '2026-03-01T00:00Z', closed_at: null, won: null }))],
      asOf,
    );
    expect(section).toMatchObject({
      total: 1,
      open: 1,
      winRate: null,
      wonAmount: '0.00',
      averageWonAmount: null,
      byOwner: [],
    });
    expect(section.cycleDays.won).toEqual({ count: 0, median: null, p90: null, mean: null });
  });

  it('warns and names no currency when deals mix currencies', () => {
    const { section, warnings } = measureDeals(
      [row(wonDeal('100')), row({ ...wonDeal('50', 'B'), currency: 'EUR' })],
      asOf,
    );
    expect(section.currency).toBeNull();
    expect(section.wonAmount).toBe('150.00'); // summed as given
    expect(warnings.map(phraseWarning)).toEqual(['Opportunities are in EUR, USD; deal amounts are summed as given.']);
  });

  it('says why won amounts are unknown when no won deal carries one, per owner too', () => {
    // An export without amounts (closed deals mapped without a revenue column): 3 won, 0 with an amount.
    const rows = [wonDeal(null, 'A'), { ...wonDeal(null, 'B'), id: 'B2' }, { ...wonDeal(null, 'B'), id: 'B3' }].map(
      row,
    );
    const { section, exact, warnings } = measureDeals(rows, asOf);
    expect(section).toMatchObject({
      won: 3,
      wonAmount: null,
      averageWonAmount: null,
      wonWithoutAmount: 3,
      amountUnknown: 'no-amounts',
    });
    // Unknown amounts sort by count (B has 2), then id.
    expect(section.byOwner).toEqual([
      { ownerId: 'B', won: 2, wonAmount: null },
      { ownerId: 'A', won: 1, wonAmount: null },
    ]);
    expect(exact.wonAmount).toBeNull();
    expect(warnings.map(phraseWarning)).toEqual([
      'None of the 3 won deals carries an amount, so won amounts are unknown.',
    ]);
  });

  it('counts and warns about won deals without an amount when others have one', () => {
    const { section, warnings } = measureDeals([row(wonDeal(null, 'A')), row(wonDeal('7.50', 'B'))], asOf);
    expect(section).toMatchObject({
      wonAmount: '7.50',
      averageWonAmount: '7.50',
      wonWithoutAmount: 1,
      amountUnknown: null,
    });
    expect(section.byOwner).toEqual([
      { ownerId: 'B', won: 1, wonAmount: '7.50' },
      { ownerId: 'A', won: 1, wonAmount: null },
    ]);
    expect(warnings.map(phraseWarning)).toEqual(['1 of the 2 won deals carry no amount; won amounts sum the other 1.']);
  });
});

describe('dealState', () => {
  it.each<{ name: string; deal: Fields; state: DealState }>([
    {
      name: 'won by as-of',
      deal: { created_at: '2026-03-01T00:00Z', closed_at: '2026-03-31T23:59Z', won: true },
      state: 'won',
    },
    {
      name: 'closed at as-of itself',
      deal: { created_at: '2026-03-01T00:00Z', closed_at: '2026-04-01T00:00Z', won: false },
      state: 'lost',
    },
    {
      name: 'won after as-of',
      deal: { created_at: '2026-03-01T00:00Z', closed_at: '2026-04-01T00:01Z', won: true },
      state: 'open',
    },
    {
      name: 'closed with no outcome',
      deal: { created_at: '2026-03-01T00:00Z', closed_at: '2026-03-05T00:00Z', won: null },
      state: 'open',
    },
    {
      name: 'created after as-of',
      deal: { created_at: '2026-04-02T00:00Z', closed_at: null, won: null },
      state: 'future',
    },
  ])('$name: $state', ({ deal, state }) => {
    expect(dealState(row(deal), asOf)).toBe(state);
  });
});
