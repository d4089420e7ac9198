import { beforeAll, describe, expect, it } from 'vitest';
import type { StageReport } from '../../src/core/report/index.js';
import { evaluateOlist } from '../helpers/olist.js';
import type { CliRun } from '../helpers/cli.js';

/**
 * End to end on an export in the shape of Olist's marketing funnel (test/fixtures/olist-shape,
 * written by hand: see its SOURCES.md): MQLs with a date-only first contact (a day of the reporting zone),
 * deals known only by their won date, and a funnel `mql → won` with no opportunity stage.
 * Every figure below is worked out by hand from the ten MQLs and four deals.
 */

type Stage = Pick<
  StageReport,
  | 'id'
  | 'arrivals'
  | 'exits'
  | 'advanced'
  | 'dropped'
  | 'openAtAsOf'
  | 'conversionCohort'
  | 'conversionPeriod'
  | 'timeInStageHours'
>;

describe('revops evaluate on an Olist-shaped export (MQL straight to won)', () => {
  let run: CliRun;
  let stages: Stage[];

  beforeAll(async () => {
    const dir = 'test/fixtures/olist-shape';
    run = await evaluateOlist(dir);
    stages = (JSON.parse(run.stdout) as { funnel: { stages: Stage[] } }).funnel.stages;
  });

  it('runs clean: every row read is evaluated', () => {
    expect(run.code, run.stderr).toBe(0);
  });

  it('converts MQLs whose deal is won, and the figures of mql and won agree', () => {
    const mql = stages.find((s) => s.id === 'mql');
    // The window is 2018-01-01 → as-of: m01–m09 arrive (m10 came in December). m01, m04 and
    // m06 are won by as-of: cohort 3 ÷ 9 = 0.3333. Won in the window: those three and m10,
    // whose MQL came before it: period 4 ÷ 9 = 0.4444. Still MQLs at as-of: m02, m03, m05, m07,
    // m08, m09.
    expect(mql).toMatchObject({
      arrivals: 9,
      exits: 4,
      advanced: 4,
      dropped: 0,
      openAtAsOf: 6,
      conversionCohort: 0.3333,
      conversionPeriod: 0.4444,
    });
    // What leaves mql forward in the window is what arrives in won.
    expect(stages.find((s) => s.id === 'won')?.arrivals).toBe(mql?.advanced);
  });

  it('times the stage from the first contact (a day of the reporting zone, UTC here) to the won date (São Paulo time)', () => {
    // A date without a time is the day in the reporting zone, whatever the mapping says for
    // times: the policies have no Calendar, so first contacts start at 00:00Z. Won dates are
    // São Paulo times: UTC−2 until 2018-02-18, UTC−3 after. In hours from contact to win:
    //   m01 01-02 00:00Z → 01-20 12:00Z = 444;   m10 12-20 00:00Z → 01-10 14:00Z = 518;
    //   m04 01-09 00:00Z → 02-05 17:30Z = 665.5; m06 01-20 00:00Z → 02-25 12:00Z = 876.
    // Median (518 + 665.5) ÷ 2 = 591.75; p90 is rank ⌈3.6⌉ = 4: 876.
    expect(stages.find((s) => s.id === 'mql')?.timeInStageHours).toEqual({ count: 4, median: 591.75, p90: 876 });
  });
});
