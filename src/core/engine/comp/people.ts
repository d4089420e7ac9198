import { DateTime } from 'luxon';
import type { Row } from '../../data/types.js';
import type { CompPlanSpec } from '../../policy/types.js';
import type { TimeWindow } from '../context.js';
import type { Period } from '../periods.js';
import { readText } from './rows.js';

/** A user on a plan, and the periods in which they were on it. */
export interface PlanMember {
  id: string;
  name: string | null;
  team: string | null;
  /** Per period (in the plan's order), whether the person was active in it. */
  isActiveIn: boolean[];
}

/** The first and last calendar day (`YYYY-MM-DD`, in `timeZone`) of the part of `period` inside `window`. */
function daysOf(period: Period, window: TimeWindow, timeZone: string): { first: string; last: string } {
  const start = Math.max(period.start, window.start);
  const end = Math.min(period.end, window.end);
  const day = (ms: number): string => DateTime.fromMillis(ms, { zone: timeZone }).toISODate() ?? '';
  return { first: day(start), last: day(Math.max(start, end - 1)) };
}

/**
 * The people on a plan: users whose `role` is one of the plan's roles and whose `team`, when
 * set, is the plan's team, sorted by id. A person is active in a period when their
 * `active_from`..`active_to` days (either end may be empty) overlap the part of the period
 * inside the window; users active in no period are left out, and a repeated id counts once.
 * Someone active for part of a period is on the plan for the whole period, with the full
 * target.
 */
export function listPlanPeople(
  spec: CompPlanSpec,
  users: readonly Row[],
  periods: readonly Period[],
  window: TimeWindow,
  timeZone: string,
): PlanMember[] {
  const roles = new Set(spec.roles);
  const spans = periods.map((p) => daysOf(p, window, timeZone));
  const members: PlanMember[] = [];
  const seen = new Set<string>();
  for (const user of users) {
    const id = readText(user, 'id');
    const role = readText(user, 'role');
    const team = readText(user, 'team');
    if (id === null || seen.has(id) || role === null || !roles.has(role) || (team !== null && team !== spec.team))
      continue;
    seen.add(id);
    const from = readText(user, 'active_from');
    const to = readText(user, 'active_to');
    const isActiveIn = spans.map((span) => (from === null || from <= span.last) && (to === null || to >= span.first));
    if (isActiveIn.some(Boolean)) members.push({ id, name: readText(user, 'name'), team, isActiveIn });
  }
  return members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
