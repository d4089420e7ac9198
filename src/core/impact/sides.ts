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
 * The stage whose arrivals stand for lead volume: the earliest funnel stage a lead class
 * qualifies leads into (the head's lead definitions, else the base's), else the stage the
 * goal declares as its constraint, else the funnel's first stage. Named as the funnel names it.
 */
export function volumeStageOf(
  base: { set: PolicySet; report: Report },
  head: { set: PolicySet; report: Report },
): { stage: string | null; name: string | null } {
  const funnel = head.set.Funnel[0] ?? base.set.Funnel[0];
  const order = funnel?.spec.stages.map((s) => s.id) ?? [];
  const classStages = (set: PolicySet) =>
    set.LeadDefinition.flatMap((d) => d.spec.classes.map((c) => c.stage)).filter((s) => order.includes(s));
  const qualified = [...(classStages(head.set).length > 0 ? classStages(head.set) : classStages(base.set))].sort(
    (x, y) => order.indexOf(x) - order.indexOf(y),
  );
  const stage =
    qualified[0] ??
    head.report.constraint?.declared?.stage ??
    base.report.constraint?.declared?.stage ??
    order[0] ??
    null;
  if (stage === null) return { stage: null, name: null };
  const name = funnel?.spec.stages.find((s) => s.id === stage)?.name ?? stage;
  return { stage, name };
}
