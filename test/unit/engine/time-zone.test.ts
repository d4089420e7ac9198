import { describe, expect, it } from 'vitest';
import { findReportingCalendar, reportingTimeZone } from '../../../src/core/engine/time-zone.js';
import { emptyPolicySet } from '../../../src/core/policy/load.js';
import type { Policy, PolicySet } from '../../../src/core/policy/types.js';

const calendar = (name: string, timeZone: string): Policy<'Calendar'> =>
  ({ kind: 'Calendar', metadata: { name }, spec: { timeZone } }) as unknown as Policy<'Calendar'>;

function setWith(calendars: [string, string][], options: { goal?: string; slas?: string[] } = {}): PolicySet {
  const set = emptyPolicySet();
  set.Calendar.push(...calendars.map(([n, z]) => calendar(n, z)));
  if (options.goal !== undefined)
    set.RevenueGoal.push({ kind: 'RevenueGoal', spec: { calendar: options.goal } } as unknown as Policy<'RevenueGoal'>);
  for (const name of options.slas ?? [])
    set.HandoffSla.push({ kind: 'HandoffSla', spec: { calendar: name } } as unknown as Policy<'HandoffSla'>);
  return set;
}

describe('reportingTimeZone', () => {
  const us: [string, string] = ['us-business-hours', 'America/New_York'];
  const apac: [string, string] = ['apac-support-hours', 'Pacific/Kiritimati'];

  it('ignores a Calendar no policy refers to: the SLAs name the reporting one', () => {
    expect(reportingTimeZone(setWith([us, apac], { slas: ['us-business-hours'] }))).toBe('America/New_York');
  });

  it("takes the RevenueGoal's calendar first, and --time-zone before everything", () => {
    const set = setWith([us, apac], { goal: 'apac-support-hours', slas: ['us-business-hours'] });
    expect(reportingTimeZone(set)).toBe('Pacific/Kiritimati');
    expect(reportingTimeZone(set, 'Europe/Paris')).toBe('Europe/Paris');
  });

  it('takes the only Calendar, UTC without one, and calls different zones without a reference ambiguous', () => {
    expect(reportingTimeZone(setWith([apac]))).toBe('Pacific/Kiritimati');
    expect(reportingTimeZone(setWith([]))).toBe('UTC');
    expect(findReportingCalendar(setWith([us, apac]))).toEqual({
      ambiguous: ['apac-support-hours', 'us-business-hours'],
    });
  });
});
