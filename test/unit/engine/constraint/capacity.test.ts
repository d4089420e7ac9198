import { describe, expect, it } from 'vitest';
import { constraintOf, funnel, loadOf, loadScenario, pipeline } from '../helpers.js';

// Weeks 2026-W02, W03, W04: [Mon 5 Jan, Mon 26 Jan) UTC, three full weeks.
const threeWeeks = { from: '2026-01-05T00:00Z', asOf: '2026-01-26T00:00Z' };

describe('constraint: mql-queue-three-weeks, capacity declared on mql (2 × 1) and opportunity (1 × 5)', () => {
  const section = constraintOf(
    funnel({ mql: { headcount: 2, perPersonPerWeek: 1 }, opportunity: { headcount: 1, perPersonPerWeek: 5 } }),
    loadScenario('mql-queue-three-weeks'),
    threeWeeks,
  );

  it('loads every stage that is not terminal', () => {
    expect(section.stages.map((s) => s.stage)).toEqual(['lead', 'mql', 'sal', 'opportunity']);
  });

  it('measures declared utilisation as arrivals ÷ weeks ÷ capacity', () => {
    expect(loadOf(section, 'mql')).toMatchObject({
      demandPerWeek: 2, // 6 arrivals ÷ 3 weeks
      capacityPerWeek: 2, // 2 people × 1
      capacityBasis: 'declared',
      utilisation: 1, // 2 ÷ 2
      isOverCapacity: false, // at capacity, not over it
      peakWeek: '2026-W02', // arrivals 3, 1, 2
      peakWeekUtilisation: 1.5, // 3 ÷ 2
      throughputPerWeek: 1.67, // 5 exits ÷ 3 = 1.666…
      isCandidate: true,
    });
  });

  it('marks a stage whose demand exceeds its capacity as over capacity', () => {
    const over = constraintOf(
      funnel({ mql: { headcount: 1, perPersonPerWeek: 1 } }),
      loadScenario('mql-queue-three-weeks'),
      threeWeeks,
    );
    expect(loadOf(over, 'mql')).toMatchObject({
      demandPerWeek: 2,
      capacityPerWeek: 1,
      utilisation: 2,
      isOverCapacity: true,
    });
  });

  it('gives a stage without declared capacity no utilisation, next to stages that have one', () => {
    expect(loadOf(section, 'sal')).toMatchObject({
      demandPerWeek: 1.33, // A, B, E, H ÷ 3 = 1.333…
      capacityPerWeek: null,
      capacityBasis: 'none',
      utilisation: null,
      isOverCapacity: null,
      peakWeekUtilisation: null,
      peakWeek: null,
      isCandidate: false,
    });
    expect(loadOf(section, 'lead')).toMatchObject({
      capacityPerWeek: null,
      capacityBasis: 'none',
      utilisation: null,
      isCandidate: false,
    });
  });

  it('counts a declared stage with no arrivals as a candidate at utilisation 0', () => {
    expect(loadOf(section, 'opportunity')).toMatchObject({
      demandPerWeek: 0,
      capacityPerWeek: 5,
      capacityBasis: 'declared',
      utilisation: 0,
      peakWeekUtilisation: 0,
      isCandidate: true,
    });
  });

  it('names the candidate with the highest utilisation, then the runner-up', () => {
    // Candidates: mql 1, opportunity 0.
    expect(section).toMatchObject({ stage: 'mql', runnerUp: 'opportunity', declared: null, agrees: null });
  });
});

describe('constraint: observed-capacity-partial-first-week, no capacity declared anywhere', () => {
  // Window [Wed 7 Jan, Mon 26 Jan): 19 days = 19/7 weeks; full weeks W03 and W04.
  const section = constraintOf(funnel(), loadScenario('observed-capacity-partial-first-week'), {
    from: '2026-01-07T00:00Z',
    asOf: '2026-01-26T00:00Z',
  });

  it('takes the most exits in one full week as the capacity, not the partial week’s', () => {
    expect(loadOf(section, 'mql')).toMatchObject({
      capacityBasis: 'observed',
      // Exits per full week: W03 R4 R5 = 2, W04 R6 = 1. (W02, partial, had R1–R3: 3.)
      capacityPerWeek: 2,
      demandPerWeek: 1.47, // R4 R5 R6 R7 = 4 ÷ 19/7 = 28/19 = 1.4736…
      utilisation: 0.7368, // 28/19 ÷ 2 = 14/19 = 0.73684…
      peakWeek: '2026-W03', // full-week arrivals W03 R6 = 1, W04 R7 = 1: the first
      peakWeekUtilisation: 0.5, // 1 ÷ 2
      isCandidate: true,
    });
    // Exits from lead (entering mql) per full week: W03 R6, W04 R7; no arrivals in the window.
    expect(loadOf(section, 'lead')).toMatchObject({
      capacityBasis: 'observed',
      capacityPerWeek: 1,
      demandPerWeek: 0,
      utilisation: 0,
      isCandidate: true,
    });
  });

  it('gives a stage nobody left no observed capacity', () => {
    expect(loadOf(section, 'sal')).toMatchObject({
      capacityBasis: 'observed',
      capacityPerWeek: null,
      utilisation: null,
      isCandidate: false,
    });
  });

  it('names mql, then lead', () => {
    expect(section).toMatchObject({ stage: 'mql', runnerUp: 'lead' });
  });
});

describe('constraint: a tie in utilisation', () => {
  // sal and opportunity, 1 × 1 each, both with 2 arrivals: 2/3 ÷ 1 = 0.6667. "opportunity"
  // sorts before "sal" by name; sal comes first in the funnel.
  const data = pipeline({
    leads: [
      { id: 'S1', created_at: '2025-12-01T00:00Z', sal_at: '2026-01-06T00:00Z' },
      { id: 'S2', created_at: '2025-12-01T00:00Z', sal_at: '2026-01-13T00:00Z' },
    ],
    opportunities: [
      { id: 'O1', created_at: '2026-01-07T00:00Z' },
      { id: 'O2', created_at: '2026-01-14T00:00Z' },
    ],
  });
  const section = constraintOf(
    funnel({ sal: { headcount: 1, perPersonPerWeek: 1 }, opportunity: { headcount: 1, perPersonPerWeek: 1 } }),
    data,
    threeWeeks,
  );

  it('goes to the earlier stage in the funnel', () => {
    expect([loadOf(section, 'sal').utilisation, loadOf(section, 'opportunity').utilisation]).toEqual([0.6667, 0.6667]);
    expect(section).toMatchObject({ stage: 'sal', runnerUp: 'opportunity' });
  });
});

describe('constraint: no candidate', () => {
  it('names no stage when no stage has arrivals or exits to observe', () => {
    const section = constraintOf(funnel(), pipeline({}), threeWeeks);
    expect(
      section.stages.every((s) => s.capacityBasis === 'observed' && s.capacityPerWeek === null && !s.isCandidate),
    ).toBe(true);
    expect(section).toMatchObject({ stage: null, runnerUp: null, declared: null, agrees: null });
  });
});
