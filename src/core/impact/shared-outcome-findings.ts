import { listMisalignedPlans } from '../policy/checks/shared-outcome-split.js';
import type { PolicySet } from '../policy/types.js';
import type { CompWarning } from '../report/warnings.js';

/**
 * The head's sales and marketing plans that pay too little on the shared outcome, where the
 * pull request made them so (a plan added or changed, or the goal's share raised): the same
 * rule as `validate`, as a finding of the head side in the impact report.
 */
export function listSharedOutcomeWarnings(base: PolicySet, head: PolicySet): CompWarning[] {
  const before = new Map(listMisalignedPlans(base).map((s) => [s.plan, JSON.stringify(s)]));
  return listMisalignedPlans(head)
    .filter((split) => before.get(split.plan) !== JSON.stringify(split))
    .map((split) => ({
      code: 'comp.shared-outcome',
      plan: split.plan,
      side: 'head',
      share: split.share,
      minShare: split.minShare,
      outcomeMetrics: split.outcomeMetrics,
      paidOn: split.other.map((c) => c.metric),
    }));
}
