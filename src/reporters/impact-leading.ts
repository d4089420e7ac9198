import type { ImpactReport } from '../core/report/impact.js';

/**
 * The leading-indicator line: "The constraint was sal for the last 3 months (since 2026-01);
 * this change optimises mql, not the constraint." Null when there is neither a history nor a
 * stage the change works on. Plain text: renderers escape it.
 */
export function phraseLeadingIndicator(r: ImpactReport): string | null {
  const { constraint, optimises, isOnConstraint } = r.leadingIndicator;
  if (constraint === null && optimises.length === 0) return null;
  const stages = optimises.map((o) => o.stage).join(', ');
  const change =
    optimises.length === 0
      ? "this change touches no stage's definition, capacity or SLA"
      : `this change optimises ${stages}${isOnConstraint === true ? ' — the constraint' : isOnConstraint === false ? ', not the constraint' : ''}`;
  if (constraint === null) return `No month of the base history names a constraint; ${change}.`;
  const months = constraint.periods === 1 ? 'month' : `${constraint.periods} months`;
  return `The constraint was ${constraint.stage} for the last ${months} (since ${constraint.since}); ${change}.`;
}
