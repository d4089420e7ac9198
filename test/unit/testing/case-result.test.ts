import { describe, expect, it } from 'vitest';
import { toRow } from '../../../src/core/testing/case-result.js';

describe('toRow', () => {
  it('reads declared custom fields as a FieldMapping holds them and leaves undeclared names out', () => {
    const custom = new Map([
      ['signed_at', { type: 'datetime' as const }],
      ['estimated_arr', { type: 'decimal' as const }],
      ['renewal_on', { type: 'date' as const }],
    ]);
    const row = toRow(
      'opportunities',
      {
        amount: '10.50',
        signed_at: '2026-03-01T00:00:00-05:00',
        estimated_arr: '25000.00',
        renewal_on: '2027-03-01',
        not_declared: 1,
      },
      custom,
    );
    expect({ ...row }).toEqual({
      amount: '10.5',
      signed_at: Date.UTC(2026, 2, 1, 5),
      estimated_arr: 25000,
      renewal_on: '2027-03-01',
    });
    expect(Object.getPrototypeOf(row)).toBeNull();
  });
});
