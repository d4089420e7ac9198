import { dedupeWarnings } from '../../report/warnings.js';
import type { CompWarning } from '../../report/warnings.js';
import type { Policy } from '../../policy/types.js';
import type { CompMetric, CompPlanResult, CompSection } from '../../report/comp.js';
import type { CompContext } from './context.js';
import { indexCredit } from './credit.js';
import { computePlan } from './plan.js';
import { sumTotals } from './totals.js';

export type { CompContext } from './context.js';
export { compMetricDefinitions } from './metrics.js';

/** Metrics a component could not know and counted as 0, sorted, each once. */
export function listCountedAsZero(plans: readonly CompPlanResult[]): CompMetric[] {
  const metrics = new Set<CompMetric>();
  for (const plan of plans)
    for (const person of plan.people)
      for (const period of person.periods) for (const c of period.components) if (c.isUnknown) metrics.add(c.metric);
  return [...metrics].sort();
}

/**
 * What every comp plan pays each person per payout period over the evaluated window, with
 * the attainment, tiers, caps, gates, team multipliers, SPIFs and clawbacks behind it (see
 * the README's metric reference for every rule). Pure: reads only `plans` and `ctx`. Plans are
 * reported by name (then file); problems that do not stop the computation are `warnings`.
 */
export function computeComp(plans: readonly Policy<'CompPlan'>[], ctx: CompContext): CompSection {
  const warnings: CompWarning[] = [];
  const warn = (warning: CompWarning): void => void warnings.push(warning);
  const credit = ctx.credit ?? indexCredit(ctx.data, ctx.leadOfOpportunity);
  const ordered = [...plans].sort((a, b) =>
    a.metadata.name !== b.metadata.name
      ? a.metadata.name < b.metadata.name
        ? -1
        : 1
      : a.file < b.file
        ? -1
        : a.file > b.file
          ? 1
          : 0,
  );
  const outcomes = ordered.map((plan) => computePlan(plan, ctx, credit, warn));
  const plansOut = outcomes.map((o) => o.result);
  return {
    moneyRounding: 'cents-half-up',
    plans: plansOut,
    totals: sumTotals(outcomes),
    countedAsZero: listCountedAsZero(plansOut),
    warnings: dedupeWarnings(warnings),
  };
}
