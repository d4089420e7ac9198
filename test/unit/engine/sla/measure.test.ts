import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../../src/core/engine/context.js';
import { listPeriods } from '../../../../src/core/engine/periods.js';
import { measureSla } from '../../../../src/core/engine/sla/measure.js';
import { measureSlaRows } from '../../../../src/core/engine/sla/outcomes.js';
import type { SlaItems } from '../../../../src/core/engine/sla/outcomes.js';
import { tallySlaByPeriod } from '../../../../src/core/engine/sla/tally.js';
import type { Row } from '../../../../src/core/data/types.js';
import { createBusinessCalendar } from '../../../../src/core/logic/business-time.js';
import type { CalendarSpec, Policy } from '../../../../src/core/policy/types.js';
import type { SlaCounts, SlaResult } from '../../../../src/core/report/sla.js';
import { examplePolicies } from '../../../helpers/paths.js';

const at = (iso: string): number => Date.parse(iso);
const readPolicy = <T>(file: string): T => parse(readFileSync(join(examplePolicies, file), 'utf8')) as T;
const slaPolicy = (file: string): Policy<'HandoffSla'> => ({
  ...readPolicy<Omit<Policy<'HandoffSla'>, 'file'>>(file),
  file: `policies/${file}`,
});

const calendar = createBusinessCalendar(
  readPolicy<{ spec: CalendarSpec }>('calendar-us.yaml').spec,
  'us-business-hours',
);
/** speed-to-lead: hand-raiser 1h, enterprise 2h, default 4h; escalation 4h and 1d; recycle after 10d. A working day is 9 h (08:30–17:30). */
const speed = slaPolicy('sla-speed-to-lead.yaml');
/** sql-acceptance: default 2d (18 working hours); escalation 2d. */
const sql = slaPolicy('sla-sal-acceptance.yaml');
const withSpec = (policy: Policy<'HandoffSla'>, spec: Partial<Policy<'HandoffSla'>['spec']>): Policy<'HandoffSla'> => ({
  ...policy,
  spec: { ...policy.spec, ...spec },
});
/** speed-to-lead without its catch-all target: leads that are neither hand-raisers nor enterprise have no target. */
const speedNoDefault = withSpec(speed, { targets: speed.spec.targets.slice(0, 2) });
const policies = { speed, sql, speedNoDefault };

const userRow = (fields: Record<string, string>): Row =>
  Object.assign(Object.create(null) as Record<string, string>, fields);
const users = new Map<string, Row>([
  ['a1', userRow({ id: 'a1', name: 'Dee', role: 'ae', team: 'ae' })],
  ['u1', userRow({ id: 'u1', name: 'Ana', role: 'sdr', team: 'sdr' })],
  ['u2', userRow({ id: 'u2', name: 'Ben', role: 'sdr', team: 'sdr' })],
  ['u3', userRow({ id: 'u3', name: 'Cy', role: 'sdr' })],
]);

function contextAt(asOf: string, start = '2026-01-01T00:00:00-05:00'): EngineContext {
  const end = at(asOf);
  return {
    asOf: end,
    window: { start: at(start), end },
    timeZone: 'America/New_York',
    calendars: new Map([['us-business-hours', calendar]]),
    users,
  };
}

interface Item {
  from: string | null;
  to?: string | null;
  owner?: string | null;
  lead?: Record<string, string | boolean>;
}

function itemsOf(list: readonly Item[]): SlaItems {
  const rows = list.map(
    (item, i) =>
      Object.assign(Object.create(null) as Record<string, unknown>, {
        id: `L${i}`,
        segment: 'smb',
        ...item.lead,
      }) as Row,
  );
  return {
    entity: 'lead',
    rows,
    from: Float64Array.from(list, (item) => (item.from === null ? NaN : at(item.from))),
    to: Float64Array.from(list, (item) => (item.to == null ? NaN : at(item.to))),
    ownerOf: (i) => list[i]?.owner ?? null,
  };
}

const outcomeNames = ['met', 'breached', 'pending', 'untargeted', 'invalidOrder'] as const;
type Outcome = (typeof outcomeNames)[number];
const countsOf = (c: SlaCounts) => Object.fromEntries(outcomeNames.map((name) => [name, c[name]]));

interface Case {
  name: string;
  sla: keyof typeof policies;
  item: Item;
  asOf?: string;
  outcome: Outcome;
  target?: string;
  /** Response time (stopped) or open age (open), business hours. */
  hours?: number;
}

// 2026-03-08 and 2026-11-01 are the Sundays on which New York changes clocks.
const cases: Case[] = [
  {
    name: 'across a weekend, met exactly at the deadline (Fri 15:30 → Mon 10:30)',
    sla: 'speed',
    item: { from: '2026-03-13T15:30:00-04:00', to: '2026-03-16T10:30:00-04:00' },
    outcome: 'met',
    target: 'default',
    hours: 4,
  },
  {
    name: 'across a weekend, a minute late',
    sla: 'speed',
    item: { from: '2026-03-13T15:30:00-04:00', to: '2026-03-16T10:31:00-04:00' },
    outcome: 'breached',
    target: 'default',
    hours: 4.02,
  },
  {
    name: 'across Memorial Day (Fri 16:30 → Tue 11:00; deadline Tue 11:30)',
    sla: 'speed',
    item: { from: '2026-05-22T16:30:00-04:00', to: '2026-05-26T11:00:00-04:00' },
    outcome: 'met',
    hours: 3.5,
  },
  {
    name: 'across Memorial Day, late (Tue 11:45)',
    sla: 'speed',
    item: { from: '2026-05-22T16:30:00-04:00', to: '2026-05-26T11:45:00-04:00' },
    outcome: 'breached',
    hours: 4.25,
  },
  {
    name: 'enterprise 2h, met at Wednesday’s close before Thanksgiving',
    sla: 'speed',
    item: { from: '2026-11-25T15:30:00-05:00', to: '2026-11-25T17:30:00-05:00', lead: { segment: 'enterprise' } },
    outcome: 'met',
    target: 'enterprise',
    hours: 2,
  },
  // Only 2 working hours have passed by Monday's opening, but the deadline was Wednesday 17:30.
  {
    name: 'enterprise 2h, touched after the Thanksgiving holidays: 2h of wait, yet after the deadline',
    sla: 'speed',
    item: { from: '2026-11-25T15:30:00-05:00', to: '2026-11-30T08:30:00-05:00', lead: { segment: 'enterprise' } },
    outcome: 'breached',
    target: 'enterprise',
    hours: 2,
  },
  {
    name: 'across the spring DST change (Fri 16:30 EST → Mon 11:30 EDT)',
    sla: 'speed',
    item: { from: '2026-03-06T16:30:00-05:00', to: '2026-03-09T11:30:00-04:00' },
    outcome: 'met',
    hours: 4,
  },
  {
    name: 'across the spring DST change, a minute late',
    sla: 'speed',
    item: { from: '2026-03-06T16:30:00-05:00', to: '2026-03-09T11:31:00-04:00' },
    outcome: 'breached',
    hours: 4.02,
  },
  {
    name: 'across the autumn DST change (Fri 17:00 EDT → Mon 12:00 EST)',
    sla: 'speed',
    item: { from: '2026-10-30T17:00:00-04:00', to: '2026-11-02T12:00:00-05:00' },
    outcome: 'met',
    hours: 4,
  },
  {
    name: 'across the autumn DST change, a minute late',
    sla: 'speed',
    item: { from: '2026-10-30T17:00:00-04:00', to: '2026-11-02T12:01:00-05:00' },
    outcome: 'breached',
    hours: 4.02,
  },
  {
    name: '2d is two 9-hour working days: Thu 12:00 → Mon 12:00',
    sla: 'sql',
    item: { from: '2026-03-12T12:00:00-04:00', to: '2026-03-16T12:00:00-04:00' },
    outcome: 'met',
    target: 'default',
    hours: 18,
  },
  {
    name: '2d, an hour late',
    sla: 'sql',
    item: { from: '2026-03-12T12:00:00-04:00', to: '2026-03-16T13:00:00-04:00' },
    outcome: 'breached',
    target: 'default',
    hours: 19,
  },
  {
    name: 'a demo request gets the 1h hand-raiser target',
    sla: 'speed',
    item: { from: '2026-03-10T09:00:00-04:00', to: '2026-03-10T10:00:00-04:00', lead: { demo_requested: true } },
    outcome: 'met',
    target: 'hand-raiser',
    hours: 1,
  },
  {
    name: 'the first matching target applies: an enterprise hand-raiser has 1h',
    sla: 'speed',
    item: {
      from: '2026-03-10T09:00:00-04:00',
      to: '2026-03-10T10:15:00-04:00',
      lead: { contact_sales: true, segment: 'enterprise' },
    },
    outcome: 'breached',
    target: 'hand-raiser',
    hours: 1.25,
  },
  {
    name: 'enterprise 2h: late at 2.5h, which the default would allow',
    sla: 'speed',
    item: { from: '2026-03-10T09:00:00-04:00', to: '2026-03-10T11:30:00-04:00', lead: { segment: 'enterprise' } },
    outcome: 'breached',
    target: 'enterprise',
    hours: 2.5,
  },
  {
    name: 'touched the moment the clock started',
    sla: 'speed',
    item: { from: '2026-03-10T09:00:00-04:00', to: '2026-03-10T09:00:00-04:00' },
    outcome: 'met',
    hours: 0,
  },
  {
    name: 'a lead that arrives at night waits from the opening',
    sla: 'speed',
    item: { from: '2026-03-10T22:00:00-04:00', to: '2026-03-11T12:30:00-04:00' },
    outcome: 'met',
    hours: 4,
  },
  {
    name: 'open, deadline a minute after as-of: pending',
    sla: 'speed',
    item: { from: '2026-03-10T09:00:00-04:00' },
    asOf: '2026-03-10T12:59:00-04:00',
    outcome: 'pending',
    target: 'default',
    hours: 3.98,
  },
  {
    name: 'open, deadline exactly at as-of: breached',
    sla: 'speed',
    item: { from: '2026-03-10T09:00:00-04:00' },
    asOf: '2026-03-10T13:00:00-04:00',
    outcome: 'breached',
    target: 'default',
    hours: 4,
  },
  {
    name: 'open over a weekend: as-of Saturday, deadline Monday 10:30, pending',
    sla: 'speed',
    item: { from: '2026-03-13T15:30:00-04:00' },
    asOf: '2026-03-14T12:00:00-04:00',
    outcome: 'pending',
    hours: 2,
  },
  {
    name: 'a to-event after as-of does not exist yet',
    sla: 'speed',
    item: { from: '2026-03-10T09:00:00-04:00', to: '2026-03-10T14:00:00-04:00' },
    asOf: '2026-03-10T12:00:00-04:00',
    outcome: 'pending',
    hours: 3,
  },
  {
    name: 'a to-event before the from-event is invalidOrder, not met',
    sla: 'speed',
    item: { from: '2026-03-10T09:00:00-04:00', to: '2026-03-10T08:00:00-04:00' },
    outcome: 'invalidOrder',
    target: 'default',
  },
  {
    name: 'no target matches: untargeted, still measured',
    sla: 'speedNoDefault',
    item: { from: '2026-03-10T09:00:00-04:00', to: '2026-03-10T10:00:00-04:00' },
    outcome: 'untargeted',
    hours: 1,
  },
  {
    name: 'no target matches and still open: untargeted',
    sla: 'speedNoDefault',
    item: { from: '2026-03-10T09:00:00-04:00' },
    asOf: '2026-03-12T09:00:00-04:00',
    outcome: 'untargeted',
    hours: 18,
  },
];

describe('measureSla, one item at a time (calendar-us.yaml)', () => {
  it.each(cases)('$name', ({ sla, item, asOf = '2026-12-31T17:00:00-05:00', outcome, target, hours }) => {
    const result = measureSla(policies[sla], itemsOf([item]), contextAt(asOf));
    expect(result.eligible).toBe(1);
    expect(countsOf(result)).toEqual({
      ...countsOf({ met: 0, breached: 0, pending: 0, untargeted: 0, invalidOrder: 0 } as SlaCounts),
      [outcome]: 1,
    });
    if (target !== undefined)
      expect(result.targets.find((t) => t.id === target)).toMatchObject({ eligible: 1, [outcome]: 1 });
    const isStopped = item.to != null && at(item.to) <= at(asOf);
    const summary = isStopped ? result.response : result.openAge;
    if (outcome === 'invalidOrder') {
      expect([result.response.count, result.openAge.count]).toEqual([0, 0]);
    } else {
      expect(summary).toEqual({ count: 1, medianHours: hours, p90Hours: hours });
      expect((isStopped ? result.openAge : result.response).count).toBe(0);
    }
  });
});

describe('measureSla on a set of items', () => {
  // As of Thu 30 April 17:30; no holidays in April.
  const asOf = '2026-04-30T17:30:00-04:00';
  const escalating: Item[] = [
    { from: '2026-04-29T09:00:00-04:00', to: '2026-04-29T12:00:00-04:00' }, // 3h: met
    { from: '2026-04-29T09:00:00-04:00', to: '2026-04-29T13:00:00-04:00' }, // 4h: met at the deadline, reaches the 4h step
    { from: '2026-04-28T10:00:00-04:00', to: '2026-04-29T10:00:00-04:00' }, // 7.5h + 1.5h = 9h: breached, reaches 1d
    { from: '2026-04-15T16:30:00-04:00' }, // open 1 + 18 + 45 + 36 = 100h: breached, recycled (10d = 90h)
    { from: '2026-04-30T12:30:00-04:00' }, // open 5h: breached
    { from: '2026-04-30T15:30:00-04:00' }, // open 2h: pending
  ];

  it('counts escalation steps reached, recycled items, compliance, response and open age', () => {
    const result = measureSla(speed, itemsOf(escalating), contextAt(asOf));
    expect(countsOf(result)).toEqual({ met: 2, breached: 3, pending: 1, untargeted: 0, invalidOrder: 0 });
    expect(result.compliance).toBe(0.4);
    expect(result.escalations).toEqual([
      { after: '4h', afterHours: 4, notify: 'sdr-manager', reached: 4 },
      { after: '1d', afterHours: 9, notify: 'head-of-sales-development', reached: 2 },
    ]);
    expect(result.recycled).toBe(1);
    expect(result.response).toEqual({ count: 3, medianHours: 4, p90Hours: 9 });
    expect(result.openAge).toEqual({ count: 3, medianHours: 5, p90Hours: 100 });
    expect(result.targets.map((t) => [t.id, t.withinHours, t.eligible, t.compliance])).toEqual([
      ['hand-raiser', 1, 0, null],
      ['enterprise', 2, 0, null],
      ['default', 4, 6, 0.4],
    ]);
  });

  it("judges compliance against the policy's own target, exactly, and not without one", () => {
    // 2 met of 5 decided = 0.4: below 0.9, at 0.4 exactly, and no judgement without a target.
    const judge = (target: number | undefined) =>
      measureSla(withSpec(speed, { complianceTarget: target }), itemsOf(escalating), contextAt(asOf));
    expect(judge(0.9)).toMatchObject({ decided: 5, complianceTarget: 0.9, isComplianceMet: false });
    expect(judge(0.4)).toMatchObject({ complianceTarget: 0.4, isComplianceMet: true });
    expect(judge(undefined)).toMatchObject({ decided: 5, complianceTarget: null, isComplianceMet: null });
  });

  it('compares compliance with its target exactly, not on the 4-place figure', () => {
    // 2 met of 3 decided: compliance shows 0.6667, but 2/3 = 0.66666… < 0.6667.
    const list: Item[] = [
      { from: '2026-04-28T10:00:00-04:00', to: '2026-04-28T10:30:00-04:00' },
      { from: '2026-04-28T10:00:00-04:00', to: '2026-04-28T11:00:00-04:00' },
      { from: '2026-04-28T10:00:00-04:00', to: '2026-04-29T10:00:00-04:00' },
    ];
    const judge = (target: number) =>
      measureSla(withSpec(speed, { complianceTarget: target, escalation: [] }), itemsOf(list), contextAt(asOf));
    expect(judge(0.6667)).toMatchObject({ compliance: 0.6667, decided: 3, isComplianceMet: false });
    expect(judge(0.6666)).toMatchObject({ isComplianceMet: true });
  });

  it('counts a recycled item as breached even before its deadline, and an untargeted one as recycled only', () => {
    const recycleEarly = withSpec(speedNoDefault, { recycle: { after: '1h', toClass: 'nurture' }, escalation: [] });
    const items: Item[] = [
      { from: '2026-04-30T15:30:00-04:00', lead: { segment: 'enterprise' } }, // open 2h of enterprise 2h: breached anyway
      { from: '2026-04-30T16:00:00-04:00', lead: { demo_requested: true } }, // open 1.5h of 1h: breached anyway
      { from: '2026-04-30T16:45:00-04:00', lead: { segment: 'enterprise' } }, // open 0.75h: pending, not recycled
      { from: '2026-04-30T16:00:00-04:00', lead: { segment: 'enterprise', demo_requested: false } }, // open 1.5h of 2h: recycled, so breached
      { from: '2026-04-30T15:00:00-04:00' }, // smb, no target: untargeted, recycled
    ];
    const result = measureSla(recycleEarly, itemsOf(items), contextAt(asOf));
    expect(countsOf(result)).toEqual({ met: 0, breached: 3, pending: 1, untargeted: 1, invalidOrder: 0 });
    expect(result.recycled).toBe(4);
    expect(result.escalations).toEqual([]);
  });

  it('groups by owner and team, sorted by id, the no-owner group last', () => {
    const met = { from: '2026-03-10T09:00:00-04:00', to: '2026-03-10T10:00:00-04:00' };
    const late = { from: '2026-03-10T09:00:00-04:00', to: '2026-03-10T14:00:00-04:00' };
    const open = { from: '2026-03-20T10:00:00-04:00' };
    const items: Item[] = [
      { ...met, owner: 'u2' },
      { ...late, owner: 'u1' },
      { ...met, owner: 'u1' },
      { ...open, owner: 'a1' },
      { ...met, owner: 'u3' },
      { ...late, owner: 'u9' },
      { ...met, owner: null },
      { ...met, to: '2026-03-10T08:00:00-04:00', owner: null },
      { from: null, owner: 'u5' },
    ];
    const result = measureSla(speed, itemsOf(items), contextAt('2026-03-20T12:00:00-04:00'));
    const row = (c: SlaCounts) => [c.eligible, c.met, c.breached, c.pending, c.invalidOrder, c.compliance];
    expect(result.byOwner.map((o) => [o.ownerId, o.name, o.team, ...row(o)])).toEqual([
      ['a1', 'Dee', 'ae', 1, 0, 0, 1, 0, null],
      ['u1', 'Ana', 'sdr', 2, 1, 1, 0, 0, 0.5],
      ['u2', 'Ben', 'sdr', 1, 1, 0, 0, 0, 1],
      ['u3', 'Cy', null, 1, 1, 0, 0, 0, 1],
      ['u9', null, null, 1, 0, 1, 0, 0, 0],
      [null, null, null, 2, 1, 0, 0, 1, 1],
    ]);
    expect(result.byTeam.map((t) => [t.team, ...row(t)])).toEqual([
      ['ae', 1, 0, 0, 1, 0, null],
      ['sdr', 3, 2, 1, 0, 0, 0.6667],
      [null, 4, 2, 1, 0, 1, 0.6667],
    ]);
    expect(result.eligible).toBe(8);
  });

  const weekly: Item[] = [
    { from: '2026-02-27T09:00:00-05:00', to: '2026-02-27T10:00:00-05:00' }, // before the window
    { from: '2026-03-02T00:00:00-05:00', to: '2026-03-02T10:00:00-05:00' }, // at its start: 1.5h, met, W10
    { from: '2026-03-03T09:00:00-05:00', to: '2026-03-03T10:00:00-05:00' }, // met, W10
    { from: '2026-03-10T09:00:00-04:00', to: '2026-03-10T14:00:00-04:00' }, // breached, W11
    { from: '2026-03-20T10:00:00-04:00' }, // pending, W12
    { from: '2026-03-20T12:00:00-04:00' }, // at as-of, the window's end: not eligible
  ];
  const weeklyContext = contextAt('2026-03-20T12:00:00-04:00', '2026-03-02T00:00:00-05:00');

  it('reports by ISO week of the from-event, the window edges included and excluded as they should be', () => {
    const result = measureSla(speed, itemsOf(weekly), weeklyContext);
    expect(result.byWeek.map((w) => [w.label, w.eligible, w.met, w.breached, w.pending, w.compliance])).toEqual([
      ['2026-W10', 2, 2, 0, 0, 1],
      ['2026-W11', 1, 0, 1, 0, 0],
      ['2026-W12', 1, 0, 0, 1, null],
    ]);
    expect(result.eligible).toBe(4);
  });

  it('tallies any sub-window or period from the row outcomes, without measuring again', () => {
    const items = itemsOf(weekly);
    const outcomes = measureSlaRows(speed, items, weeklyContext);
    const sub = {
      label: 'from 9 March',
      start: at('2026-03-09T00:00:00-04:00'),
      end: at('2026-03-21T00:00:00-04:00'),
      covered: 1,
    };
    expect(tallySlaByPeriod(outcomes, items.from, [sub])).toEqual([
      { eligible: 2, met: 0, breached: 1, pending: 1, untargeted: 0, invalidOrder: 0, compliance: 0 },
    ]);
    const months = listPeriods('month', weeklyContext.window, weeklyContext.timeZone);
    expect(tallySlaByPeriod(outcomes, items.from, months).map((m) => [m.eligible, m.compliance])).toEqual([
      [4, 0.6667],
    ]);
  });

  it('gives zeros and nulls, never NaN, for no items', () => {
    for (const list of [
      [],
      [{ from: null }, { from: '2025-12-01T09:00:00-05:00', to: '2025-12-01T10:00:00-05:00' }],
    ] as Item[][]) {
      const result = measureSla(speed, itemsOf(list), contextAt('2026-01-15T12:00:00-05:00'));
      expect(JSON.parse(JSON.stringify(result)) as SlaResult).toEqual(result);
      expect(result).toMatchObject({
        eligible: 0,
        compliance: null,
        response: { count: 0, medianHours: null, p90Hours: null },
        openAge: { count: 0, medianHours: null, p90Hours: null },
        recycled: 0,
        byOwner: [],
        byTeam: [],
        ruleErrors: { count: 0, example: null },
      });
      expect(result.targets.every((t) => t.eligible === 0 && t.compliance === null)).toBe(true);
      expect(result.escalations.map((e) => e.reached)).toEqual([0, 0]);
      expect(result.byWeek.map((w) => w.label)).toEqual(['2026-W01', '2026-W02', '2026-W03']);
    }
  });

  it('describes the policy it measured', () => {
    const result = measureSla(sql, itemsOf([]), contextAt('2026-01-15T12:00:00-05:00'));
    expect(result).toMatchObject({
      name: 'sql-acceptance',
      file: 'policies/sla-sal-acceptance.yaml',
      from: 'sql_qualified',
      to: 'opportunity_created',
      calendar: 'us-business-hours',
      workingDayHours: 9,
      ownerTeam: 'ae',
      targets: [{ id: 'default', within: '2d', withinHours: 18 }],
      escalations: [{ after: '2d', afterHours: 18, notify: 'sales-manager', reached: 0 }],
    });
  });

  it('counts an item whose target rule fails as untargeted and reports the failure, without stopping', () => {
    const byAge = withSpec(speed, {
      targets: [
        { id: 'stale', when: { '>': [{ days_since: [{ var: 'title' }] }, 30] }, within: '1h' },
        ...speed.spec.targets,
      ],
    });
    const items: Item[] = [
      { from: '2026-03-10T09:00:00-04:00', to: '2026-03-10T10:00:00-04:00', lead: { title: 'not a date' } },
      { from: '2026-03-10T09:00:00-04:00', to: '2026-03-10T10:00:00-04:00' },
    ];
    const result = measureSla(byAge, itemsOf(items), contextAt('2026-03-20T12:00:00-04:00'));
    expect(countsOf(result)).toEqual({ met: 1, breached: 0, pending: 0, untargeted: 1, invalidOrder: 0 });
    expect(result.ruleErrors.count).toBe(1);
    expect(result.ruleErrors.example).toMatchObject({ id: 'L0' });
    expect(result.ruleErrors.example?.message).toMatch(/days_since/);
  });

  it('says which calendar is missing', () => {
    const ctx = { ...contextAt('2026-01-15T12:00:00-05:00'), calendars: new Map() };
    expect(() => measureSla(speed, itemsOf([]), ctx)).toThrow(/calendar `us-business-hours` is not loaded/);
  });
});
