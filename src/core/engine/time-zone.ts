import type { Policy, PolicySet } from '../policy/types.js';

type CalendarSets = Pick<PolicySet, 'Calendar' | 'RevenueGoal' | 'HandoffSla'>;

/**
 * The Calendar whose zone is the reporting zone, by explicit reference only, so a Calendar no
 * policy refers to changes nothing: the RevenueGoal's `calendar`; else the one zone of the
 * Calendars the HandoffSlas run on; else the set's only Calendar (or the one zone all share).
 * `ambiguous` names the candidates when they disagree (validation refuses that); null for none.
 */
export function findReportingCalendar(
  set: CalendarSets,
): { calendar: Policy<'Calendar'> } | { ambiguous: string[] } | null {
  const named = set.RevenueGoal[0]?.spec.calendar;
  if (named !== undefined) {
    const calendar = set.Calendar.find((c) => c.metadata.name === named);
    return calendar === undefined ? null : { calendar };
  }
  const used = new Set(set.HandoffSla.map((s) => s.spec.calendar));
  const bySla = set.Calendar.filter((c) => used.has(c.metadata.name));
  const candidates = [...(bySla.length > 0 ? bySla : set.Calendar)].sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
  const first = candidates[0];
  if (first === undefined) return null;
  return candidates.every((c) => c.spec.timeZone === first.spec.timeZone)
    ? { calendar: first }
    : { ambiguous: candidates.map((c) => c.metadata.name) };
}

/**
 * The reporting time zone: the one given (`--time-zone`), else the zone of the reporting
 * Calendar (`findReportingCalendar`), else UTC. Days, weeks, months and comp periods begin in
 * it, and a date without a time in the data (`2017-03-01`) is a calendar day of it.
 */
export function reportingTimeZone(set: CalendarSets, given?: string): string {
  if (given !== undefined) return given;
  const found = findReportingCalendar(set);
  if (found === null) return 'UTC';
  // Ambiguous sets fail validation; the first by name keeps a direct library call deterministic.
  return 'calendar' in found
    ? found.calendar.spec.timeZone
    : (set.Calendar.find((c) => c.metadata.name === found.ambiguous[0])?.spec.timeZone ?? 'UTC');
}
