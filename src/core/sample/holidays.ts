import { DateTime } from 'luxon';

/**
 * The US business holidays of the example calendar (`policies/calendar-us.yaml`) for any
 * year, as observed dates: a holiday on a Saturday is taken on the Friday before, one on a
 * Sunday on the Monday after.
 */
export function listUsHolidays(year: number): string[] {
  const fixed = [
    [1, 1],
    [6, 19],
    [7, 4],
    [12, 25],
  ].map(([month, day]) => observe(DateTime.utc(year, month as number, day as number)));
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  const floating = [
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 2, 1, 3), // Presidents' Day
    lastWeekday(year, 5, 1), // Memorial Day
    nthWeekday(year, 9, 1, 1), // Labor Day
    thanksgiving,
    thanksgiving.plus({ days: 1 }),
  ];
  return [...fixed, ...floating].map((d) => d.toISODate() as string).sort();
}

/** Holidays of every year the period touches, as a set of `YYYY-MM-DD`. */
export function collectHolidays(firstYear: number, lastYear: number): Set<string> {
  const out = new Set<string>();
  for (let year = firstYear - 1; year <= lastYear + 1; year++) for (const date of listUsHolidays(year)) out.add(date);
  return out;
}

function observe(date: DateTime): DateTime {
  if (date.weekday === 6) return date.minus({ days: 1 });
  if (date.weekday === 7) return date.plus({ days: 1 });
  return date;
}

/** The n-th given weekday (1 = Monday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): DateTime {
  const first = DateTime.utc(year, month, 1);
  const offset = (weekday - first.weekday + 7) % 7;
  return first.plus({ days: offset + 7 * (n - 1) });
}

function lastWeekday(year: number, month: number, weekday: number): DateTime {
  const last = DateTime.utc(year, month, 1).endOf('month').startOf('day');
  const offset = (last.weekday - weekday + 7) % 7;
  return last.minus({ days: offset });
}
