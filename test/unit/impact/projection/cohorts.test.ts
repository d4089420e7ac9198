import { describe, expect, it } from 'vitest';
import type { LeadClasses } from '../../../../src/core/engine/replay-classes.js';
import type { StageTrack } from '../../../../src/core/engine/stages.js';
import { measureCohort, measureScoreBand } from '../../../../src/core/impact/projection/cohorts.js';

const DAY = 86_400_000;
const window = { start: 0, asOf: 100 * DAY };

/** A lead track from [entry day, exit day | null, advanced]. */
function leadTrack(items: [number, number | null, 0 | 1][]): StageTrack {
  return {
    stage: { id: 'mql' } as StageTrack['stage'],
    order: 1,
    entity: 'lead',
    entry: Float64Array.from(items, ([e]) => e * DAY),
    exit: Float64Array.from(items, ([, x]) => (x === null ? NaN : x * DAY)),
    advanced: Uint8Array.from(items, ([, , a]) => a),
    next: null,
  };
}

const classesOf = (scores: number[]) => ({ scoreOf: Float64Array.from(scores) }) as unknown as LeadClasses;

describe('measureCohort', () => {
  it('reads the lag from the items that left and counts only the matured ones, kept apart from marginal', () => {
    // Spans of the items that left: 10, 10, 10, 10, 20 days → 90th percentile (rank 5 of 5) = 20 days,
    // so the cohort is what entered by day 80. Items 0–4 entered by day 50; item 5 (day 85) and 6 (day 95) are young.
    // Item 3 belongs to a lead the change drops (mark −1): matured but not kept.
    const track = leadTrack([
      [10, 20, 1],
      [20, 30, 0],
      [30, 40, 1],
      [40, 50, 1],
      [50, 70, 0],
      [85, null, 0],
      [95, null, 0],
    ]);
    const mark = (k: number) => (k === 3 ? -1 : 0);
    expect(measureCohort(track, mark, window)).toEqual({
      lagMs: 20 * DAY,
      left: 5,
      items: 7,
      matured: 5,
      advanced: 3,
      keptMatured: 4,
      keptAdvanced: 2,
    });
    // Open items counted as lost would give 3 of 7 (0.43) instead of 3 of 5 (0.6).
  });

  it('is null when nothing left the stage (no lag to read)', () => {
    expect(measureCohort(leadTrack([[10, null, 0]]), () => 0, window)).toBeNull();
  });
});

describe('measureScoreBand', () => {
  // minScore 65 → 60: the band is 65 to under 70, then 70 to under 75, …
  const threshold = { from: 65, addedFrom: 60 };
  // Lead scores: NaN is a hand-raiser (its score did not decide its class), never in a band.
  const scores = [66, 67, 69, 72, 74, 80, NaN, 64];
  const track = leadTrack([
    [10, 20, 1], // 66 advanced
    [10, 20, 0], // 67 lost
    [90, null, 0], // 69 young: in the band, not matured
    [10, 20, 1], // 72 advanced
    [10, 20, 0], // 74 lost
    [10, 20, 1], // 80 advanced
    [10, 20, 1], // hand-raiser advanced
    [10, 20, 1], // 64: below the old threshold, a lead the change adds
  ]);
  const mark = (k: number) => (k === 7 ? 1 : 0);
  const band = (minimumSample: number) =>
    measureScoreBand(track, null, threshold, classesOf(scores), mark, new Int32Array(0), window, minimumSample);

  it('takes the band just above the old threshold, as wide as the range the change adds', () => {
    // Lag 0 (no cohort): 65 to under 70 holds 3 leads entered, all 3 by as-of; 1 advanced.
    expect(band(2)).toEqual({ from: 65, to: 70, addedFrom: 60, widths: 1, items: 3, matured: 3, advanced: 1 });
  });

  it('widens by one width at a time until the minimum sample, and stops at the highest score', () => {
    // 4 needed: 65–75 has 5 matured (66, 67, 69, 72, 74), 2 advanced.
    expect(band(4)).toMatchObject({ to: 75, widths: 2, matured: 5, advanced: 2 });
    // 10 needed: never reached; every scored lead at or above 65 is in (80 falls in the 4th width: to 85), no hand-raiser.
    expect(band(10)).toMatchObject({ to: 85, widths: 4, items: 6, matured: 6, advanced: 3 });
  });

  it('measures the band on the matured cohort', () => {
    const cohort = { lagMs: 20 * DAY, left: 7, items: 8, matured: 7, advanced: 5, keptMatured: 6, keptAdvanced: 4 };
    const b = measureScoreBand(track, cohort, threshold, classesOf(scores), mark, new Int32Array(0), window, 1);
    // The lead at 69 entered on day 90, within the 20-day lag: not matured.
    expect(b).toMatchObject({ items: 3, matured: 2, advanced: 1 });
  });

  it('reads an opportunity track through its lead', () => {
    const opp = {
      ...leadTrack([
        [10, 20, 1],
        [10, 20, 0],
      ]),
      entity: 'opportunity' as const,
    };
    // Opportunity 0 is lead 0 (66), opportunity 1 is lead 6 (the hand-raiser): only the first counts.
    const b = measureScoreBand(opp, null, threshold, classesOf(scores), () => 0, Int32Array.from([0, 6]), window, 1);
    expect(b).toMatchObject({ items: 1, matured: 1, advanced: 1 });
  });
});
