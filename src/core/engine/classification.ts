import type { Row } from '../data/types.js';
import type { FunnelSpec } from '../policy/types.js';
import type { ClassificationSection } from '../report/funnel.js';
import { EXCLUDED_CLASS } from './classify.js';
import type { QualificationCounts } from './events.js';
import type { LeadClasses } from './replay-classes.js';
import { ratio } from './stats.js';

/**
 * Counts of leads per class (leads created by as-of), per deciding rule, and how the lead
 * definition's stages compare with what the CRM recorded: leads the policy qualifies that
 * the CRM never did (their entry time is modelled) and the reverse.
 */
export function summariseClasses(
  classes: LeadClasses,
  leads: readonly Row[],
  qualification: ReadonlyMap<string, QualificationCounts>,
  funnel: FunnelSpec | undefined,
  asOf: number,
): ClassificationSection {
  const counts = new Array<number>(classes.classIds.length).fill(0);
  let total = 0;
  leads.forEach((lead, i) => {
    const created = lead.created_at;
    if (typeof created !== 'number' || created > asOf) return;
    total++;
    counts[classes.classOf[i] as number]!++;
  });
  const spec = classes.definition.spec;
  const declared = [EXCLUDED_CLASS, ...spec.classes.map((c) => c.id), spec.defaultClass];
  const rank = (id: string): number => {
    const i = declared.indexOf(id);
    return i === -1 ? declared.length : i;
  };
  const rows = classes.classIds
    .map((id, i) => ({
      class: id,
      stage: classes.stageOfClass.get(id) ?? null,
      count: counts[i] ?? 0,
      share: ratio(counts[i] ?? 0, total) ?? 0,
    }))
    .filter((r) => r.count > 0)
    .sort((a, b) => rank(a.class) - rank(b.class) || a.class.localeCompare(b.class));
  const stageOfEvent = (eventId: string): string => funnel?.stages.find((s) => s.entry === eventId)?.id ?? eventId;
  const entries = [...qualification.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    definition: classes.definition.metadata.name,
    leads: total,
    classes: rows,
    byRule: classes.byRule,
    modelledEntries: entries.map(([event, c]) => ({
      stage: stageOfEvent(event),
      count: c.modelled,
      basis: 'last_engaged_at, else created_at',
    })),
    notQualified: entries.map(([event, c]) => ({ stage: stageOfEvent(event), count: c.notQualified })),
  };
}
