import type { DeclaredSide, ImpactReport } from '../core/report/impact.js';
import { formatCount, formatNumber, formatPercent, formatRatio } from './figures.js';
import { countOrNone, NONE, signed, signedMoney } from './impact-phrases.js';
import { targetText } from './report-summary.js';

export { countOrNone, signed } from './impact-phrases.js';

/**
 * The declared-metric row: its label, each side's value with that side's own target and verdict,
 * and the target's change.
 */
export function describeDeclared(d: NonNullable<ImpactReport['constraint']['declared']>): {
  label: string;
  base: string;
  head: string;
  change: string;
} {
  const isSame = d.base !== null && d.head !== null && d.base.stage === d.head.stage && d.base.metric === d.head.metric;
  const one = d.head ?? d.base;
  const cell = (side: DeclaredSide | null): string => {
    if (side === null) return NONE;
    const what = isSame ? '' : `${side.stage} ${side.metric} `;
    const verdict = side.isMet === null ? 'not measurable' : side.isMet ? 'met' : 'missed';
    return `${what}${formatNumber(side.value, 2)} (target ${targetText(side.target)}, ${verdict})`;
  };
  const targets = [d.base, d.head].map((side) => (side === null ? NONE : targetText(side.target)));
  // The value's change where both sides measure the same thing, then the target's change if any.
  const valueChange =
    isSame && d.base?.value != null && d.head?.value != null
      ? signed(d.head.value - d.base.value, (x) => formatNumber(x, 2))
      : null;
  const targetChange = targets[0] === targets[1] ? null : `target ${targets[0] ?? ''} → ${targets[1] ?? ''}`;
  const change = [valueChange, targetChange].filter((x) => x !== null).join(', ') || NONE;
  return {
    label: isSame && one !== null ? `${one.stage} ${one.metric}` : 'declared constraint',
    base: cell(d.base),
    head: cell(d.head),
    change,
  };
}

/** Lead volume's label: the funnel's own name for the stage it is counted at. */
export function volumeLabel(report: ImpactReport): string {
  return `${report.mqlVolume.stageName ?? report.mqlVolume.stage ?? 'lead'} arrivals`;
}

/**
 * The two-line headline of an impact report, as plain text pieces: what happens to the
 * constraint, then the volume, SLA, payout and approval consequences.
 */
/** An SLA the headline names: its modelled compliance changes, or its queue grows every week. */
export interface SlaShift {
  sla: ImpactReport['slas'][number];
  /** Its index in `report.slas`. */
  index: number;
  shift: 'modelled' | 'queue-grows';
}

/** The SLAs the headline names, shared by the text reporters and the HTML page. */
export function selectSlaShifts(report: ImpactReport): SlaShift[] {
  return report.slas.flatMap((sla, index): SlaShift[] => {
    if (sla.modelledChangePts !== null && sla.modelledChangePts !== 0) return [{ sla, index, shift: 'modelled' }];
    if (sla.assumption.code === 'no-steady-state') return [{ sla, index, shift: 'queue-grows' }];
    return [];
  });
}

export function describeImpact(report: ImpactReport): { constraint: string; consequences: string[] } {
  const c = report.constraint;
  const u = c.utilisation;
  const stage = c.stage.head ?? c.stage.base ?? 'no stage';
  const crossed =
    c.crossesCapacity === 'over' ? ' — over capacity' : c.crossesCapacity === 'under' ? ' — back within capacity' : '';
  const constraint = c.isMoved
    ? `The constraint moves from ${c.stage.base ?? 'none'} to ${c.stage.head ?? 'none'} (utilisation ${formatRatio(u.base)} → ${formatRatio(u.head)}).`
    : `The constraint stays at ${stage}: utilisation ${formatRatio(u.base)} → ${formatRatio(u.head)}${crossed}.`;
  const out: string[] = [];
  const m = report.mqlVolume;
  if (m.delta === null)
    out.push(
      `${volumeLabel(report)} ${countOrNone(m.base)} → ${countOrNone(m.head)} (one side's funnel has no such stage)`,
    );
  else if (m.delta !== 0)
    out.push(`${volumeLabel(report)} ${signed(m.delta)} (${formatCount(m.base ?? 0)} → ${formatCount(m.head ?? 0)})`);
  for (const { sla, shift } of selectSlaShifts(report)) {
    if (shift === 'modelled')
      out.push(`${sla.name} ${formatPercent(sla.replayed.base)} → ${formatPercent(sla.modelled)} modelled`);
    else out.push(`${sla.name}: queue grows every week`);
  }
  for (const t of report.comp.total) {
    if (t.delta === '0.00') continue;
    const pct = t.deltaPct === null ? 'new' : `${signed(t.deltaPct, (x) => x.toFixed(1))} %`;
    // The replayed window's payout, named apart from the projected payouts of the headline above.
    out.push(`payout to as-of (replayed) ${signedMoney(t.delta, t.currency)} (${pct})`);
  }
  // Who must approve is said once, per guardrail, in the projection headline above this line.
  return { constraint, consequences: out };
}

/** The metrics each side counted as 0 in its payouts, in words; null when every metric was known. */
export function describeCountedAsZero(r: ImpactReport): string | null {
  const { base, head } = r.comp.countedAsZero;
  if (base.length === 0 && head.length === 0) return null;
  const side = (metrics: readonly string[]) => (metrics.length === 0 ? 'none' : metrics.join(', '));
  return `base: ${side(base)}; head: ${side(head)}`;
}
