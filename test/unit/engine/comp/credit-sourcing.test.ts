import { describe, expect, it } from 'vitest';
import { indexCredit } from '../../../../src/core/engine/comp/credit.js';
import { pipeline } from '../helpers.js';

/** Comp's inbound (team-credited) opportunities follow the same sourcing rule as attribution's sourced share. */
const data = pipeline({
  leads: [
    { id: 'L1', created_at: '2026-01-02T00:00Z', source: 'organic' },
    { id: 'L2', created_at: '2026-01-02T00:00Z', source: 'outbound' },
    { id: 'L3', created_at: '2026-01-02T00:00Z', source: 'sdr' },
    { id: 'L4', created_at: '2026-01-02T00:00Z', source: 'unknown' },
    { id: 'L5', created_at: '2026-01-02T00:00Z' },
  ],
  opportunities: ['L1', 'L2', 'L3', 'L4', 'L5', 'none'].map((lead, k) => ({
    id: `O${k + 1}`,
    lead_id: lead,
    created_at: '2026-01-10T00:00Z',
  })),
});

const inbound = (sourcing?: { sales: string[]; unattributed: string[] }) => {
  const credit = indexCredit(data, undefined, sourcing);
  return data.opportunities.filter((o) => credit.isInbound(o)).map((o) => o.id);
};

describe('inbound opportunities for team credit', () => {
  it('by default: a set source other than outbound', () => {
    expect(inbound()).toEqual(['O1', 'O3', 'O4']);
  });

  it('by the Funnel’s sourcing: sales sources and values that name no source are not inbound', () => {
    expect(inbound({ sales: ['outbound', 'sdr'], unattributed: ['unknown'] })).toEqual(['O1']);
  });
});
