import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';

/**
 * test/fixtures/date-only-zone: deals whose dates are calendar days (`2017-04-01`), a
 * goal for Q2 2017 and a Calendar in New York. A day is a day of the reporting zone, so the
 * deal closed on 2017-04-01 counts in Q2 and the one closed on 2017-07-01 does not,
 * whichever zone reports (read as UTC midnight, they moved to the evening before in New York).
 */
const dir = 'test/fixtures/date-only-zone';
const common = ['--data', `${dir}/export`, '--mapping', 'days', '--format', 'json', '--quiet'];

interface GoalReport {
  window: { timeZone: string };
  goal: { actual: string };
  data: { issues: unknown[] };
}

async function evaluateGoal(policies: string, extra: string[] = []): Promise<GoalReport> {
  const run = await runRevops(['evaluate', '--policies', `${dir}/${policies}`, ...common, ...extra]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as GoalReport;
}

describe('dates without a time and the reporting time zone', () => {
  it('counts the same Q2 deals (2017-04-01 and 2017-06-30: 1,300) with a Calendar in New York as in UTC', async () => {
    const newYork = await evaluateGoal('policies');
    expect(newYork.window.timeZone).toBe('America/New_York');
    expect(newYork.goal.actual).toBe('1300.00');
    expect(newYork.data.issues).toEqual([]);
    const utc = await evaluateGoal('policies-utc');
    expect(utc.window.timeZone).toBe('UTC');
    expect(utc.goal.actual).toBe('1300.00');
    const tokyo = await evaluateGoal('policies', ['--time-zone', 'Asia/Tokyo']);
    expect(tokyo.goal.actual).toBe('1300.00');
  });

  it('reads a date-only --as-of as the start of that day in the reporting zone', async () => {
    // As of the start of 2017-06-30 in New York, the deal closed that day is already counted (the as-of instant is included).
    const report = await evaluateGoal('policies', ['--as-of', '2017-06-30']);
    expect(report.goal.actual).toBe('1300.00');
    const before = await evaluateGoal('policies', ['--as-of', '2017-06-29']);
    expect(before.goal.actual).toBe('1000.00');
  });

  it("reads the data in each side's zone in impact when a change adds the Calendar", async () => {
    const run = await runRevops([
      'impact',
      '--base-dir',
      `${dir}/policies-utc`,
      '--head-dir',
      `${dir}/policies`,
      ...common,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { goal: { forecast: { base: string; head: string } } };
    expect(report.goal.forecast).toMatchObject({ base: '1300.00', head: '1300.00' });
  });
});
