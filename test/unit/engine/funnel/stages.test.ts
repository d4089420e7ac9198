import { describe, expect, it } from 'vitest';
import type { PipelineData } from '../../../../src/core/data/types.js';
import { countStageSeries } from '../../../../src/core/engine/stage-series.js';
import type { StageTrack } from '../../../../src/core/engine/stages.js';
import type { FunnelSpec } from '../../../../src/core/policy/types.js';
import type { Entities } from '../helpers.js';
import { funnel, iso, ms, pipeline, tracksOf as tracksOfPolicy } from '../helpers.js';

const window = { from: '2026-01-05T00:00Z', asOf: '2026-01-26T00:00Z' };

function tracksOf(spec: FunnelSpec, data: PipelineData): StageTrack[] {
  return tracksOfPolicy({ ...funnel(), spec }, data, window);
}

/** Entry, exit (null: not by as-of) and whether leaving was an advance, of one row in one stage. */
interface Passage {
  entry: string | null;
  exit: string | null;
  advanced: boolean;
}

const stageIds = ['lead', 'mql', 'sal', 'opportunity', 'won', 'lost'] as const;

interface Case {
  name: string;
  data: Entities;
  /** The row followed: lead stages read leads[0], opportunity stages opportunities[0]. */
  expect: Partial<Record<(typeof stageIds)[number], Passage>>;
}

const z = (t: string): string => new Date(ms(t)).toISOString();
const passage = (entry: string | null, exit: string | null, advanced: boolean): Passage => ({
  entry: entry && z(entry),
  exit: exit && z(exit),
  advanced,
});

// Stages not listed in `expect` are never entered by the followed row.
const cases: Case[] = [
  {
    name: 'lead → mql → sal: advances twice, then waits in sal',
    data: {
      leads: [{ id: 'L', created_at: '2026-01-05T09:00Z', mql_at: '2026-01-06T09:00Z', sal_at: '2026-01-08T09:00Z' }],
    },
    expect: {
      lead: passage('2026-01-05T09:00Z', '2026-01-06T09:00Z', true),
      mql: passage('2026-01-06T09:00Z', '2026-01-08T09:00Z', true),
      sal: passage('2026-01-08T09:00Z', null, false),
    },
  },
  {
    name: 'disqualified in mql: leaves it dropped',
    data: {
      leads: [
        { id: 'L', created_at: '2026-01-05T10:00Z', mql_at: '2026-01-07T10:00Z', disqualified_at: '2026-01-09T10:00Z' },
      ],
    },
    expect: {
      lead: passage('2026-01-05T10:00Z', '2026-01-07T10:00Z', true),
      mql: passage('2026-01-07T10:00Z', '2026-01-09T10:00Z', false),
    },
  },
  {
    name: 'recycled in sal: leaves it dropped',
    data: {
      leads: [
        { id: 'L', created_at: '2026-01-05T10:00Z', sal_at: '2026-01-06T10:00Z', recycled_at: '2026-01-20T10:00Z' },
      ],
    },
    expect: {
      lead: passage('2026-01-05T10:00Z', '2026-01-06T10:00Z', true),
      // No mql stamp: the lead passes through mql the moment it enters sal.
      mql: passage('2026-01-06T10:00Z', '2026-01-06T10:00Z', true),
      sal: passage('2026-01-06T10:00Z', '2026-01-20T10:00Z', false),
    },
  },
  {
    name: 'still open in mql: no exit',
    data: { leads: [{ id: 'L', created_at: '2026-01-19T12:00Z', mql_at: '2026-01-20T12:00Z' }] },
    expect: {
      lead: passage('2026-01-19T12:00Z', '2026-01-20T12:00Z', true),
      mql: passage('2026-01-20T12:00Z', null, false),
    },
  },
  {
    name: 'disqualified after as-of: still open at as-of',
    data: {
      leads: [
        { id: 'L', created_at: '2026-01-19T12:00Z', mql_at: '2026-01-20T12:00Z', disqualified_at: '2026-01-27T00:00Z' },
      ],
    },
    expect: {
      lead: passage('2026-01-19T12:00Z', '2026-01-20T12:00Z', true),
      mql: passage('2026-01-20T12:00Z', null, false),
    },
  },
  {
    // sal_at (10th) and disqualified_at (11th) are before the lead's entry (12th): neither is an
    // exit from lead or mql. sal counts its own stamp as an entry, and the disqualification
    // after it as its exit.
    name: 'a later stage stamped before the entry is ignored as an exit',
    data: {
      leads: [
        {
          id: 'L',
          created_at: '2026-01-12T08:00Z',
          mql_at: '2026-01-13T08:00Z',
          sal_at: '2026-01-10T08:00Z',
          disqualified_at: '2026-01-11T08:00Z',
        },
      ],
    },
    expect: {
      lead: passage('2026-01-12T08:00Z', '2026-01-13T08:00Z', true),
      mql: passage('2026-01-13T08:00Z', null, false),
      sal: passage('2026-01-10T08:00Z', '2026-01-11T08:00Z', false),
    },
  },
  {
    name: 'skipping mql: leaves lead for sal, an advance, passing through mql',
    data: { leads: [{ id: 'L', created_at: '2026-01-05T00:00Z', sal_at: '2026-01-07T00:00Z' }] },
    expect: {
      lead: passage('2026-01-05T00:00Z', '2026-01-07T00:00Z', true),
      mql: passage('2026-01-07T00:00Z', '2026-01-07T00:00Z', true),
      sal: passage('2026-01-07T00:00Z', null, false),
    },
  },
  {
    name: 'sal → opportunity by lead_id: leaves sal when its earliest opportunity is created',
    data: {
      leads: [{ id: 'L', created_at: '2026-01-05T00:00Z', sal_at: '2026-01-06T00:00Z' }],
      opportunities: [
        { id: 'O1', lead_id: 'L', created_at: '2026-01-12T00:00Z' },
        { id: 'O2', lead_id: 'L', created_at: '2026-01-09T00:00Z' },
      ],
    },
    expect: {
      lead: passage('2026-01-05T00:00Z', '2026-01-06T00:00Z', true),
      mql: passage('2026-01-06T00:00Z', '2026-01-06T00:00Z', true),
      sal: passage('2026-01-06T00:00Z', '2026-01-09T00:00Z', true),
      opportunity: passage('2026-01-12T00:00Z', null, false),
    },
  },
  {
    name: 'sal → opportunity by the lead’s opportunity_at when no opportunity names it',
    data: {
      leads: [
        { id: 'L', created_at: '2026-01-05T00:00Z', sal_at: '2026-01-06T00:00Z', opportunity_at: '2026-01-08T00:00Z' },
      ],
      opportunities: [{ id: 'O1', lead_id: 'other', created_at: '2026-01-07T00:00Z' }],
    },
    expect: {
      lead: passage('2026-01-05T00:00Z', '2026-01-06T00:00Z', true),
      mql: passage('2026-01-06T00:00Z', '2026-01-06T00:00Z', true),
      sal: passage('2026-01-06T00:00Z', '2026-01-08T00:00Z', true),
      opportunity: passage('2026-01-07T00:00Z', null, false),
    },
  },
  {
    name: 'an opportunity created after as-of does not take the lead out of sal',
    data: {
      leads: [{ id: 'L', created_at: '2026-01-05T00:00Z', sal_at: '2026-01-06T00:00Z' }],
      opportunities: [{ id: 'O1', lead_id: 'L', created_at: '2026-01-27T00:00Z' }],
    },
    expect: {
      lead: passage('2026-01-05T00:00Z', '2026-01-06T00:00Z', true),
      mql: passage('2026-01-06T00:00Z', '2026-01-06T00:00Z', true),
      sal: passage('2026-01-06T00:00Z', null, false),
    },
  },
  {
    name: 'opportunity won: advances into won, which it never leaves',
    data: { opportunities: [{ id: 'O', created_at: '2026-01-10T00:00Z', closed_at: '2026-01-20T00:00Z', won: true }] },
    expect: {
      opportunity: passage('2026-01-10T00:00Z', '2026-01-20T00:00Z', true),
      won: passage('2026-01-20T00:00Z', null, false),
    },
  },
  {
    name: 'opportunity lost: leaves into lost, dropped',
    data: { opportunities: [{ id: 'O', created_at: '2026-01-10T00:00Z', closed_at: '2026-01-20T00:00Z', won: false }] },
    expect: {
      opportunity: passage('2026-01-10T00:00Z', '2026-01-20T00:00Z', false),
      lost: passage('2026-01-20T00:00Z', null, false),
    },
  },
  {
    name: 'opportunity open: no exit',
    data: { opportunities: [{ id: 'O', created_at: '2026-01-10T00:00Z', closed_at: null, won: null }] },
    expect: { opportunity: passage('2026-01-10T00:00Z', null, false) },
  },
  {
    name: 'opportunity won after as-of: open at as-of',
    data: { opportunities: [{ id: 'O', created_at: '2026-01-10T00:00Z', closed_at: '2026-01-30T00:00Z', won: true }] },
    expect: { opportunity: passage('2026-01-10T00:00Z', null, false) },
  },
];

describe('trackStages', () => {
  it.each(cases)('$name', ({ data, expect: expected }) => {
    const tracks = tracksOf(funnel().spec, pipeline(data));
    const actual = Object.fromEntries(
      tracks.map((t) => {
        const p: Passage = {
          entry: iso(t.entry[0] ?? NaN),
          exit: iso(t.exit[0] ?? NaN),
          advanced: t.advanced[0] === 1,
        };
        return [t.stage.id, p];
      }),
    );
    const never = passage(null, null, false);
    expect(actual).toEqual(Object.fromEntries(stageIds.map((id) => [id, expected[id] ?? never])));
  });

  it('measures conversion to the next stage that is not a loss; terminal stages have none', () => {
    const tracks = tracksOf(funnel().spec, pipeline({}));
    expect(tracks.map((t) => [t.stage.id, t.next?.stage.id ?? null])).toEqual([
      ['lead', 'mql'],
      ['mql', 'sal'],
      ['sal', 'opportunity'],
      ['opportunity', 'won'],
      ['won', null],
      ['lost', null],
    ]);
  });

  it('gives a lost stage listed before won no next stage', () => {
    const spec = funnel().spec;
    const [won, lost] = [spec.stages[4], spec.stages[5]];
    if (won === undefined || lost === undefined) throw new Error('test funnel changed');
    const reordered: FunnelSpec = { ...spec, stages: [...spec.stages.slice(0, 4), lost, won] };
    const tracks = tracksOf(reordered, pipeline({}));
    expect(tracks.map((t) => [t.stage.id, t.next?.stage.id ?? null])).toEqual([
      ['lead', 'mql'],
      ['mql', 'sal'],
      ['sal', 'opportunity'],
      ['opportunity', 'won'],
      ['lost', null],
      ['won', null],
    ]);
  });

  it('holds no WIP in terminal stages', () => {
    // Two deals won in W03 (Jan 12–19): two arrivals in won, none still "in" it.
    const data = pipeline({
      opportunities: [
        { id: 'O1', created_at: '2026-01-06T00:00Z', closed_at: '2026-01-13T00:00Z', won: true },
        { id: 'O2', created_at: '2025-12-01T00:00Z', closed_at: '2026-01-14T00:00Z', won: true },
      ],
    });
    const won = tracksOf(funnel().spec, data).find((t) => t.stage.id === 'won') as StageTrack;
    const weeks = [
      { label: 'W02', start: ms('2026-01-05T00:00Z'), end: ms('2026-01-12T00:00Z'), covered: 1 },
      { label: 'W03', start: ms('2026-01-12T00:00Z'), end: ms('2026-01-19T00:00Z'), covered: 1 },
      { label: 'W04', start: ms('2026-01-19T00:00Z'), end: ms('2026-01-26T00:00Z'), covered: 1 },
    ];
    const series = countStageSeries(won, weeks, { start: ms(window.from), end: ms(window.asOf) });
    expect([...series.arrivals]).toEqual([0, 2, 0]);
    expect([...series.exits]).toEqual([0, 0, 0]);
    expect([...series.wipAtEnd]).toEqual([0, 0, 0]);
    expect(series.wipAtStart).toBe(0);
  });
});
