import type { Row } from '../data/types.js';
import type { TimeWindow } from '../engine/context.js';
import type { CompPlanSpec } from '../policy/types.js';
import type { CompPersonPeriod } from '../report/comp.js';

type RecordOutcome = (path: (string | number)[], isTrue: boolean) => void;

/**
 * The decisions a comp plan took for the person of one case, from the lines it paid:
 * - each tier band: reached when the attainment lands in it, not reached when it lands in another;
 * - a cap: hit or not, whenever the attainment is known;
 * - a gate and a team multiplier: passed/applied or not, whenever its value is known (a value the
 *   case leaves out, such as the goal attainment, counts as 0 and fails it, but proves nothing);
 * - a SPIF and a clawback: paid/applied on a won deal of the case, or not on another won deal closed
 *   in the period (so "not paid" means a deal the SPIF looked at and passed over).
 */
export function recordCompOutcomes(
  spec: CompPlanSpec,
  periods: readonly CompPersonPeriod[],
  opportunities: readonly Row[],
  window: TimeWindow,
  unknownMetrics: ReadonlySet<string>,
  record: RecordOutcome,
): void {
  for (const line of periods) {
    if (!line.isActive) continue;
    spec.components.forEach((component, i) => {
      const worked = line.components.find((c) => c.id === component.id);
      if (worked === undefined || worked.attainment === null || worked.isUnknown) return;
      component.tiers?.bands.forEach((_, b) =>
        record(['spec', 'components', i, 'tiers', 'bands', b], worked.tier === b),
      );
      if (component.cap !== undefined) record(['spec', 'components', i, 'cap'], worked.isCapped);
    });
    spec.gates?.forEach((gate, i) => {
      const worked = line.gates.find((g) => g.id === gate.id);
      if (worked !== undefined && worked.value !== null && !unknownMetrics.has(gate.metric))
        record(['spec', 'gates', i], worked.isPassed);
    });
    spec.teamMultipliers?.forEach((m, i) => {
      const worked = line.multipliers.find((x) => x.id === m.id);
      if (worked !== undefined && worked.value !== null && !unknownMetrics.has(m.metric))
        record(['spec', 'teamMultipliers', i], worked.isApplied);
    });
  }
  const won = opportunities
    .filter((o) => o.won === true && typeof o.closed_at === 'number')
    .filter((o) => (o.closed_at as number) >= window.start && (o.closed_at as number) < window.end)
    .map((o) => String(o.id));
  const recordPerDeal = (path: (string | number)[], paidIds: ReadonlySet<string>): void => {
    for (const id of won) record(path, paidIds.has(id));
  };
  spec.spiffs?.forEach((spiff, i) =>
    recordPerDeal(
      ['spec', 'spiffs', i],
      new Set(periods.flatMap((p) => p.spiffs.filter((s) => s.id === spiff.id).map((s) => s.opportunityId))),
    ),
  );
  spec.clawbacks?.forEach((rule, i) =>
    recordPerDeal(
      ['spec', 'clawbacks', i],
      new Set(periods.flatMap((p) => p.clawbacks.filter((s) => s.id === rule.id).map((s) => s.opportunityId))),
    ),
  );
}
