import { round } from '../engine/stats.js';
import type { Report } from '../report/index.js';
import type { ImpactPeriods, PeriodDelta } from '../report/impact-periods.js';

/** Base and head values per label, over the labels of both sides in order (a label one side lacks is null there). */
function pairByLabel(
  base: readonly { label: string; value: number | null }[],
  head: readonly { label: string; value: number | null }[],
  digits: number,
): PeriodDelta[] {
  const b = new Map(base.map((x) => [x.label, x.value]));
  const h = new Map(head.map((x) => [x.label, x.value]));
  // ISO weeks and months sort as text.
  const labels = [...new Set([...b.keys(), ...h.keys()])].sort();
  return labels.map((period) => {
    const bv = b.get(period) ?? null;
    const hv = h.get(period) ?? null;
    return { period, base: bv, head: hv, delta: bv === null || hv === null ? null : round(hv - bv, digits) };
  });
}

/** The per-period series of an impact: arrivals vs capacity at the constraint, SLA compliance by week. */
export function compareImpactPeriods(base: Report, head: Report): ImpactPeriods {
  const stage = head.constraint?.stage ?? base.constraint?.stage ?? null;
  const arrivalsOf = (r: Report) =>
    (r.funnel?.stages.find((s) => s.id === stage)?.periods ?? []).map((p) => ({ label: p.period, value: p.arrivals }));
  const capacityOf = (r: Report) => r.constraint?.stages.find((s) => s.stage === stage)?.capacityPerWeek ?? null;
  const [cb, ch] = [capacityOf(base), capacityOf(head)];
  const names = [...new Set([...base.slas, ...head.slas].map((s) => s.name))].sort();
  const weeksOf = (r: Report, name: string) =>
    (r.slas.find((s) => s.name === name)?.byWeek ?? []).map((w) => ({ label: w.label, value: w.compliance }));
  return {
    constraint: {
      stage,
      periodUnit: base.funnel?.periodUnit ?? head.funnel?.periodUnit ?? null,
      capacityPerWeek: { base: cb, head: ch, delta: cb === null || ch === null ? null : round(ch - cb, 4) },
      arrivals: stage === null ? [] : pairByLabel(arrivalsOf(base), arrivalsOf(head), 0),
    },
    slas: names.map((name) => ({ name, compliance: pairByLabel(weeksOf(base, name), weeksOf(head, name), 4) })),
  };
}
