import { describe, expect, it } from 'vitest';
import { describeDealSample, THIN_DEAL_SAMPLE } from '../../../../src/core/impact/projection/deal-size.js';
import { Exact } from '../../../../src/core/impact/projection/wilson.js';

describe('describeDealSample', () => {
  it('discloses the sample behind the average: median, range, the largest deal’s share, the average without it', () => {
    // 4 deals: 1,000 + 2,000 + 3,000 + 14,000 = 20,000; average 5,000; median (2,000 + 3,000) ÷ 2 = 2,500;
    // the largest is 14,000 ÷ 20,000 = 0.7 of the total; without it (6,000 ÷ 3) = 2,000.
    const d = describeDealSample(new Exact(5000), 4, 'USD', ['3000', '14000.00', '1000', '2000']);
    expect(d).toEqual({
      amount: '5000.00',
      deals: 4,
      currency: 'USD',
      median: '2500.00',
      min: '1000.00',
      max: '14000.00',
      largestShare: 0.7,
      amountWithoutLargest: '2000.00',
      isThin: true,
      thinBelow: THIN_DEAL_SAMPLE,
    });
  });

  it('takes the middle deal of an odd count, has no average without the largest for one deal, and is not thin at the threshold', () => {
    expect(describeDealSample(new Exact(2), 3, null, ['1', '2', '3']).median).toBe('2.00');
    expect(describeDealSample(new Exact(7), 1, null, ['7'])).toMatchObject({
      largestShare: 1,
      amountWithoutLargest: null,
    });
    const many = Array.from({ length: THIN_DEAL_SAMPLE }, () => '10');
    expect(describeDealSample(new Exact(10), THIN_DEAL_SAMPLE, null, many).isThin).toBe(false);
  });

  it('leaves the sample unknown when the caller has none, and still flags a thin count', () => {
    expect(describeDealSample(new Exact(10), 2, null, null)).toMatchObject({ median: null, max: null, isThin: true });
  });
});
