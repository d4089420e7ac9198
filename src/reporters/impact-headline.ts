import type { ImpactReport } from '../core/report/impact.js';
import { formatCount, formatMoney, formatPercent, formatRatio } from './figures.js';

/** `+12`, `−3`, `±0`. */
export function signed(n: number, format: (x: number) => string = (x) => formatCount(x)): string {
  if (n === 0) return '±0';
  return n > 0 ? `+${format(n)}` : `−${format(-n)}`;
}

/**
 * The two-line headline of an impact report, as plain text pieces: what happens to the
 * constraint, then the volume, SLA, payout and approval consequences.
 */
export function describeImpact(report: ImpactReport): { constraint: string; consequences: string[] } {
  const c = report.constraint;
  const u = c.utilisation;
  const stage = c.stage.head ?? c.stage.base ?? 'no stage';
  const crossed = u.base !== null && u.head !== null && u.base <= 1 && u.head > 1 ? ' — it crosses 1.0' : u.base !== null && u.head !== null && u.base > 1 && u.head <= 1 ? ' — back under 1.0' : '';
  const constraint = c.isMoved
    ? `The constraint moves from ${c.stage.base ?? 'none'} to ${c.stage.head ?? 'none'} (utilisation ${formatRatio(u.base)} → ${formatRatio(u.head)}).`
    : `The constraint stays at ${stage}: utilisation ${formatRatio(u.base)} → ${formatRatio(u.head)}${crossed}.`;
  const out: string[] = [];
  const m = report.mqlVolume;
  if (m.delta !== 0) out.push(`MQLs ${signed(m.delta)} (${formatCount(m.base)} → ${formatCount(m.head)})`);
  for (const sla of report.slas) {
    if (sla.modelledChangePts !== null && sla.modelledChangePts !== 0) out.push(`${sla.name} ${formatPercent(sla.replayed.base)} → ${formatPercent(sla.modelled)} modelled`);
    else if (sla.modelled === null && sla.utilisation.head !== null && sla.utilisation.head >= 1) out.push(`${sla.name}: queue grows every week`);
  }
  for (const t of report.comp.total) {
    if (t.delta === '0.00') continue;
    const pct = t.deltaPct === null ? 'new' : `${signed(t.deltaPct, (x) => x.toFixed(1))} %`;
    out.push(`payout ${t.delta.startsWith('-') ? '−' : '+'}${formatMoney(t.delta.replace(/^-/, ''), t.currency)} (${pct})`);
  }
  const crossedRules = report.guardrails.filter((g) => g.isCrossed);
  if (crossedRules.length > 0) {
    const who = [...new Set(crossedRules.flatMap((g) => [...g.approvers.users, ...g.approvers.teams]))];
    out.push(`needs approval from ${who.join(', ')}`);
  } else out.push('no guardrail crossed');
  return { constraint, consequences: out };
}
