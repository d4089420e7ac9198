import { Decimal } from 'decimal.js';
import type { SemanticCheck } from './context.js';
import { findUnchecked, reportNotChecked } from './context.js';
import { listMisalignedPlans } from './shared-outcome-split.js';
import type { SharedOutcomeSplit, WeightedMetric } from './shared-outcome-split.js';

function percent(ratio: string): string {
  return `${new Decimal(ratio).times(100).toDecimalPlaces(1).toString()} %`;
}

function listMetrics(items: readonly WeightedMetric[]): string {
  return items.map((c) => `${c.metric} (${percent(c.weight)})`).join(', ');
}

/** "pays 100 % on sal_count (50 %), sourced_pipeline_amount (50 %), 0 % on the shared outcome (…), no gate". */
export function describeSplit(split: SharedOutcomeSplit): string {
  const rest = new Decimal(1).minus(split.share).toString();
  const elsewhere = split.other.length === 0 ? '' : `${percent(rest)} on ${listMetrics(split.other)}, `;
  const shared = split.outcome.length === 0 ? '' : ` — ${listMetrics(split.outcome)}`;
  return (
    `pays ${elsewhere}${percent(split.share)} on the shared goal or the constraint metric${shared}, ` +
    `and no gate on them holds the rest back`
  );
}

/**
 * Sales and marketing plans tie their pay to the same outcome: at least the RevenueGoal's
 * `sharedOutcome.minShare` of target variable on the goal or the constraint metric, or a gate
 * on one of them in front of everything else.
 */
export const sharedOutcomeTied: SemanticCheck = {
  name: 'sharedOutcomeTied',
  run(ctx) {
    const goals = ctx.set.RevenueGoal;
    if (goals.length !== 1) {
      const failed = goals.length === 0 ? findUnchecked(ctx, 'RevenueGoal') : undefined;
      if (failed === undefined) return;
      // A plan that names the goal already says "not checked" for it, once.
      for (const plan of ctx.set.CompPlan) {
        if (plan.spec.goal !== undefined) continue;
        reportNotChecked(ctx, plan, ['spec', 'components'], `the share paid on the shared outcome`, failed);
      }
      return;
    }
    const byName = new Map(ctx.set.CompPlan.map((p) => [p.metadata.name, p]));
    for (const split of listMisalignedPlans(ctx.set)) {
      const plan = byName.get(split.plan);
      if (plan === undefined) continue;
      const metrics = split.outcomeMetrics.map((m) => `\`${m}\``).join(', ');
      ctx.report(plan, ['spec', 'components'], {
        code: 'comp.shared-outcome',
        message: `This ${split.function} plan ${describeSplit(split)}; the RevenueGoal asks for at least ${percent(split.minShare)}.`,
        hint:
          `Move at least ${percent(split.minShare)} of the weights to components on ${metrics}, or add a gate on ` +
          `one of them that holds back every other component (leave out \`components\`).`,
        at: 'key',
      });
    }
  },
};
