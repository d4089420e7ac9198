import { phraseWarning } from '../../../../src/reporters/phrase-warning.js';
import type { EngineWarning } from '../../../../src/core/report/warnings.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareData } from '../../../../src/core/engine/evaluate.js';
import { resolveEvents } from '../../../../src/core/engine/events.js';
import { trackStages } from '../../../../src/core/engine/stages.js';
import type { StageTrack } from '../../../../src/core/engine/stages.js';
import type { Policy } from '../../../../src/core/policy/types.js';
import type { Fields } from '../helpers.js';
import { DAY, context, funnel, funnelOf, iso, ms, pipeline, policy, stageOf, tracksOf } from '../helpers.js';

const window = { from: '2026-01-05T00:00Z', asOf: '2026-02-02T00:00Z' };

/** lead (created_at) → mql (mql_at) → won / lost (the lead's opportunity closing): no opportunity stage of its own. */
function mqlToWon(): Policy<'Funnel'> {
  const full = funnel().spec;
  const keep = new Set(['lead', 'mql', 'won', 'lost']);
  return policy('Funnel', 'mql-to-won', { ...full, stages: full.stages.filter((s) => keep.has(s.id)) });
}

const trackOf = (tracks: StageTrack[], id: string): StageTrack => {
  const track = tracks.find((t) => t.stage.id === id);
  if (track === undefined) throw new Error(`no stage ${id}`);
  return track;
};

describe('a lead stage followed only by terminal opportunity stages', () => {
  const data = pipeline({
    leads: [
      { id: 'won-lead', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-06T00:00Z' },
      { id: 'lost-lead', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-07T00:00Z' },
      { id: 'open-lead', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-08T00:00Z' },
      { id: 'two-deals', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-09T00:00Z' },
    ],
    opportunities: [
      { id: 'O1', lead_id: 'won-lead', created_at: '2026-01-10T00:00Z', closed_at: '2026-01-20T00:00Z', won: true },
      { id: 'O2', lead_id: 'lost-lead', created_at: '2026-01-10T00:00Z', closed_at: '2026-01-21T00:00Z', won: false },
      { id: 'O3', lead_id: 'open-lead', created_at: '2026-01-10T00:00Z', closed_at: null, won: null },
      // The earlier close decides: won on the 15th, before the loss on the 25th.
      { id: 'O4', lead_id: 'two-deals', created_at: '2026-01-10T00:00Z', closed_at: '2026-01-25T00:00Z', won: false },
      { id: 'O5', lead_id: 'two-deals', created_at: '2026-01-11T00:00Z', closed_at: '2026-01-15T00:00Z', won: true },
    ],
  });

  it('leaves when the lead’s opportunity closes: a win advances, a loss drops', () => {
    const mql = trackOf(tracksOf(mqlToWon(), data, window), 'mql');
    expect([...mql.exit].map(iso)).toEqual([
      '2026-01-20T00:00:00.000Z',
      '2026-01-21T00:00:00.000Z',
      null,
      '2026-01-15T00:00:00.000Z',
    ]);
    expect([...mql.advanced]).toEqual([1, 0, 0, 1]);
    expect(mql.next?.stage.id).toBe('won');
  });

  it('says when won deals arrive in won without a lead leaving mql for them', () => {
    const odd = pipeline({
      leads: [
        { id: 'won-lead', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-06T00:00Z' },
        // Qualified after its deal closed: the close is earlier than the entry and is ignored.
        { id: 'late-lead', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-20T00:00Z' },
      ],
      opportunities: [
        { id: 'O1', lead_id: 'won-lead', created_at: '2026-01-10T00:00Z', closed_at: '2026-01-12T00:00Z', won: true },
        { id: 'O2', lead_id: 'late-lead', created_at: '2026-01-10T00:00Z', closed_at: '2026-01-15T00:00Z', won: true },
        // Its lead is not in the data (a rejected row, another export).
        { id: 'O3', lead_id: 'missing', created_at: '2026-01-10T00:00Z', closed_at: '2026-01-16T00:00Z', won: true },
      ],
    });
    // MQL is the first stage, as in the Olist export: no earlier lead stage to pass through it.
    const full = mqlToWon().spec;
    const spec = { ...full, stages: full.stages.filter((x) => x.id !== 'lead') };
    const ctx = context(window);
    const { events } = resolveEvents(
      { funnel: spec, leads: odd.leads, opportunities: odd.opportunities, activityIndex: {}, qualified: new Map() },
      ctx,
    );
    const warnings: EngineWarning[] = [];
    const tracks = trackStages(
      spec,
      events,
      odd.leads,
      odd.opportunities,
      ctx.asOf,
      prepareData(odd).leadOfOpportunity,
      undefined,
      warnings,
    );
    expect([...trackOf(tracks, 'mql').advanced]).toEqual([1, 0]);
    expect(warnings.map(phraseWarning)).toEqual([
      expect.stringMatching(/^2 won deals arrive in stage won without a lead advancing out of stage mql for them/),
    ]);
  });

  it('converts in the report: 2 of 4 MQLs advanced (the won lead and the lead whose first close was a win)', () => {
    const mql = stageOf(funnelOf(mqlToWon(), data, window), 'mql');
    expect(mql.arrivals).toBe(4);
    expect(mql.advanced).toBe(2);
    expect(mql.dropped).toBe(1);
    expect(mql.conversionCohort).toBe(0.5);
    expect(mql.conversionPeriod).toBe(0.5);
  });
});

describe('passing through a stage without its own stamp', () => {
  it('counts a lead that skips mql and sal as arriving in both when its opportunity is created', () => {
    const data = pipeline({
      leads: [{ id: 'L', created_at: '2026-01-05T00:00Z' }],
      opportunities: [{ id: 'O', lead_id: 'L', created_at: '2026-01-09T00:00Z' }],
    });
    const tracks = tracksOf(funnel(), data, window);
    for (const id of ['mql', 'sal']) {
      const track = trackOf(tracks, id);
      expect([iso(track.entry[0] ?? NaN), iso(track.exit[0] ?? NaN), track.advanced[0]]).toEqual([
        '2026-01-09T00:00:00.000Z',
        '2026-01-09T00:00:00.000Z',
        1,
      ]);
    }
  });

  it('never writes into the event times it was given, which another evaluation may share', () => {
    const data = pipeline({ leads: [{ id: 'L', created_at: '2026-01-05T00:00Z', sal_at: '2026-01-07T00:00Z' }] });
    const ctx = context(window);
    const spec = funnel().spec;
    const { events } = resolveEvents(
      { funnel: spec, leads: data.leads, opportunities: data.opportunities, activityIndex: {}, qualified: new Map() },
      ctx,
    );
    const mqlTimes = events.get('mql_reached')?.times;
    const before = mqlTimes === undefined ? [] : [...mqlTimes];
    const tracks = trackStages(
      spec,
      events,
      data.leads,
      data.opportunities,
      ctx.asOf,
      prepareData(data).leadOfOpportunity,
    );
    expect(iso(trackOf(tracks, 'mql').entry[0] ?? NaN)).toBe('2026-01-07T00:00:00.000Z');
    expect(mqlTimes === undefined ? [] : [...mqlTimes]).toEqual(before);
    expect(Number.isNaN(before[0])).toBe(true);
  });
});

it('warns when leads advance to an opportunity known only by their opportunity_at stamp', () => {
  const data = pipeline({
    leads: [
      {
        id: 'A',
        created_at: '2026-01-05T00:00Z',
        mql_at: '2026-01-06T00:00Z',
        sal_at: '2026-01-07T00:00Z',
        opportunity_at: '2026-01-08T00:00Z',
      },
      { id: 'B', created_at: '2026-01-05T00:00Z', mql_at: '2026-01-06T00:00Z', sal_at: '2026-01-07T00:00Z' },
    ],
    opportunities: [{ id: 'O', lead_id: 'B', created_at: '2026-01-09T00:00Z' }],
  });
  const ctx = context(window);
  const spec = funnel().spec;
  const { events } = resolveEvents(
    { funnel: spec, leads: data.leads, opportunities: data.opportunities, activityIndex: {}, qualified: new Map() },
    ctx,
  );
  const warnings: EngineWarning[] = [];
  trackStages(
    spec,
    events,
    data.leads,
    data.opportunities,
    ctx.asOf,
    prepareData(data).leadOfOpportunity,
    undefined,
    warnings,
  );
  expect(warnings).toHaveLength(1);
  expect(phraseWarning(warnings[0]!)).toMatch(
    /^1 leads advanced to stage opportunity by their opportunity_at stamp alone/,
  );
});

/**
 * Random leads whose stamps follow the stage order with gaps (a CRM that skips stages),
 * some disqualified, some with an opportunity that may close.
 */
const leadArbitrary = fc.record({
  created: fc.integer({ min: -10, max: 25 }),
  steps: fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { minLength: 3, maxLength: 3 }),
  disqualifyAfter: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  close: fc.option(fc.record({ after: fc.integer({ min: 0, max: 10 }), won: fc.boolean() }), { nil: null }),
});

type RandomLead = typeof leadArbitrary extends fc.Arbitrary<infer T> ? T : never;

function buildData(leads: RandomLead[]) {
  const day = (n: number): string => new Date(ms(window.from) + n * DAY).toISOString();
  const leadRows: Fields[] = [];
  const opportunities: Fields[] = [];
  leads.forEach((l, i) => {
    let t = l.created;
    const stamps: (number | null)[] = l.steps.map((s) => {
      if (s === null) return null;
      t += s;
      return t;
    });
    const [mql, sal, opp] = stamps;
    const row: Fields = {
      id: `L${i}`,
      created_at: day(l.created),
      mql_at: mql == null ? null : day(mql),
      sal_at: sal == null ? null : day(sal),
    };
    if (l.disqualifyAfter !== null) row.disqualified_at = day(t + l.disqualifyAfter);
    leadRows.push(row);
    if (opp != null) {
      const closed = l.close === null ? null : opp + l.close.after;
      opportunities.push({
        id: `O${i}`,
        lead_id: `L${i}`,
        created_at: day(opp),
        closed_at: closed === null ? null : day(closed),
        won: l.close === null ? null : l.close.won,
      });
    }
  });
  return pipeline({ leads: leadRows, opportunities });
}

describe('stage figures agree with each other (property)', () => {
  const funnels: [string, Policy<'Funnel'>][] = [
    ['lead → mql → sal → opportunity → won/lost', funnel()],
    ['lead → mql → won/lost', mqlToWon()],
  ];
  it.each(funnels)('%s', (_name, policy) => {
    fc.assert(
      fc.property(fc.array(leadArbitrary, { minLength: 1, maxLength: 25 }), (leads) => {
        const data = buildData(leads);
        const tracks = tracksOf(policy, data, window);
        const section = funnelOf(policy, data, window);
        const start = ms(window.from);
        const end = ms(window.asOf);
        for (const track of tracks) {
          const report = stageOf(section, track.stage.id);
          if (report.conversionCohort !== null) expect(report.conversionCohort).toBeGreaterThanOrEqual(0);
          if (report.conversionCohort !== null) expect(report.conversionCohort).toBeLessThanOrEqual(1);
          for (const p of report.periods) expect(p.wipAtEnd).toBeGreaterThanOrEqual(0);
          const next = track.next;
          if (next === null || next.entity !== track.entity) continue;
          // Of the window's arrivals in this stage, those that advanced by as-of are exactly
          // those that arrived in the next stage by as-of (after entering this one).
          let advanced = 0;
          let reachedNext = 0;
          for (let i = 0; i < track.entry.length; i++) {
            const entered = track.entry[i] as number;
            if (!(entered >= start && entered < end)) continue;
            if (track.advanced[i] === 1) advanced++;
            const arrived = next.entry[i] as number;
            if (arrived >= entered && arrived <= ms(window.asOf)) reachedNext++;
          }
          expect(reachedNext).toBe(advanced);
          // What leaves a stage forward in the window arrives in the next within it.
          expect(stageOf(section, next.stage.id).arrivals).toBeGreaterThanOrEqual(report.advanced);
        }
      }),
      { numRuns: 200 },
    );
  });
});
