import { describe, expect, it } from 'vitest';
import type { RevenueGoalSpec } from '../../../../src/core/policy/types.js';
import { constraintOf, evaluate, funnel, loadScenario, policySet, revenueGoal } from '../helpers.js';

const threeWeeks = { from: '2026-01-05T00:00Z', asOf: '2026-01-26T00:00Z' };
const capacities = { mql: { headcount: 2, perPersonPerWeek: 1 }, opportunity: { headcount: 1, perPersonPerWeek: 5 } };
const data = loadScenario('mql-queue-three-weeks');

interface Case {
  constraint: RevenueGoalSpec['constraint'];
  value: number | null;
  isMet: boolean | null;
  agrees: boolean;
}

// The data names mql (utilisation 1, against opportunity 0): `agrees` is whether the goal does too.
const cases: Case[] = [
  { constraint: { stage: 'mql', metric: 'utilisation', target: { max: 0.85 } }, value: 1, isMet: false, agrees: true }, // 6 ÷ 3 ÷ 2
  { constraint: { stage: 'mql', metric: 'utilisation', target: { max: 1 } }, value: 1, isMet: true, agrees: true }, // the bound itself meets it
  {
    constraint: { stage: 'mql', metric: 'utilisation', target: { min: 0.5, max: 1.2 } },
    value: 1,
    isMet: true,
    agrees: true,
  },
  {
    constraint: { stage: 'opportunity', metric: 'utilisation', target: { max: 0.85 } },
    value: 0,
    isMet: true,
    agrees: false,
  },
  {
    constraint: { stage: 'sal', metric: 'utilisation', target: { max: 0.85 } },
    value: null,
    isMet: null,
    agrees: false,
  }, // no capacity
  { constraint: { stage: 'mql', metric: 'wip', target: { max: 3 } }, value: 4, isMet: false, agrees: true }, // G I D F
  { constraint: { stage: 'sal', metric: 'wip', target: { max: 5 } }, value: 4, isMet: true, agrees: false }, // A B E H
  {
    constraint: { stage: 'mql', metric: 'conversion_rate', target: { min: 0.6 } },
    value: 0.5,
    isMet: false,
    agrees: true,
  }, // A B H of 6 arrivals
  {
    constraint: { stage: 'mql', metric: 'throughput_per_week', target: { min: 1.5 } },
    value: 1.67,
    isMet: true,
    agrees: true,
  }, // 5 ÷ 3
  // A gate meets the exact figure, not the one displayed: 5 ÷ 3 = 1.666… is shown as 1.67 but misses min 1.67.
  {
    constraint: { stage: 'mql', metric: 'throughput_per_week', target: { min: 1.67 } },
    value: 1.67,
    isMet: false,
    agrees: true,
  },
  {
    constraint: { stage: 'mql', metric: 'median_time_in_stage_hours', target: { max: 72 } },
    value: 48,
    isMet: true,
    agrees: true,
  }, // 24 24 48 168 288
  {
    constraint: { stage: 'mql', metric: 'p90_time_in_stage_hours', target: { max: 72 } },
    value: 288,
    isMet: false,
    agrees: true,
  },
  {
    constraint: { stage: 'sal', metric: 'median_time_in_stage_hours', target: { max: 72 } },
    value: null,
    isMet: null,
    agrees: false,
  }, // nobody left sal
  {
    constraint: { stage: 'mql', metric: 'sla_compliance', target: { min: 0.9 } },
    value: null,
    isMet: null,
    agrees: true,
  }, // no SLA
];

describe('the constraint a RevenueGoal declares', () => {
  it.each(cases)(
    '$constraint.stage $constraint.metric $constraint.target → $value',
    ({ constraint, value, isMet, agrees }) => {
      const section = constraintOf(funnel(capacities), data, threeWeeks, revenueGoal({}, constraint));
      expect(section.stage).toBe('mql');
      expect(section.declared).toEqual({
        goal: 'test-goal',
        stage: constraint.stage,
        metric: constraint.metric,
        target: constraint.target,
        value,
        isMet,
      });
      expect(section.agrees).toBe(agrees);
    },
  );

  it('meets a utilisation target on the exact figure, not the one shown to 4 places', () => {
    // 6 arrivals ÷ 3 weeks ÷ 3 a week = 0.666…, shown as 0.6667: below min 0.6667, within max 0.6667.
    const three = { ...capacities, mql: { headcount: 3, perPersonPerWeek: 1 } };
    const below = constraintOf(
      funnel(three),
      data,
      threeWeeks,
      revenueGoal({}, { stage: 'mql', metric: 'utilisation', target: { min: 0.6667 } }),
    );
    expect(below.declared).toMatchObject({ value: 0.6667, isMet: false });
    const within = constraintOf(
      funnel(three),
      data,
      threeWeeks,
      revenueGoal({}, { stage: 'mql', metric: 'utilisation', target: { max: 0.6667 } }),
    );
    expect(within.declared).toMatchObject({ value: 0.6667, isMet: true });
  });

  it('is measured in the evaluation over its window', () => {
    const report = evaluate(policySet(funnel(capacities), revenueGoal()), data, threeWeeks);
    expect(report.constraint).toMatchObject({
      stage: 'mql',
      runnerUp: 'opportunity',
      declared: {
        goal: 'test-goal',
        stage: 'mql',
        metric: 'utilisation',
        target: { max: 0.85 },
        value: 1,
        isMet: false,
      },
      agrees: true,
    });
  });

  it('cannot agree or disagree when no stage has a capacity to compare', () => {
    // No declared capacity and nothing left any stage in the window: nothing observed.
    const section = constraintOf(
      funnel(),
      loadScenario('mql-queue-three-weeks'),
      { from: '2026-01-24T00:00Z', asOf: '2026-01-26T00:00Z' },
      revenueGoal(),
    );
    expect(section.stage).toBeNull();
    expect(section.agrees).toBeNull();
    expect(section.declared?.value).toBeNull(); // utilisation without a capacity
  });
});
