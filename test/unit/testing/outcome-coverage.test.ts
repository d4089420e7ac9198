import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/core/logic/business-time.js';
import type {
  CompPlanSpec,
  CompPolicyTestSpec,
  HandoffSlaSpec,
  LeadPolicyTestSpec,
  SlaPolicyTestSpec,
} from '../../../src/core/policy/types.js';
import { runPolicyTests } from '../../../src/core/testing/run-policy-tests.js';
import type { PolicyTestReport } from '../../../src/core/testing/run-policy-tests.js';
import { leadDefinition, policy, policySet, revenueGoal } from '../engine/helpers.js';

/** Missing outcomes per decision id of the one policy of a kind, `{}` when fully covered. */
function missingOf(report: PolicyTestReport, kind: string): Record<string, string[]> {
  const cov = report.coverage.find((c) => c.kind === kind);
  if (cov === undefined) throw new Error(`no coverage for ${kind}`);
  return Object.fromEntries(cov.uncovered.map((u) => [`${u.kind} ${u.id}`, u.missing]));
}

/** Monday to Friday 09:00–17:00 UTC: a working day is 8 hours. */
const calendars = new Map([
  [
    'office',
    createBusinessCalendar(
      { timeZone: 'UTC', workingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }] },
      'office',
    ),
  ],
]);

const sla = policy('HandoffSla', 'follow-up', {
  from: 'mql_reached',
  to: 'first_touch',
  calendar: 'office',
  owner: 'sdr',
  targets: [
    { id: 'fast', when: { '==': [{ var: 'segment' }, 'enterprise'] }, within: '1h' },
    { id: 'default', within: '2h' },
  ],
  escalation: [{ after: '3h', notify: 'manager' }],
  recycle: { after: '2d', toClass: 'nurture' },
} as HandoffSlaSpec);

type SlaCase = SlaPolicyTestSpec['cases'][number];
// Monday 2026-03-02, as of Friday 17:00 UTC.
const slaCases: Record<string, SlaCase> = {
  enterpriseMet: {
    name: 'enterprise answered in 30 minutes',
    lead: { id: 'a', segment: 'enterprise' },
    from: '2026-03-02T09:00:00Z',
    to: '2026-03-02T09:30:00Z',
    expect: { status: 'met' },
  },
  defaultBreachedLate: {
    name: 'default answered after 4 hours',
    lead: { id: 'b' },
    from: '2026-03-02T09:00:00Z',
    to: '2026-03-02T13:00:00Z',
    expect: { status: 'breached' },
  },
  openPending: {
    name: 'default open for an hour',
    lead: { id: 'c' },
    from: '2026-03-06T16:00:00Z',
    expect: { status: 'pending' },
  },
  openRecycled: {
    name: 'default open all week',
    lead: { id: 'd' },
    from: '2026-03-02T09:00:00Z',
    expect: { status: 'breached' },
  },
};

function runSla(...names: (keyof typeof slaCases)[]): PolicyTestReport {
  const test = policy('PolicyTest', 'follow-up-tests', {
    handoffSla: 'follow-up',
    asOf: '2026-03-06T17:00:00Z',
    cases: names.map((n) => slaCases[n] as SlaCase),
  } satisfies SlaPolicyTestSpec);
  return runPolicyTests(policySet(sla, test), { calendars });
}

describe('outcome coverage of a handoff SLA', () => {
  it('counts an SLA no test names, with every outcome missing', () => {
    const report = runPolicyTests(policySet(sla), { calendars });
    expect(report.coverage).toEqual([
      expect.objectContaining({ kind: 'HandoffSla', policy: 'follow-up', cases: 0, total: 4, covered: 0 }),
    ]);
    expect(missingOf(report, 'HandoffSla')).toEqual({
      'sla-target fast': ['met', 'breached'],
      'sla-target default': ['met', 'breached'],
      'escalation-step after 3h': ['reached', 'not-reached'],
      'recycle after 2d': ['applied', 'not-applied'],
    });
    expect(report.coveragePercent).toBe(0);
  });

  it.each([
    // A stopped row says nothing about recycling, which only applies to open rows.
    [
      'enterpriseMet',
      {
        'sla-target fast': ['breached'],
        'sla-target default': ['met', 'breached'],
        'escalation-step after 3h': ['reached'],
        'recycle after 2d': ['applied', 'not-applied'],
      },
    ],
    [
      'defaultBreachedLate',
      {
        'sla-target fast': ['met', 'breached'],
        'sla-target default': ['met'],
        'escalation-step after 3h': ['not-reached'],
        'recycle after 2d': ['applied', 'not-applied'],
      },
    ],
    // Pending is neither met nor breached yet.
    [
      'openPending',
      {
        'sla-target fast': ['met', 'breached'],
        'sla-target default': ['met', 'breached'],
        'escalation-step after 3h': ['reached'],
        'recycle after 2d': ['applied'],
      },
    ],
    // 5 working days × 8 h = 40 h ≥ 2 d of 8 h: recycled, breached, escalated.
    [
      'openRecycled',
      {
        'sla-target fast': ['met', 'breached'],
        'sla-target default': ['met'],
        'escalation-step after 3h': ['not-reached'],
        'recycle after 2d': ['not-applied'],
      },
    ],
  ] as const)('records what case %s reached', (name, missing) => {
    const report = runSla(name);
    expect(report.cases.map((c) => c.status)).toEqual(['passed']);
    expect(missingOf(report, 'HandoffSla')).toEqual(missing);
  });

  it('is complete only when every target is met and breached', () => {
    const partial = runSla('enterpriseMet', 'defaultBreachedLate', 'openPending', 'openRecycled');
    expect(missingOf(partial, 'HandoffSla')).toEqual({
      'sla-target fast': ['breached'],
      'sla-target default': ['met'],
    });
    expect(partial.coveragePercent).toBe(50);
  });
});

const plan = policy('CompPlan', 'ae-plan', {
  goal: 'test-goal',
  roles: ['ae'],
  team: 'ae',
  currency: 'USD',
  period: 'quarter',
  targetVariable: '400000',
  quota: { metric: 'won_amount', amount: '400000' },
  components: [
    {
      id: 'bookings',
      metric: 'won_amount',
      weight: 1,
      tiers: {
        mode: 'marginal',
        bands: [
          { from: 0, to: 1, rate: 1 },
          { from: 1, rate: 2 },
        ],
      },
      cap: 1.5,
    },
  ],
  gates: [{ id: 'floor', metric: 'goal_attainment', min: 0.5 }],
  teamMultipliers: [{ id: 'team', metric: 'goal_attainment', min: 1, multiplier: 1.1 }],
  spiffs: [
    {
      id: 'multi-year',
      amount: '500',
      when: { '>=': [{ var: 'term_months' }, 24] },
      from: '2026-01-01',
      to: '2026-12-31',
    },
  ],
  clawbacks: [{ id: 'cancelled', within: '30d', share: 1 }],
} as CompPlanSpec);

type CompCase = CompPolicyTestSpec['cases'][number];
const deal = (id: string, amount: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  amount,
  term_months: 12,
  closed_at: '2026-02-02T12:00:00Z',
  won: true,
  ...extra,
});
const compCases: Record<string, CompCase> = {
  // 50,000 of a 100,000 quarterly quota: band 1, below the cap; goal 0.8 passes the gate, no multiplier.
  halfway: {
    name: 'halfway',
    period: '2026-Q1',
    person: { id: 'A' },
    opportunities: [deal('o1', '50000')],
    goalAttainment: 0.8,
    expect: { payout: '0' },
  },
  // 200,000: band 2, factor 1 + 1 × 2 = 3 capped at 1.5; goal 1.2 passes and multiplies; a 24-month deal earns the SPIF;
  // a deal cancelled 10 days after closing is clawed back.
  farAbove: {
    name: 'far above',
    period: '2026-Q1',
    person: { id: 'A' },
    opportunities: [
      deal('o2', '150000', { term_months: 24 }),
      deal('o3', '50000', { cancelled_at: '2026-02-12T12:00:00Z' }),
    ],
    goalAttainment: 1.2,
    expect: { payout: '0' },
  },
  // Goal 0.3 fails the gate.
  gated: {
    name: 'gated',
    period: '2026-Q1',
    person: { id: 'A' },
    opportunities: [deal('o4', '10000')],
    goalAttainment: 0.3,
    expect: { payout: '0' },
  },
  // No goal attainment given: the gate and multiplier fail for want of a value, which proves nothing about them.
  unknownGoal: {
    name: 'unknown goal',
    period: '2026-Q1',
    person: { id: 'A' },
    opportunities: [],
    expect: { payout: '0' },
  },
};

function runComp(...names: (keyof typeof compCases)[]): PolicyTestReport {
  const test = policy('PolicyTest', 'ae-plan-tests', {
    compPlan: 'ae-plan',
    cases: names.map((n) => compCases[n] as CompCase),
  } satisfies CompPolicyTestSpec);
  return runPolicyTests(policySet(revenueGoal(), plan, test));
}

const allComp = {
  'tier bookings#1': ['reached', 'not-reached'],
  'tier bookings#2': ['reached', 'not-reached'],
  'cap bookings': ['hit', 'not-hit'],
  'gate floor': ['passed', 'failed'],
  'team-multiplier team': ['applied', 'not-applied'],
  'spiff multi-year': ['paid', 'not-paid'],
  'clawback cancelled': ['applied', 'not-applied'],
};

describe('outcome coverage of a comp plan', () => {
  it.each([
    [
      'halfway',
      {
        ...allComp,
        'tier bookings#1': ['not-reached'],
        'tier bookings#2': ['reached'],
        'cap bookings': ['hit'],
        'gate floor': ['failed'],
        'team-multiplier team': ['applied'],
        'spiff multi-year': ['paid'],
        'clawback cancelled': ['applied'],
      },
    ],
    [
      'farAbove',
      {
        ...allComp,
        'tier bookings#1': ['reached'],
        'tier bookings#2': ['not-reached'],
        'cap bookings': ['not-hit'],
        'gate floor': ['failed'],
        'team-multiplier team': ['not-applied'],
        // o2 earns the SPIF, o3 does not; o3 is clawed back, o2 is not.
        'spiff multi-year': [],
        'clawback cancelled': [],
      },
    ],
    [
      'gated',
      {
        ...allComp,
        'tier bookings#1': ['not-reached'],
        'tier bookings#2': ['reached'],
        'cap bookings': ['hit'],
        'gate floor': ['passed'],
        'team-multiplier team': ['applied'],
        'spiff multi-year': ['paid'],
        'clawback cancelled': ['applied'],
      },
    ],
    // No value, no deal: nothing is decided but the tier and cap of an attainment of 0.
    [
      'unknownGoal',
      { ...allComp, 'tier bookings#1': ['not-reached'], 'tier bookings#2': ['reached'], 'cap bookings': ['hit'] },
    ],
  ] as const)('records what case %s reached', (name, missing) => {
    const expected = Object.fromEntries(Object.entries(missing).filter(([, m]) => m.length > 0));
    expect(missingOf(runComp(name), 'CompPlan')).toEqual(expected);
  });

  it('is complete with the three cases together', () => {
    const report = runComp('halfway', 'farAbove', 'gated');
    expect(missingOf(report, 'CompPlan')).toEqual({});
    expect(report.coverage.find((c) => c.kind === 'CompPlan')).toMatchObject({ cases: 3, total: 7, covered: 7 });
  });
});

describe('outcome coverage of a lead definition', () => {
  const def = leadDefinition({
    classes: [{ id: 'mql', stage: 'mql', minScore: 60, minFit: 30 }],
  });
  const run = (leads: Record<string, unknown>[]): PolicyTestReport =>
    runPolicyTests(
      policySet(
        def,
        policy('PolicyTest', 'lead-tests', {
          leadDefinition: 'test-lead-definition',
          asOf: '2026-03-31T00:00:00Z',
          cases: leads.map((lead, i) => ({ name: `case ${i}`, lead, expect: {} })),
        } satisfies LeadPolicyTestSpec),
      ),
    );

  it('needs each scoring rule fired and not fired, each class threshold met and missed', () => {
    // Big company, no trial: target-size fires, trial does not; score 30 < 60 misses, fit 30 ≥ 30 meets.
    const report = run([{ employee_count: 500, trial_signup: false }]);
    expect(missingOf(report, 'LeadDefinition')).toEqual({
      'exclusion competitor': ['fired'],
      'scoring-rule target-size': ['not-fired'],
      'scoring-rule trial': ['fired'],
      'class-threshold mql.minScore': ['met'],
      'class-threshold mql.minFit': ['missed'],
    });
  });

  it('sees a threshold missed even when an earlier one of the class already failed', () => {
    // Big company with a trial: 70 ≥ 60 and fit 30 ≥ 30, both met. Small company without: score 0 < 60
    // and fit 0 < 30, both missed (the class check stops at the first, coverage sees both).
    const report = run([
      { employee_count: 500, trial_signup: true, last_engaged_at: '2026-03-31T00:00:00Z' },
      { employee_count: 10, trial_signup: false },
      { is_competitor: true },
    ]);
    expect(missingOf(report, 'LeadDefinition')).toEqual({});
    expect(report.coveragePercent).toBe(100);
  });

  it("sees a class's `when` only for leads whose scores qualify, as the engine consults it", () => {
    const withWhen = leadDefinition({
      classes: [{ id: 'mql', stage: 'mql', minScore: 30, when: { '==': [{ var: 'region' }, 'na'] } }],
    });
    const report = runPolicyTests(
      policySet(
        withWhen,
        policy('PolicyTest', 'lead-tests', {
          leadDefinition: 'test-lead-definition',
          asOf: '2026-03-31T00:00:00Z',
          cases: [
            // Score 30 qualifies, region na: mql; the same lead in emea misses the `when`; a small lead scores 0.
            { name: 'na', lead: { employee_count: 500, region: 'na' }, expect: { class: 'mql' } },
            { name: 'small', lead: { employee_count: 10, region: 'emea' }, expect: { class: 'nurture' } },
          ],
        } satisfies LeadPolicyTestSpec),
      ),
    );
    expect(report.cases.map((c) => c.status)).toEqual(['passed', 'passed']);
    // The small lead's scores do not qualify, so its region says nothing about the `when`.
    expect(missingOf(report, 'LeadDefinition')).toMatchObject({ 'class-threshold mql.when': ['missed'] });
    expect(missingOf(report, 'LeadDefinition')['class-threshold mql.minScore']).toBeUndefined();
  });

  it('does not count the scoring rules of an excluded lead as not fired', () => {
    const report = run([{ is_competitor: true, employee_count: 10 }]);
    expect(missingOf(report, 'LeadDefinition')['scoring-rule target-size']).toEqual(['fired', 'not-fired']);
  });
});
