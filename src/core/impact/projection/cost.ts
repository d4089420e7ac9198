import type { PolicySet } from '../../policy/types.js';
import type { HeadcountCost } from '../../report/projection.js';
import { Exact } from './wilson.js';

const WEEKS_PER_YEAR = 52;

/** A team's headcount under one funnel: the largest declared headcount among the stages it owns; null when none declares one. */
export function headcountOf(set: PolicySet, team: string): number | null {
  const counts = (set.Funnel[0]?.spec.stages ?? [])
    .filter((s) => s.owner === team && s.capacity !== undefined)
    .map((s) => s.capacity?.headcount ?? 0);
  return counts.length === 0 ? null : Math.max(...counts);
}

/** One person's yearly cost: the Funnel's `projection.costPerHead`, else the OTE of the comp plan paying that team. */
export function costPerHeadOf(set: PolicySet, team: string): { cost: string; basis: 'declared' | 'ote' } | null {
  const declared = set.Funnel[0]?.spec.projection?.costPerHead?.[team];
  if (declared !== undefined) return { cost: new Exact(declared).toFixed(), basis: 'declared' };
  const plan = set.CompPlan.find((p) => p.spec.team === team && p.spec.onTargetEarnings !== undefined);
  return plan === undefined ? null : { cost: new Exact(plan.spec.onTargetEarnings ?? 0).toFixed(), basis: 'ote' };
}

/** The cost of every team whose declared headcount differs between base and head, per year and over the horizon, at the base's cost per head. */
export function costHeadcount(base: PolicySet, head: PolicySet, horizonWeeks: number | null): HeadcountCost[] {
  const teams = [...new Set([...base.Funnel, ...head.Funnel].flatMap((f) => f.spec.teams.map((t) => t.id)))].sort();
  const out: HeadcountCost[] = [];
  for (const team of teams) {
    const b = headcountOf(base, team);
    const h = headcountOf(head, team);
    if (b === h) continue;
    const delta = new Exact(h ?? 0).minus(b ?? 0);
    // Read from the base only, like guardrails: a head must not price its own change.
    const cost = costPerHeadOf(base, team);
    const perYear = cost === null ? null : delta.times(cost.cost);
    out.push({
      team,
      headcount: { base: b, head: h, delta: delta.toNumber() },
      costPerHead: cost?.cost ?? null,
      costBasis: cost?.basis ?? null,
      perYear: perYear?.toFixed(2) ?? null,
      overHorizon:
        perYear === null || horizonWeeks === null ? null : perYear.times(horizonWeeks).div(WEEKS_PER_YEAR).toFixed(2),
      unknown: cost === null ? 'no-cost-per-head' : horizonWeeks === null ? 'no-goal' : null,
    });
  }
  return out;
}
