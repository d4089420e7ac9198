import { describe, expect, it } from 'vitest';
import { constraintOf, funnel, loadOf, loadScenario, pipeline } from '../helpers.js';

const threeWeeks = { from: '2026-01-05T00:00Z', asOf: '2026-01-26T00:00Z' };

describe('queue growth and Little’s law', () => {
  it('mql-queue-three-weeks: a growing queue of old items, flagged', () => {
    const section = constraintOf(
      funnel({ mql: { headcount: 2, perPersonPerWeek: 1 } }),
      loadScenario('mql-queue-three-weeks'),
      threeWeeks,
    );
    expect(loadOf(section, 'mql')).toMatchObject({
      wipStart: 3, // G I E
      wipEnd: 4, // G I D F
      queueGrowthPerWeek: 0.33, // (4 − 3) ÷ 3
      throughputPerWeek: 1.67, // 5 ÷ 3
      littlesLaw: {
        averageWip: 3.67, // week ends 4, 3, 4 → 11/3
        // Stays of A H C B E: 1 + 1 + 2 + 7 + 12 = 23 days = 23/7 weeks, ÷ 5 = 23/35 = 0.65714…
        meanWeeksInStage: 0.657,
        expectedWip: 1.1, // 5/3 × 23/35 = 23/21 = 1.0952…
        ratio: 3.348, // 11/3 ÷ 23/21 = 77/23 = 3.3478…
        isFlagged: true, // |3.348 − 1| > 0.2
      },
    });
  });

  it('a stage with no exits has no Little’s-law ratio, and is not flagged', () => {
    const section = constraintOf(funnel(), loadScenario('mql-queue-three-weeks'), threeWeeks);
    expect(loadOf(section, 'sal')).toMatchObject({
      wipStart: 0,
      wipEnd: 4,
      queueGrowthPerWeek: 1.33, // 4 ÷ 3
      throughputPerWeek: 0,
      littlesLaw: { averageWip: 2.67, meanWeeksInStage: null, expectedWip: null, ratio: null, isFlagged: false }, // week ends 1, 3, 4 → 8/3
    });
  });

  it('steady flow: one item a week, each staying one week, gives a ratio of 1', () => {
    // Each enters mql on a Wednesday noon and goes to sal a week later; P3 is still in mql.
    const data = pipeline({
      leads: [
        { id: 'P0', created_at: '2025-12-01T00:00Z', mql_at: '2025-12-31T12:00Z', sal_at: '2026-01-07T12:00Z' },
        { id: 'P1', created_at: '2025-12-01T00:00Z', mql_at: '2026-01-07T12:00Z', sal_at: '2026-01-14T12:00Z' },
        { id: 'P2', created_at: '2025-12-01T00:00Z', mql_at: '2026-01-14T12:00Z', sal_at: '2026-01-21T12:00Z' },
        { id: 'P3', created_at: '2025-12-01T00:00Z', mql_at: '2026-01-21T12:00Z' },
      ],
    });
    expect(loadOf(constraintOf(funnel(), data, threeWeeks), 'mql')).toMatchObject({
      demandPerWeek: 1, // P1 P2 P3 ÷ 3
      throughputPerWeek: 1, // P0 P1 P2 ÷ 3
      wipStart: 1, // P0
      wipEnd: 1, // P3
      queueGrowthPerWeek: 0,
      littlesLaw: { averageWip: 1, meanWeeksInStage: 1, expectedWip: 1, ratio: 1, isFlagged: false }, // week ends: P1, P2, P3
    });
  });

  it('observed-capacity-partial-first-week: averages WIP at the full weeks’ ends, counting the partial week before them', () => {
    // Regression: the weekly series started its WIP at the window's start but skipped the
    // partial first week's arrivals and exits, so every full week's WIP was off by its net.
    const section = constraintOf(funnel(), loadScenario('observed-capacity-partial-first-week'), {
      from: '2026-01-07T00:00Z',
      asOf: '2026-01-26T00:00Z',
    });
    expect(loadOf(section, 'mql')).toMatchObject({
      wipStart: 3, // R1 R2 R3
      wipEnd: 1, // R7
      queueGrowthPerWeek: -0.74, // (1 − 3) ÷ 19/7 = −14/19 = −0.7368…
      throughputPerWeek: 2.21, // R1–R6 = 6 ÷ 19/7 = 42/19 = 2.2105…
      littlesLaw: {
        // WIP at the end of W03 (19 Jan): R6; at the end of W04 (as-of): R7.
        averageWip: 1,
        meanWeeksInStage: 2.071, // (3 × 24 + 3 × 5 days) ÷ 6 = 14.5 days = 2.0714… weeks
        expectedWip: 4.58, // 42/19 × 87/42 = 87/19 = 4.578…
        ratio: 0.218, // 1 ÷ 87/19 = 19/87 = 0.2183…
        isFlagged: true,
      },
    });
    expect(loadOf(section, 'lead')).toMatchObject({
      wipStart: 4, // R4–R7 (R1–R3 reached mql on 15 Dec)
      wipEnd: 0,
      queueGrowthPerWeek: -1.47, // −4 ÷ 19/7 = −28/19
      littlesLaw: {
        averageWip: 0.5, // end of W03: R7; end of W04: none
        meanWeeksInStage: 6.179, // 1 Dec → 8, 9, 15, 21 Jan = 38 + 39 + 45 + 51 = 173 days ÷ 4 = 43.25 days
        expectedWip: 9.11, // 28/19 × 173/28 = 173/19 = 9.105…
        ratio: 0.055, // 0.5 ÷ 173/19 = 9.5/173 = 0.0549…
        isFlagged: true,
      },
    });
  });
});
