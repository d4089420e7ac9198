import { describe, expect, it } from 'vitest';
import type { Collected } from './collect.js';
import { collectSample, countBy, exampleStaffing, median, weekOf } from './collect.js';

const { capacity } = exampleStaffing();
const mean = (values: Iterable<number>) => {
  const list = [...values];
  return list.reduce((a, b) => a + b, 0) / list.length;
};

/** Each MQL's first SDR call, email or LinkedIn message. */
function findFirstTouches(data: Collected): Map<string, string> {
  const sdrs = new Set(data.users.filter((u) => u.role === 'sdr').map((u) => u.id));
  const firstTouch = new Map<string, string>();
  for (const a of data.activities) {
    if (
      a.lead_id !== null &&
      a.actor_id !== null &&
      sdrs.has(a.actor_id) &&
      ['call', 'email', 'linkedin'].includes(a.type) &&
      !firstTouch.has(a.lead_id)
    ) {
      firstTouch.set(a.lead_id, a.at);
    }
  }
  return firstTouch;
}

/** Held SDR discovery meetings per week. */
function countHeldMeetings(data: Collected): Map<string, number> {
  const sdrs = new Set(data.users.filter((u) => u.role === 'sdr').map((u) => u.id));
  return countBy(
    data.activities.filter(
      (a) => a.type === 'meeting' && a.outcome === 'held' && a.actor_id !== null && sdrs.has(a.actor_id),
    ),
    (a) => weekOf(a.at),
  );
}

/**
 * In a busy year for the resized company (about 19,500 leads against 3 SDRs × 25 first touches
 * a week) the constraint must sit at the SDR first touch: MQL arrivals pass its capacity in busy
 * weeks, first touches are capped near it, waits grow, and the later stages stay below theirs.
 */
describe('the bottleneck is the SDR first touch', () => {
  const data = collectSample({ leads: 19_500, seed: 42 });
  const firstTouch = findFirstTouches(data);
  const mqls = data.leads.filter((l) => l.mql_at !== null);
  const arrivals = countBy(mqls, (l) => weekOf(l.mql_at as string));
  const delaysByWeek = new Map<string, number[]>();
  for (const l of mqls) {
    const touched = firstTouch.get(l.id);
    if (touched === undefined) continue;
    const week = weekOf(l.mql_at as string);
    delaysByWeek.set(week, [
      ...(delaysByWeek.get(week) ?? []),
      (Date.parse(touched) - Date.parse(l.mql_at as string)) / 3_600_000,
    ]);
  }
  const busy = [...arrivals].filter(([, n]) => n > capacity.firstTouch).map(([w]) => w);
  const quiet = [...arrivals]
    .filter(([, n]) => n >= 0.37 * capacity.firstTouch && n < 0.74 * capacity.firstTouch)
    .map(([w]) => w);
  const delays = (weeks: string[]) => weeks.flatMap((w) => delaysByWeek.get(w) ?? []);

  it('has weeks whose MQL arrivals exceed the first-touch capacity of 75', () => {
    expect(capacity.firstTouch).toBe(75);
    expect(busy.length).toBeGreaterThanOrEqual(4);
    expect(quiet.length).toBeGreaterThanOrEqual(4);
  });

  it('makes MQLs wait much longer for a first touch in busy weeks than in quiet ones', () => {
    const busyMedian = median(delays(busy));
    const quietMedian = median(delays(quiet));
    expect(quietMedian).toBeLessThan(24);
    expect(busyMedian).toBeGreaterThan(2 * quietMedian);
  });

  it('never lets first touches outrun the SDR capacity', () => {
    const touchesPerWeek = countBy([...firstTouch.values()], weekOf);
    // A touch planned late on a Friday lands on Monday: weeks may borrow a few from their neighbours.
    expect(Math.max(...touchesPerWeek.values())).toBeLessThanOrEqual(capacity.firstTouch * 1.05);
    expect(Math.max(...touchesPerWeek.values())).toBeGreaterThan(capacity.firstTouch * 0.96); // and it does run at capacity
  });

  it('recycles untouched, after ten business days, the MQLs of a queue that cannot keep up', () => {
    expect(mqls.every((l) => l.status !== 'recycled' || firstTouch.has(l.id))).toBe(true); // 19,500 a year: all get a turn
    const flooded = collectSample({ leads: 11_000, seed: 42, days: 60 }); // about 190 MQLs a week
    const touched = new Set(flooded.activities.filter((a) => a.actor_id !== null).map((a) => a.lead_id));
    const untouched = flooded.leads.filter((l) => l.status === 'recycled' && !touched.has(l.id));
    expect(untouched.length).toBeGreaterThan(300);
    for (const l of untouched)
      expect(Date.parse(l.recycled_at as string) - Date.parse(l.mql_at as string)).toBeGreaterThanOrEqual(
        11 * 86_400_000,
      );
  });

  it('keeps every later stage well below its weekly capacity', () => {
    const weekly = (key: 'sal_at' | 'sql_at' | 'opportunity_at') =>
      countBy(data.leads, (l) => (l[key] === null ? null : weekOf(l[key])));
    const stages = [
      [weekly('sal_at'), capacity.discovery],
      [weekly('sql_at'), capacity.qualification],
      [weekly('opportunity_at'), capacity.deals],
    ] as const;
    expect(mean(arrivals.values())).toBeGreaterThan(0.8 * capacity.firstTouch);
    for (const [entries, perWeek] of stages) expect(mean(entries.values())).toBeLessThan(0.65 * perWeek);
    expect(Math.max(...countHeldMeetings(data).values())).toBeLessThanOrEqual(capacity.discovery);
    expect(Math.max(...stages[2][0].values())).toBeLessThanOrEqual(capacity.deals);
  });
});

describe('a later stage with too little capacity', () => {
  it('holds its work to the capacity and moves the rest to later weeks', () => {
    const normal = collectSample({ leads: 19_500, seed: 42, days: 120 });
    const tight = collectSample({ leads: 19_500, seed: 42, days: 120, capacity: { ...capacity, discovery: 10 } });
    const held = countHeldMeetings(tight);
    expect(Math.max(...held.values())).toBe(10);
    expect([...held.values()].filter((n) => n === 10).length).toBeGreaterThan(8);
    const salToMeeting = (data: Collected) => {
      const salAt = new Map(
        data.leads.filter((l) => l.sal_at !== null).map((l) => [l.id, Date.parse(l.sal_at as string)]),
      );
      const waits = data.activities.filter(
        (a) => a.type === 'meeting' && a.outcome === 'held' && a.lead_id !== null && a.opportunity_id === null,
      );
      return median(
        waits
          .map((a) => (Date.parse(a.at) - (salAt.get(a.lead_id as string) ?? Number.NaN)) / 86_400_000)
          .filter((d) => d >= 0),
      );
    };
    expect(salToMeeting(normal)).toBeLessThan(5);
    expect(salToMeeting(tight)).toBeGreaterThan(4 * salToMeeting(normal));
  });
});
