import type { PolicySet } from '../policy/types.js';

/**
 * The reporting time zone: the one given (`--time-zone`), else the zone of the first
 * Calendar policy by name, else UTC. Days, weeks, months and comp periods begin in it, and
 * a date without a time in the data (`2017-03-01`) is a calendar day of it.
 */
export function reportingTimeZone(set: Pick<PolicySet, 'Calendar'>, given?: string): string {
  if (given !== undefined) return given;
  const calendar = [...set.Calendar].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))[0];
  return calendar?.spec.timeZone ?? 'UTC';
}
