import { numberColumn, textColumn } from '../../data/column-table.js';
import type { Row } from '../../data/types.js';
import type { MetricDefinition, PeriodValues, TallyInput } from './metric-types.js';
import { PeriodSums } from './metric-types.js';
import { periodIndexOf, readInstant, readText } from './rows.js';

/** Counts rows whose instant `at` falls in the period, for the person in `by`. */
function countRows(rows: readonly Row[], at: string, by: string, input: TallyInput): PeriodValues[] {
  const sums = new PeriodSums(input);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    const k = periodIndexOf(readInstant(row, at), input.periods, input.ctx.window);
    const person = readText(row, by);
    if (k < 0 || person === null || !input.people.has(person)) continue;
    sums.add(k, person, '1');
  }
  return sums.values();
}

/** `sal_count`: number of leads with `sal_at` in the period, credited to the lead's `owner_id`. */
export const salCount: MetricDefinition = {
  kind: 'count',
  tally: (input) => countRows(input.ctx.data.leads, 'sal_at', 'owner_id', input),
};

/** `sql_count`: number of leads with `sql_at` in the period, credited to the lead's `owner_id`. */
export const sqlCount: MetricDefinition = {
  kind: 'count',
  tally: (input) => countRows(input.ctx.data.leads, 'sql_at', 'owner_id', input),
};

/**
 * `meetings_held`: number of activities of `type` `meeting` with `outcome` `held` and `at` in the
 * period, credited to `actor_id`.
 */
export const meetingsHeld: MetricDefinition = {
  kind: 'count',
  tally: (input) => {
    const activities = input.ctx.data.activities;
    const sums = new PeriodSums(input);
    const at = numberColumn(activities, 'at');
    const type = textColumn(activities, 'type');
    const outcome = textColumn(activities, 'outcome');
    const actor = textColumn(activities, 'actor_id');
    const isMeeting = Uint8Array.from(type.values, (value) => (value === 'meeting' ? 1 : 0));
    const isHeld = Uint8Array.from(outcome.values, (value) => (value === 'held' ? 1 : 0));
    for (let a = 0; a < activities.length; a++) {
      const typeCode = type.codes[a] as number;
      const outcomeCode = outcome.codes[a] as number;
      if (typeCode < 0 || outcomeCode < 0 || isMeeting[typeCode] === 0 || isHeld[outcomeCode] === 0) continue;
      const t = at[a] as number;
      const k = periodIndexOf(Number.isNaN(t) ? null : t, input.periods, input.ctx.window);
      const code = actor.codes[a] as number;
      const person = code < 0 ? null : (actor.values[code] as string);
      if (k < 0 || person === null || !input.people.has(person)) continue;
      sums.add(k, person, '1');
    }
    return sums.values();
  },
};
