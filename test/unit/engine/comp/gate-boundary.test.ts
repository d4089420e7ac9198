import { describe, expect, it } from 'vitest';
import type { CompPlanSpec, Policy } from '../../../../src/core/policy/types.js';
import type { CompPersonPeriod } from '../../../../src/core/report/comp.js';
import { runPolicyTests } from '../../../../src/core/testing/run-policy-tests.js';
import { evaluate, pipeline, policy, policySet, revenueGoal } from '../helpers.js';

/**
 * A gate at its edge, with exact decimals end to end. The goal (won_amount 1,000,000 over
 * 2026-Q1) and the plan's payout period are the same quarter, so the goal's attainment is
 * exactly won ÷ 1,000,000. Quarterly target variable 400,000 ÷ 4 = 100,000; one component on
 * goal_attainment, weight 1, held back by a gate at min 0.7: it pays 100,000 × a when a ≥ 0.7.
 */
const plan: Policy<'CompPlan'> = policy('CompPlan', 'ae-plan', {
  goal: 'test-goal',
  roles: ['ae'],
  team: 'ae',
  currency: 'USD',
  period: 'quarter',
  targetVariable: '400000',
  components: [{ id: 'shared-goal', metric: 'goal_attainment', weight: 1 }],
  gates: [{ id: 'floor', metric: 'goal_attainment', min: 0.7, components: ['shared-goal'] }],
} as CompPlanSpec);
const goal = revenueGoal({ target: '1000000' });

const cases = [
  // 700,000 ÷ 1,000,000 = 0.7 exactly: at min, passes; 100,000 × 0.7 = 70,000.00.
  { won: '700000', exact: '0.7', display: 0.7, isPassed: true, payout: '70000.00' },
  // 0.69997 shows as 0.7000 at 4 dp but is below min: nothing is due (4-dp rounding paid 70,000.00).
  { won: '699970', exact: '0.69997', display: 0.7, isPassed: false, payout: '0.00' },
  { won: '699999.9999', exact: '0.6999999999', display: 0.7, isPassed: false, payout: '0.00' },
  // Just above: 100,000 × 0.7000000001 = 70,000.00001 → 70,000.00.
  { won: '700000.0001', exact: '0.7000000001', display: 0.7, isPassed: true, payout: '70000.00' },
  // Pay multiplies the exact figure: 100,000 × 0.7123456789 = 71,234.56789 → 71,234.57 (0.7123 would pay 71,230.00).
  { won: '712345.6789', exact: '0.7123456789', display: 0.7123, isPassed: true, payout: '71234.57' },
];

function quarterOf(won: string): CompPersonPeriod {
  const data = pipeline({
    users: [{ id: 'A', name: 'AE A', role: 'ae', team: 'ae' }],
    opportunities: [
      {
        id: 'O1',
        owner_id: 'A',
        amount: won,
        currency: 'USD',
        created_at: '2026-01-10T00:00Z',
        closed_at: '2026-02-01T00:00Z',
        won: true,
      },
    ],
  });
  const report = evaluate(policySet(goal, plan), data, { from: '2026-01-01T00:00Z', asOf: '2026-04-01T00:00Z' });
  const line = report.comp?.plans[0]?.people.find((p) => p.id === 'A')?.periods.find((p) => p.period === '2026-Q1');
  if (line === undefined) throw new Error('no 2026-Q1 line for A');
  return line;
}

describe('a goal_attainment gate at min 0.7, from the goal the data meets', () => {
  it.each(cases)(
    'won $won: attainment $exact passes: $isPassed, pays $payout',
    ({ won, exact, display, isPassed, payout }) => {
      const line = quarterOf(won);
      expect(line.gates).toEqual([
        {
          id: 'floor',
          metric: 'goal_attainment',
          value: display,
          valueExact: exact,
          min: 0.7,
          isPassed,
          components: ['shared-goal'],
        },
      ]);
      expect(line.components.map((c) => [c.id, c.isGated, c.payout])).toEqual([['shared-goal', !isPassed, payout]]);
      expect(line.total).toBe(payout);
    },
  );
});

describe('a goal_attainment gate at min 0.7 in `revops test` comp cases', () => {
  it('compares the attainment a case gives, as written', () => {
    const test = policy('PolicyTest', 'ae-plan-tests', {
      compPlan: 'ae-plan',
      cases: cases.map((c) => ({
        name: c.exact,
        period: '2026-Q1',
        person: { id: 'A' },
        goalAttainment: Number(c.exact),
        expect: { payout: c.payout },
      })),
    });
    const report = runPolicyTests(policySet(goal, plan, test));
    expect(report.cases.map((c) => [c.name, c.status, c.diffs])).toEqual(cases.map((c) => [c.exact, 'passed', []]));
  });
});
