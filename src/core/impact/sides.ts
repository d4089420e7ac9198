import type { PolicySet } from '../policy/types.js';
import type { Report } from '../report/index.js';
import type { DeclaredSide, ImpactReport } from '../report/impact.js';

/** One side's declared constraint metric, with that side's own target and verdict. */
function declaredOf(report: Report): DeclaredSide | null {
  const d = report.constraint?.declared ?? null;
  return d === null
    ? null
    : { goal: d.goal, stage: d.stage, metric: d.metric, target: d.target, value: d.value, isMet: d.isMet };
}

/**
 * The RevenueGoal's declared constraint metric under each side: a change may move the
 * target (≤ 0.85 → ≤ 0.7), so each verdict is reported next to its own side's target.
 */
export function compareDeclared(base: Report, head: Report): ImpactReport['constraint']['declared'] {
  const b = declaredOf(base);
  const h = declaredOf(head);
  return b === null && h === null ? null : { base: b, head: h };
}

/**
 * The stage whose arrivals stand for lead volume, chosen on the BASE (trusted, so a pull request
 * cannot move the guardrail's measure to another stage): the earliest funnel stage a base lead
 * class qualifies leads into, else the stage the base goal declares as its constraint, else the
 * base funnel's first stage. The head's only when the base has no funnel. Named as the funnel names it.
 */
export function volumeStageOf(
  base: { set: PolicySet; report: Report },
  head: { set: PolicySet; report: Report },
): { stage: string | null; name: string | null } {
  const side = base.set.Funnel.length > 0 ? base : head;
  const funnel = side.set.Funnel[0];
  const order = funnel?.spec.stages.map((s) => s.id) ?? [];
  const qualified = side.set.LeadDefinition.flatMap((d) => d.spec.classes.map((c) => c.stage))
    .filter((s) => order.includes(s))
    .sort((x, y) => order.indexOf(x) - order.indexOf(y));
  const stage = qualified[0] ?? side.report.constraint?.declared?.stage ?? order[0] ?? null;
  if (stage === null) return { stage: null, name: null };
  const name = funnel?.spec.stages.find((s) => s.id === stage)?.name ?? stage;
  return { stage, name };
}
