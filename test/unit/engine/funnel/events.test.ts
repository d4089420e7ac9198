import { prepareData } from '../../../../src/core/engine/evaluate.js';
import { describe, expect, it } from 'vitest';
import { indexActivities } from '../../../../src/core/engine/activity-index.js';
import { resolveEvents } from '../../../../src/core/engine/events.js';
import type { QualifiedEvent } from '../../../../src/core/engine/events.js';
import { classifyLeads } from '../../../../src/core/engine/replay-classes.js';
import type { FunnelSpec } from '../../../../src/core/policy/types.js';
import type { Fields } from '../helpers.js';
import { context, funnel, iso, leadDefinition, pipeline } from '../helpers.js';

const window = { from: '2026-01-05T00:00Z', asOf: '2026-01-26T00:00Z' };

/** The test funnel with an SDR's first call or email after the MQL, listed before the event it follows. */
function withFirstTouch(): FunnelSpec {
  const spec = funnel().spec;
  const firstTouch: FunnelSpec['events'][number] = {
    id: 'first_touch',
    entity: 'lead',
    activity: { types: ['call', 'email'], byRoles: ['sdr'], after: 'mql_reached' },
  };
  return { ...spec, events: [firstTouch, ...spec.events] };
}

const users = [
  { id: 'sdr-1', role: 'sdr' },
  { id: 'ae-1', role: 'ae' },
];
const touch = (lead: string, at: string, type = 'call', actor = 'sdr-1'): Fields => ({
  id: `${lead}-${at}`,
  lead_id: lead,
  at,
  type,
  actor_id: actor,
});

interface Case {
  name: string;
  lead: Fields;
  activities: Fields[];
  firstTouch: string | null;
}

const cases: Case[] = [
  {
    name: 'the earliest SDR call or email at or after the MQL',
    lead: { id: 'T1', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-06T09:00Z' },
    activities: [
      touch('T1', '2026-01-07T10:00Z', 'email'),
      touch('T1', '2026-01-06T09:00Z'),
      touch('T1', '2026-01-06T08:59Z'),
    ],
    firstTouch: '2026-01-06T09:00Z', // 08:59 is before the MQL; 09:00 is at it
  },
  {
    name: 'not by another role, not another type',
    lead: { id: 'T2', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-06T09:00Z' },
    activities: [
      touch('T2', '2026-01-06T10:00Z', 'call', 'ae-1'),
      touch('T2', '2026-01-06T11:00Z', 'meeting'),
      touch('T2', '2026-01-06T12:00Z', 'call', 'nobody'),
      touch('T2', '2026-01-08T12:00Z'),
    ],
    firstTouch: '2026-01-08T12:00Z',
  },
  {
    name: 'not after as-of',
    lead: { id: 'T3', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-06T09:00Z' },
    activities: [touch('T3', '2026-01-26T00:01Z')],
    firstTouch: null,
  },
  {
    name: 'none without the event it follows',
    lead: { id: 'T4', created_at: '2026-01-05T00:00Z' },
    activities: [touch('T4', '2026-01-07T10:00Z')],
    firstTouch: null,
  },
];

describe('resolveEvents: an activity event', () => {
  const data = pipeline({ leads: cases.map((c) => c.lead), activities: cases.flatMap((c) => c.activities), users });
  const ctx = { ...context(window), users: new Map(data.users.map((u) => [String(u.id), u])) };
  const { events } = resolveEvents(
    {
      funnel: withFirstTouch(),
      leads: data.leads,
      opportunities: [],
      activityIndex: {
        lead: indexActivities(data.activities, data.leads.length, 'lead_id', prepareData(data).leadIndex),
      },
      qualified: new Map(),
    },
    ctx,
  );

  it.each(cases.map((c, i) => ({ ...c, i })))('$name', ({ i, firstTouch }) => {
    const t = events.get('first_touch')?.times[i] ?? NaN;
    expect(iso(t)).toBe(firstTouch === null ? null : new Date(firstTouch).toISOString());
  });
});

describe('resolveEvents: an activity event after a qualified one', () => {
  // Q qualifies (30 + 40) with no mql_at: modelled at last_engaged_at, 8 Jan. N has an mql_at but
  // does not qualify (0 + 40): it has no MQL, so no first touch after one.
  const data = pipeline({
    leads: [
      {
        id: 'Q',
        created_at: '2026-01-05T00:00Z',
        last_engaged_at: '2026-01-08T00:00Z',
        employee_count: 500,
        trial_signup: true,
      },
      { id: 'N', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-06T00:00Z', employee_count: 10, trial_signup: true },
    ],
    activities: [touch('Q', '2026-01-07T00:00Z'), touch('Q', '2026-01-09T00:00Z'), touch('N', '2026-01-07T00:00Z')],
    users,
  });

  it('follows the modelled time, and nothing follows an MQL the policy does not grant', () => {
    const spec = withFirstTouch();
    const ctx = { ...context(window), users: new Map(data.users.map((u) => [String(u.id), u])) };
    const stageOrder = new Map(spec.stages.map((s, i) => [s.id, i]));
    const classes = classifyLeads(leadDefinition(), stageOrder, data.leads, {
      asOf: ctx.asOf,
      calendars: ctx.calendars,
    });
    const qualified = new Map<string, QualifiedEvent>([['mql_reached', { stageOrder: 1, classes }]]);
    const { events } = resolveEvents(
      {
        funnel: spec,
        leads: data.leads,
        opportunities: [],
        activityIndex: {
          lead: indexActivities(data.activities, data.leads.length, 'lead_id', prepareData(data).leadIndex),
        },
        qualified,
      },
      ctx,
    );
    expect([...(events.get('mql_reached')?.times ?? [])].map(iso)).toEqual(['2026-01-08T00:00:00.000Z', null]);
    expect([...(events.get('first_touch')?.times ?? [])].map(iso)).toEqual(['2026-01-09T00:00:00.000Z', null]);
  });
});
