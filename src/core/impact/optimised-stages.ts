import type { PolicySet } from '../policy/types.js';
import type { ConstraintHistorySection } from '../report/constraint-history.js';
import type { LeadingIndicator, PolicyChange } from '../report/impact.js';

const STAGE_PATH = /^spec\.stages\[id=([^\]]+)\]/;
const CLASS_PATH = /^spec\.classes\[id=([^\]]+)\]/;

/**
 * The stages a change optimises: a stage whose definition or capacity the Funnel changes
 * (`spec.stages[id=…]`), the stage an SLA starts at (its `from` event's stage) when the SLA
 * changes, and the stages a lead definition qualifies leads for when it changes (a class's own
 * stage for a change inside that class; every class's stage for scoring, exclusions,
 * hand-raisers or the default class). Each with the changes that name it, in funnel order.
 */
export function findOptimisedStages(
  changes: readonly PolicyChange[],
  base: PolicySet,
  head: PolicySet,
): LeadingIndicator['optimises'] {
  const because = new Map<string, string[]>();
  const add = (stage: string | undefined, why: string) => {
    if (stage === undefined) return;
    const list = because.get(stage) ?? [];
    if (!list.includes(why)) list.push(why);
    because.set(stage, list);
  };
  const funnelOf = (set: PolicySet) => set.Funnel[0]?.spec;
  for (const change of changes) {
    const label = `${change.kind} ${change.name}`;
    if (change.kind === 'Funnel')
      for (const c of change.changes) add(STAGE_PATH.exec(c.path)?.[1], `${label} ${c.path}`);
    if (change.kind === 'HandoffSla') {
      for (const set of [head, base]) {
        const sla = set.HandoffSla.find((p) => p.metadata.name === change.name);
        if (sla === undefined) continue;
        add(funnelOf(set)?.stages.find((s) => s.entry === sla.spec.from)?.id, `${label} ${change.change}`);
        break;
      }
    }
    if (change.kind === 'LeadDefinition') {
      const definition = (
        head.LeadDefinition.find((p) => p.metadata.name === change.name) ??
        base.LeadDefinition.find((p) => p.metadata.name === change.name)
      )?.spec;
      if (definition === undefined) continue;
      const stageOf = (id: string) => definition.classes.find((k) => k.id === id)?.stage;
      const paths = change.changes.length === 0 ? [{ path: change.change }] : change.changes;
      for (const c of paths) {
        const own = CLASS_PATH.exec(c.path)?.[1];
        if (own !== undefined) add(stageOf(own), `${label} ${c.path}`);
        else for (const k of definition.classes) add(k.stage, `${label} ${c.path}`);
      }
    }
  }
  const order = (funnelOf(base) ?? funnelOf(head))?.stages.map((s) => s.id) ?? [];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...because.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([stage, why]) => ({ stage, because: why }));
}

/**
 * The leading indicator of an impact: where the base's history says the constraint has been,
 * and whether the change works on it or on another stage.
 */
export function describeLeadingIndicator(
  history: ConstraintHistorySection | null,
  optimises: LeadingIndicator['optimises'],
): LeadingIndicator {
  const current = history?.current ?? null;
  return {
    constraint: current,
    optimises,
    isOnConstraint: current === null ? null : optimises.some((o) => o.stage === current.stage),
  };
}
