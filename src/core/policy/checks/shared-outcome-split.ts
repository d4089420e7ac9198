import { Decimal } from 'decimal.js';
import type { Policy, PolicySet } from '../types.js';

/** The share of target variable a sales or marketing plan must pay on the shared outcome, unless the goal says otherwise. */
export const defaultMinShare = '0.3';

/** A component and its weight (its share of target variable). */
export interface WeightedMetric {
  id: string;
  metric: string;
  weight: string;
}

/**
 * How a sales or marketing plan splits its target variable between the shared outcome (the
 * goal's metric, `goal_attainment`, the constraint metric) and everything else, and whether a
 * gate on the shared outcome holds back the rest. Ratios are exact decimal strings.
 */
export interface SharedOutcomeSplit {
  plan: string;
  function: 'sales' | 'marketing';
  /** Comp metrics that count as the shared outcome under this goal. */
  outcomeMetrics: string[];
  outcome: WeightedMetric[];
  other: WeightedMetric[];
  share: string;
  minShare: string;
  /** A gate on the shared outcome that holds back every other component; null when none does. */
  gate: string | null;
  isAligned: boolean;
}

/** Comp metrics that measure the goal's own metric: won revenue, the rep's or the revenue they sourced. */
const goalMeasures: Readonly<Record<string, readonly string[]>> = {
  won_amount: ['won_amount', 'sourced_won_amount'],
  new_arr: [],
  won_deals: [],
};

/** The comp metrics that pay on the shared goal or the constraint under `goal`. */
export function listOutcomeMetrics(goal: Policy<'RevenueGoal'>): string[] {
  return ['goal_attainment', ...(goalMeasures[goal.spec.goal.metric] ?? []), 'constraint_target_met'];
}

/** The split of one plan, or undefined for a plan of a team that is neither sales nor marketing (or unknown). */
export function measureSharedOutcome(
  plan: Policy<'CompPlan'>,
  goal: Policy<'RevenueGoal'>,
  set: Pick<PolicySet, 'Funnel'>,
): SharedOutcomeSplit | undefined {
  const funnel = set.Funnel.length === 1 ? set.Funnel[0] : undefined;
  const fn = funnel?.spec.teams.find((t) => t.id === plan.spec.team)?.function;
  if (fn !== 'sales' && fn !== 'marketing') return undefined;
  const outcomeMetrics = listOutcomeMetrics(goal);
  const weighted = plan.spec.components.map((c) => ({ id: c.id, metric: c.metric, weight: String(c.weight) }));
  const outcome = weighted.filter((c) => outcomeMetrics.includes(c.metric));
  const other = weighted.filter((c) => !outcomeMetrics.includes(c.metric));
  const share = outcome.reduce((sum, c) => sum.plus(c.weight), new Decimal(0));
  const minShare = new Decimal(String(goal.spec.sharedOutcome?.minShare ?? defaultMinShare));
  const gate = (plan.spec.gates ?? []).find(
    (g) =>
      outcomeMetrics.includes(g.metric) &&
      (g.components === undefined || other.every((c) => g.components?.includes(c.id) === true)),
  );
  return {
    plan: plan.metadata.name,
    function: fn,
    outcomeMetrics,
    outcome,
    other,
    share: share.toString(),
    minShare: minShare.toString(),
    gate: gate?.id ?? null,
    isAligned: gate !== undefined || share.gte(minShare),
  };
}

/** The plans of `set` that pay too little on the shared outcome and are not gated by it. */
export function listMisalignedPlans(set: PolicySet): SharedOutcomeSplit[] {
  const goal = set.RevenueGoal.length === 1 ? set.RevenueGoal[0] : undefined;
  if (goal === undefined) return [];
  return set.CompPlan.map((plan) => measureSharedOutcome(plan, goal, set)).filter(
    (split): split is SharedOutcomeSplit => split !== undefined && !split.isAligned,
  );
}
