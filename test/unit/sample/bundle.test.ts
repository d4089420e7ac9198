import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/paths.js';
import { countBy, exampleStaffing, median, toNewYork, weekOf } from './collect.js';

/** The bundle's period (as in examples/data/README.md): the first quarter of 2026. */
const firstDay = toNewYork('2026-01-01T05:00:00Z');
const asOf = firstDay.plus({ days: 90 });
const readBundle = (entity: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(repoRoot, 'examples', 'data', `${entity}.csv`), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

/**
 * The bundled quarter, read from its files against the capacities in `policies/funnel.yaml`:
 * the SDR first touch is the constraint, every later stage has room to spare.
 */
describe('examples/data: the first touch is the constraint', () => {
  const { capacity } = exampleStaffing();
  const [users, leads, activities] = [readBundle('users'), readBundle('leads'), readBundle('activities')];
  const fullWeeks: string[] = [];
  for (
    let monday = firstDay.plus({ days: (8 - firstDay.weekday) % 7 });
    monday.plus({ days: 7 }) <= asOf;
    monday = monday.plus({ days: 7 })
  ) {
    fullWeeks.push(monday.toFormat("kkkk-'W'WW"));
  }
  const weekly = (field: string) => {
    const counts = countBy(leads, (l) => (l[field] === '' ? null : weekOf(l[field] as string)));
    return fullWeeks.map((w) => counts.get(w) ?? 0);
  };
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const sdrs = new Set(users.filter((u) => u.role === 'sdr').map((u) => u.id));
  const firstTouch = new Map<string, string>();
  for (const a of activities) {
    if (
      sdrs.has(a.actor_id as string) &&
      ['call', 'email', 'linkedin'].includes(a.type as string) &&
      !firstTouch.has(a.lead_id as string)
    ) {
      firstTouch.set(a.lead_id as string, a.at as string);
    }
  }

  it('has twelve full weeks whose MQL arrivals average 80–95 % of the first-touch capacity, some above it', () => {
    const arrivals = weekly('mql_at');
    expect(fullWeeks).toHaveLength(12);
    expect(mean(arrivals) / capacity.firstTouch).toBeGreaterThan(0.8);
    expect(mean(arrivals) / capacity.firstTouch).toBeLessThan(0.95);
    expect(arrivals.filter((n) => n > capacity.firstTouch).length).toBeGreaterThanOrEqual(2);
  });

  it('caps first touches at the capacity, so MQLs wait longer in the busy weeks', () => {
    const touches = countBy([...firstTouch.values()], weekOf);
    expect(Math.max(...touches.values())).toBeLessThanOrEqual(capacity.firstTouch * 1.05);
    const arrivals = new Map(fullWeeks.map((w, i) => [w, weekly('mql_at')[i] as number]));
    const waits = (busy: boolean) =>
      leads
        .filter(
          (l) =>
            firstTouch.has(l.id as string) &&
            (arrivals.get(weekOf(l.mql_at as string)) ?? 0) >= 0.95 * capacity.firstTouch === busy,
        )
        .map((l) => Date.parse(firstTouch.get(l.id as string) as string) - Date.parse(l.mql_at as string));
    expect(median(waits(true))).toBeGreaterThan(1.8 * median(waits(false)));
  });

  it('keeps discovery, qualification and new deals well below their capacities', () => {
    for (const [field, perWeek] of [
      ['sal_at', capacity.discovery],
      ['sql_at', capacity.qualification],
      ['opportunity_at', capacity.deals],
    ] as const) {
      const entries = weekly(field);
      expect(mean(entries), field).toBeLessThan(0.65 * perWeek);
      expect(Math.max(...entries), field).toBeLessThan(perWeek);
    }
  });
});
