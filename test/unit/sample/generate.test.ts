import { describe, expect, it } from 'vitest';
import { fieldNames } from '../../../src/core/model/canonical.js';
import { generateSampleData } from '../../../src/core/sample/generate.js';
import { checkSampleOptions } from '../../../src/core/sample/options.js';
import { collectSample, exampleStaffing, toNewYork } from './collect.js';

const data = collectSample({ leads: 20_000, seed: 11 });
const asOf = '2027-01-01T05:00:00Z';
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const leadsById = new Map(data.leads.map((l) => [l.id, l]));
const usersById = new Map(data.users.map((u) => [u.id, u]));
const staffing = exampleStaffing();

describe('generateSampleData: determinism', () => {
  const serialise = (seed: number) =>
    JSON.stringify([
      ...generateSampleData({ leads: 1500, seed, start: '2026-01-01', days: 120, opportunities: 300, ...staffing }),
    ]);

  it('yields the same rows for the same options and other rows for another seed', () => {
    const first = serialise(5);
    expect(serialise(5)).toBe(first);
    expect(serialise(6)).not.toBe(first);
  });

  it('creates exactly the requested number of leads, whatever the period', () => {
    expect(data.leads).toHaveLength(20_000);
    expect(collectSample({ leads: 777, seed: 1, days: 10 }).leads).toHaveLength(777);
  });

  it('refuses options it cannot honour', () => {
    expect(checkSampleOptions({ leads: 10, seed: 1, ...staffing })).toEqual([]);
    expect(
      checkSampleOptions({ leads: 0, seed: -1, start: '2026-02-30', days: 1.5, opportunities: -1, ...staffing }),
    ).toHaveLength(5);
    const understaffed = checkSampleOptions({
      leads: 10,
      seed: 1,
      capacity: { ...staffing.capacity, discovery: 0 },
      headcount: { sdr: 2.5, ae: 1 },
    });
    expect(understaffed).toEqual([
      expect.stringMatching(/^capacity\.discovery must be .* above 0/),
      expect.stringMatching(/^headcount\.sdr must be a whole number/),
    ]);
    expect(() => generateSampleData({ leads: 10, seed: 1, start: 'soon', ...staffing }).next()).toThrow(
      /start must be a calendar date/,
    );
  });
});

describe('generateSampleData: rows', () => {
  it('gives every row exactly the canonical fields, in canonical order', () => {
    for (const entity of ['users', 'leads', 'opportunities', 'activities'] as const) {
      expect(data[entity].length, entity).toBeGreaterThan(0);
      for (const row of data[entity]) expect(Object.keys(row)).toEqual(fieldNames(entity));
    }
  });

  it('uses unique string ids and only refers to ids that exist', () => {
    for (const entity of ['users', 'leads', 'opportunities', 'activities'] as const) {
      const ids = data[entity].map((r) => r.id);
      expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true);
      expect(new Set(ids).size, entity).toBe(ids.length);
    }
    const opportunityIds = new Set(data.opportunities.map((o) => o.id));
    for (const o of data.opportunities) {
      expect(leadsById.has(o.lead_id ?? '')).toBe(true);
      expect(usersById.get(o.owner_id)?.role).toBe('ae');
    }
    for (const a of data.activities) {
      expect(leadsById.has(a.lead_id ?? '')).toBe(true);
      if (a.opportunity_id !== null) expect(opportunityIds.has(a.opportunity_id)).toBe(true);
      if (a.actor_id !== null) expect(usersById.has(a.actor_id)).toBe(true);
    }
    for (const l of data.leads) if (l.owner_id !== null) expect(usersById.get(l.owner_id)?.role).toBe('sdr');
  });

  it('formats instants as UTC seconds and keeps every one before the export', () => {
    const instants = [
      ...data.leads.flatMap((l) => [
        l.created_at,
        l.last_engaged_at,
        l.mql_at,
        l.sal_at,
        l.sql_at,
        l.opportunity_at,
        l.disqualified_at,
        l.recycled_at,
      ]),
      ...data.opportunities.flatMap((o) => [o.created_at, o.closed_at]),
      ...data.activities.map((a) => a.at),
    ].filter((v): v is string => v !== null);
    for (const v of instants) expect(v).toMatch(instant);
    expect(instants.every((v) => v >= '2026-01-01T05:00:00Z' && v < asOf)).toBe(true);
    for (const o of data.opportunities) expect(o.amount).toMatch(/^\d+\.\d{2}$/);
  });
});

describe('generateSampleData: lifecycles hang together', () => {
  it('orders each lead created ≤ mql ≤ sal ≤ sql ≤ opportunity, and its status matches', () => {
    for (const l of data.leads) {
      const steps = [l.created_at, l.mql_at, l.sal_at, l.sql_at, l.opportunity_at];
      const reached = steps.filter((s): s is string => s !== null);
      expect(steps.slice(0, reached.length)).toEqual(reached); // no gaps: a later step implies every earlier one
      expect([...reached].sort()).toEqual(reached);
      expect(l.last_engaged_at >= l.created_at).toBe(true);
      if (l.mql_at !== null) expect(l.last_engaged_at >= l.mql_at).toBe(true);
      expect(l.status === 'converted').toBe(l.opportunity_at !== null);
      expect(l.status === 'disqualified').toBe(l.disqualified_at !== null && l.disqualification_reason !== null);
      expect(l.status === 'recycled').toBe(l.recycled_at !== null);
      const last = reached[reached.length - 1] as string;
      for (const end of [l.disqualified_at, l.recycled_at]) if (end !== null) expect(end >= last).toBe(true);
      expect(l.owner_id !== null).toBe(l.mql_at !== null);
    }
  });

  it('opens each opportunity when its lead converted, and closes only closed deals', () => {
    for (const o of data.opportunities) {
      expect(o.created_at).toBe(leadsById.get(o.lead_id ?? '')?.opportunity_at);
      if (o.closed_at === null) {
        expect([o.won, o.stage, o.close_reason]).toEqual([null, 'opportunity', null]);
      } else {
        expect(o.closed_at >= o.created_at).toBe(true);
        expect(typeof o.won).toBe('boolean');
        expect(o.stage).toBe(o.won === true ? 'won' : 'lost');
      }
    }
    const closed = data.opportunities.filter((o) => o.closed_at !== null);
    expect(closed.some((o) => o.won === true) && closed.some((o) => o.won === false)).toBe(true);
    expect(data.opportunities.some((o) => o.closed_at === null)).toBe(true); // open deals at the export
  });

  it('has SDRs and AEs act only after mql_at, in New York business hours', () => {
    const holidays = new Set([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-11-26',
      '2026-11-27',
      '2026-12-25',
    ]);
    const byPeople = data.activities.filter((a) => a.actor_id !== null);
    expect(byPeople.length).toBeGreaterThan(1000);
    for (const a of byPeople) {
      const lead = leadsById.get(a.lead_id ?? '');
      expect(lead?.mql_at).not.toBeNull();
      expect(a.at >= (lead?.mql_at as string)).toBe(true);
      const local = toNewYork(a.at);
      const minutes = local.hour * 60 + local.minute;
      expect(local.weekday <= 5 && !holidays.has(local.toISODate() as string), a.at).toBe(true);
      expect(minutes >= 8 * 60 + 30 && minutes <= 17 * 60 + 30, a.at).toBe(true);
    }
  });

  it("logs the lead's own touchpoints between its creation and its last engagement", () => {
    const inbound = data.activities.filter((a) => a.actor_id === null);
    expect(inbound.length).toBeGreaterThan(data.leads.length / 2);
    for (const a of inbound) {
      const lead = leadsById.get(a.lead_id ?? '');
      expect(a.direction).toBe('inbound');
      expect(a.at >= (lead?.created_at as string) && a.at <= (lead?.last_engaged_at as string)).toBe(true);
    }
  });
});
