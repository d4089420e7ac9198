import { describe, expect, it } from 'vitest';
import { describeLeadingIndicator, findOptimisedStages } from '../../../src/core/impact/optimised-stages.js';
import { diffPolicySets } from '../../../src/core/impact/policy-diff.js';
import type { Policy } from '../../../src/core/policy/types.js';
import type { ConstraintHistorySection } from '../../../src/core/report/index.js';
import { funnel, leadDefinition, policy, policySet } from '../engine/helpers.js';

const sla = (within: string): Policy<'HandoffSla'> =>
  policy('HandoffSla', 'speed', {
    from: 'mql_reached',
    to: 'sal_accepted',
    calendar: 'us',
    targets: [{ id: 'all', within }],
  } as unknown as Policy<'HandoffSla'>['spec']);

const base = policySet(funnel(), leadDefinition(), sla('4h'));

function optimised(...head: Policy[]) {
  const set = policySet(...head);
  return findOptimisedStages(diffPolicySets(base, set), base, set).map((o) => o.stage);
}

describe('the stages a change optimises', () => {
  it('is none when nothing that defines a stage changes', () => {
    expect(optimised(funnel(), leadDefinition(), sla('4h'))).toEqual([]);
  });

  it('is the class’s stage for a threshold change', () => {
    const looser = leadDefinition({ classes: [{ id: 'mql', stage: 'mql', minScore: 50 }] });
    expect(optimised(funnel(), looser, sla('4h'))).toEqual(['mql']);
  });

  it('is every class’s stage for a scoring change', () => {
    const scoring = leadDefinition({ exclusions: [] });
    expect(optimised(funnel(), scoring, sla('4h'))).toEqual(['mql']);
  });

  it('is the stage whose capacity changes, and the stage an SLA starts at', () => {
    const bigger = funnel({ opportunity: { headcount: 2, perPersonPerWeek: 5 } });
    expect(optimised(bigger, leadDefinition(), sla('2h'))).toEqual(['mql', 'opportunity']);
  });

  it('says whether the change works on the constraint', () => {
    const history = { current: { stage: 'sal', periods: 3, since: '2026-01' } } as ConstraintHistorySection;
    const on = describeLeadingIndicator(history, [{ stage: 'mql', because: [] }]);
    expect(on).toEqual({
      constraint: history.current,
      optimises: [{ stage: 'mql', because: [] }],
      isOnConstraint: false,
    });
    expect(describeLeadingIndicator(history, [{ stage: 'sal', because: [] }]).isOnConstraint).toBe(true);
    expect(describeLeadingIndicator(null, []).isOnConstraint).toBeNull();
  });
});
