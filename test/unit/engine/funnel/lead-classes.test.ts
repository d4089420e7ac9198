import { describe, expect, it } from 'vitest';
import { compileLeadDefinition } from '../../../../src/core/engine/classify.js';
import { resolveEvents } from '../../../../src/core/engine/events.js';
import type { QualifiedEvent } from '../../../../src/core/engine/events.js';
import { classifyLeads } from '../../../../src/core/engine/replay-classes.js';
import type { Fields } from '../helpers.js';
import { context, DAY, evaluate, funnel, iso, leadDefinition, ms, pipeline, policySet, stageOf } from '../helpers.js';

// Lead definition: fit 30 for 200+ employees, engagement 40 for a trial (halving every 30
// days since last_engaged_at); 60 or more is an MQL, competitors are excluded.
const window = { from: '2026-01-05T00:00Z', asOf: '2026-01-26T00:00Z' };
const good = { employee_count: 500, trial_signup: true }; // 30 + 40 = 70: an MQL

const cases: { name: string; lead: Fields; mql: string | null }[] = [
  {
    name: 'qualified, no mql_at: modelled at last_engaged_at',
    lead: { id: 'Q1', created_at: '2026-01-06T09:00Z', last_engaged_at: '2026-01-08T09:00Z', ...good },
    mql: '2026-01-08T09:00Z',
  },
  {
    name: 'qualified, no mql_at, engaged before it was created: modelled at created_at',
    lead: { id: 'Q2', created_at: '2026-01-13T10:00Z', last_engaged_at: '2026-01-01T00:00Z', ...good },
    mql: '2026-01-13T10:00Z',
  },
  {
    name: 'qualified, no mql_at, never engaged: modelled at created_at',
    lead: { id: 'Q3', created_at: '2026-01-20T00:00Z', ...good },
    mql: '2026-01-20T00:00Z',
  },
  {
    name: 'qualified with an mql_at: the CRM’s time',
    lead: {
      id: 'R1',
      created_at: '2026-01-07T00:00Z',
      last_engaged_at: '2026-01-08T00:00Z',
      mql_at: '2026-01-09T12:00Z',
      ...good,
    },
    mql: '2026-01-09T12:00Z',
  },
  {
    name: 'mql_at recorded but the policy does not qualify it (fit 0 + 40 = 40): no mql entry',
    lead: {
      id: 'N1',
      created_at: '2026-01-07T00:00Z',
      mql_at: '2026-01-08T00:00Z',
      employee_count: 10,
      trial_signup: true,
    },
    mql: null,
  },
  {
    name: 'mql_at recorded but excluded as a competitor: no mql entry',
    lead: { id: 'X1', created_at: '2026-01-07T00:00Z', mql_at: '2026-01-10T00:00Z', is_competitor: true, ...good },
    mql: null,
  },
  {
    // Engaged 146 days before as-of: decayed, engagement would be 40 × 0.5^(146/30) ≈ 1.4.
    name: 'engaged long ago: qualified as it was then, modelled at last_engaged_at',
    lead: { id: 'D1', created_at: '2025-09-01T00:00Z', last_engaged_at: '2025-09-02T00:00Z', ...good },
    mql: '2025-09-02T00:00Z',
  },
  {
    name: 'created after as-of, qualified: no entry',
    lead: { id: 'F1', created_at: '2026-01-27T00:00Z', ...good },
    mql: null,
  },
  {
    name: 'created after as-of with an mql_at before it, not qualified: no entry',
    lead: { id: 'F2', created_at: '2026-01-28T00:00Z', mql_at: '2026-01-25T00:00Z', employee_count: 10 },
    mql: null,
  },
];

const data = pipeline({ leads: cases.map((c) => c.lead) });

describe('lead class replay: mql entry times', () => {
  const spec = funnel().spec;
  const ctx = context(window);
  const stageOrder = new Map(spec.stages.map((s, i) => [s.id, i]));
  const classes = classifyLeads(leadDefinition(), stageOrder, data.leads, { asOf: ctx.asOf, calendars: ctx.calendars });
  const qualified = new Map<string, QualifiedEvent>([['mql_reached', { stageOrder: 1, classes }]]);
  const { events, qualification } = resolveEvents(
    { funnel: spec, leads: data.leads, opportunities: [], activityIndex: {}, qualified },
    ctx,
  );
  const times = events.get('mql_reached')?.times ?? new Float64Array();

  it.each(cases.map((c, i) => ({ ...c, i })))('$name', ({ i, mql }) => {
    expect(iso(times[i] ?? NaN)).toBe(mql === null ? null : new Date(ms(mql)).toISOString());
  });

  it('counts the modelled entries (Q1 Q2 Q3 D1) and the recorded ones it does not qualify (N1 X1)', () => {
    expect(qualification.get('mql_reached')).toEqual({ modelled: 4, notQualified: 2 });
  });

  it('would not qualify the long-ago lead with decay: the replay scores without it', () => {
    const decayed = compileLeadDefinition(leadDefinition(), { asOf: ctx.asOf, decay: true }).classify(
      data.leads[6] as Record<string, unknown>,
    );
    // 2 Sep → 26 Jan = 28 + 31 + 30 + 31 + 26 = 146 days.
    expect((ctx.asOf - ms('2025-09-02T00:00Z')) / DAY).toBe(146);
    expect(decayed.engagement).toBeCloseTo(40 * 0.5 ** (146 / 30), 9);
    expect(decayed.class).toBe('nurture');
    expect(classes.classIds[classes.classOf[6] as number]).toBe('mql');
  });
});

describe('lead class replay in the evaluation', () => {
  const report = evaluate(policySet(funnel(), leadDefinition()), data, window);

  it('classes the leads created by as-of (F1 and F2 are not)', () => {
    expect(report.classification).toMatchObject({
      definition: 'test-lead-definition',
      leads: 7,
      classes: [
        { class: 'excluded', stage: null, count: 1, share: 0.1429 }, // X1: 1/7
        { class: 'mql', stage: 'mql', count: 5, share: 0.7143 }, // Q1 Q2 Q3 R1 D1: 5/7
        { class: 'nurture', stage: null, count: 1, share: 0.1429 }, // N1
      ],
      byRule: [
        { reason: 'default', rule: null, count: 1 },
        { reason: 'exclusion', rule: 'competitor', count: 1 },
        { reason: 'threshold', rule: 'mql', count: 5 },
      ],
      modelledEntries: [{ stage: 'mql', count: 4, basis: 'last_engaged_at, else created_at' }],
      notQualified: [{ stage: 'mql', count: 2 }],
    });
  });

  it('counts only qualified leads as mql arrivals, modelled ones included', () => {
    // In the window: Q1 (8 Jan), R1 (9 Jan), Q2 (13 Jan), Q3 (20 Jan); D1 entered in September.
    const mql = stageOf(report.funnel, 'mql');
    expect(mql.arrivals).toBe(4);
    // Nothing reaches sal: every qualified lead is still in mql.
    expect(mql.openAtAsOf).toBe(5);
  });
});

describe('a rule that fails on a lead', () => {
  // `>` on an object fails: the fit rule cannot be evaluated for a lead whose employee_count is one.
  const definition = leadDefinition({
    scoring: { fit: { rules: [{ id: 'target-size', points: 30, when: { '>=': [{ var: 'employee_count' }, 200] } }] } },
  });
  const broken = (fields: Record<string, unknown>): Record<string, unknown> =>
    Object.setPrototypeOf({ employee_count: Object.create(null) as object, ...fields }, null) as Record<
      string,
      unknown
    >;

  it('does not stop a lead that is decided before the rule is consulted', () => {
    const classifier = compileLeadDefinition(definition, { asOf: 0 });
    expect(classifier.classify(broken({ is_competitor: true })).class).toBe('excluded');
  });

  it('fails the lead, at the rule, when the rule is needed', () => {
    const classifier = compileLeadDefinition(definition, { asOf: 0 });
    expect(() => classifier.classify(broken({ is_competitor: false }))).toThrow(/>=/);
  });
});
