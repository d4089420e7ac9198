import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../../src/core/report/impact.js';
import type { ProjectionSection } from '../../../src/core/report/projection.js';
import { describeAssumptions } from '../../../src/reporters/projection-assumptions.js';
import { fixturesDir } from '../../helpers/paths.js';

/** A computed projection (the one `revops check` fixtures carry), changed per test. */
function section(): ProjectionSection {
  const text = readFileSync(join(fixturesDir, 'github', 'impact-many-crossed.json'), 'utf8');
  return (JSON.parse(text) as ImpactReport).projection;
}

describe('describeAssumptions', () => {
  it('says a stage with no capacity is treated as unbounded, and not one that has a capacity', () => {
    const p = section();
    const opportunity = p.stages.find((s) => s.stage === 'opportunity');
    if (opportunity === undefined) throw new Error('fixture without an opportunity stage');
    opportunity.capacityBasis = { base: 'none', head: 'none' };
    opportunity.capacityPerWeek = { base: null, head: null, delta: null };
    const lines = describeAssumptions(p);
    expect(lines).toContain('No capacity declared for opportunity: treated as unbounded.');
    expect(lines.some((l) => l.startsWith('Capacity at opportunity'))).toBe(false);
    expect(lines.some((l) => l.startsWith('No capacity declared for mql'))).toBe(false);
    expect(lines).toContain(
      'No capacity declared for won: treated as unbounded (the won stage counts every deal that closes).',
    );
  });

  it('puts recent utilisation beside the window’s where they differ materially, and says which one the projection uses', () => {
    const p = section();
    const [mql, sal] = p.stages;
    if (mql === undefined || sal === undefined) throw new Error('fixture without stages');
    mql.utilisation = { window: 0.8694, recent: 1.05, recentWeeks: 4, threshold: 0.1, isDifferent: true };
    sal.utilisation = { window: 0.5447, recent: 0.6181, recentWeeks: 4, threshold: 0.1, isDifferent: false };
    const lines = describeAssumptions(p);
    expect(lines.find((l) => l.startsWith('Capacity at mql'))).toMatch(
      /base utilisation 0\.87 over the window but 1\.05 over the last 4 weeks — the projection uses the window average/,
    );
    expect(lines.find((l) => l.startsWith('Capacity at sal'))).not.toMatch(/last 4 weeks/);
  });

  it('discloses the deal-size sample and flags a thin one', () => {
    const p = section();
    p.dealSize = {
      ...p.dealSize,
      median: '7500.00',
      min: '3960.00',
      max: '92900.00',
      largestShare: 0.5312,
      amountWithoutLargest: '8199.00',
    };
    const line = describeAssumptions(p).find((l) => l.startsWith('Deal size'));
    expect(line).toContain('the average of the 11 won deals with an amount');
    expect(line).toContain(
      'median 7,500.00 USD, smallest 3,960.00 USD, largest 92,900.00 USD (53.1 % of the won amount)',
    );
    expect(line).toContain('average without it 8,199.00 USD');
    expect(line).toContain('Thin sample: fewer than 30 won deals');
    p.dealSize.isThin = false;
    expect(describeAssumptions(p).find((l) => l.startsWith('Deal size'))).not.toContain('Thin');
  });

  it('names the score band a marginal rate comes from and why, and the matured cohort of each stage', () => {
    const p = section();
    const mql = p.stages[0];
    if (mql === undefined || mql.marginal === null) throw new Error('fixture without a marginal mql');
    mql.marginal = {
      ...mql.marginal,
      basis: 'score-band',
      rate: 0.2,
      low: 0.1304,
      high: 0.2941,
      scoreBand: { from: 65, to: 75, addedFrom: 60, widths: 2, items: 121, matured: 90, advanced: 18 },
    };
    mql.conversionBasis = 'matured';
    mql.conversion = { base: 0.3138, head: 0.3138, delta: 0 };
    mql.maturity = { lagDays: 15.8558, quantile: 0.9, left: 723, items: 838, matured: 647, advanced: 203 };
    const lines = describeAssumptions(p);
    expect(lines).toContain(
      'Marginal conversion at mql: 20.0 % — 18 of 90 matured leads scored 65 to under 75 (of 121 entered; 13.0 %–29.4 %), the band just above the old threshold 65, as wide as the 60 to under 65 the change adds, widened to 2 such bands to reach 30 matured.',
    );
    expect(lines).toContain(
      'Conversion at mql: 31.4 % per worked item — 203 of 647 that entered at least 15.9 days before as-of (of 838 entered; the lag is the 90th percentile of time-in-stage of the 723 that left).',
    );
    // The fixture's other stages predate cohorts: their window ratio is said to count open items as lost.
    expect(lines.find((l) => l.startsWith('Conversion at sal:'))).toMatch(/open items count as lost/);
  });
});
