import type { ImpactReport } from '../core/report/impact.js';
import type {
  GateHold,
  PayoutPartChange,
  PayoutReason,
  PayoutReasonSummary,
  PlanPayoutChange,
} from '../core/report/impact-payouts.js';
import { formatDecimal, formatMoney, plural } from './figures.js';

/** A 4-dp figure as the engine measured it; `—` when it could not be. */
function figure(n: number | null): string {
  return n === null ? '—' : String(n);
}

function tierName(i: number | null): string {
  return i === null ? 'no tier' : `tier ${i + 1}`;
}

function change(base: string, head: string): string {
  return `${base} → ${head}`;
}

/** The fact a reason states, without where it applies. Plain text: ids are the policies' (escape before output). */
function describeFact(r: PayoutReason): string {
  switch (r.code) {
    case 'person-joined':
      return 'on the plan under the head only';
    case 'person-left':
      return 'off the plan under the head';
    case 'component-added':
      return 'component new under the head';
    case 'component-removed':
      return 'component removed by the head';
    case 'gate-failed':
    case 'gate-passed':
      return `gate ${r.gate} ${r.code === 'gate-failed' ? 'fails' : 'passes'} under the head: ${r.metric} ${change(figure(r.value.base), figure(r.value.head))}, min ${r.min.base === r.min.head ? figure(r.min.head) : change(figure(r.min.base), figure(r.min.head))}`;
    case 'cap-hit':
      return `cap reached under the head (factor ${change(figure(r.factor.base), figure(r.factor.head))})`;
    case 'cap-released':
      return `cap no longer reached (factor ${change(figure(r.factor.base), figure(r.factor.head))})`;
    case 'cap-changed':
      return `cap changed (capped factor ${change(figure(r.factor.base), figure(r.factor.head))})`;
    case 'tier-crossed':
      return `${r.metric} attainment ${change(figure(r.attainment.base), figure(r.attainment.head))} crosses from ${tierName(r.tier.base)} to ${tierName(r.tier.head)}`;
    case 'metric-moved':
      return `${r.metric} moves ${change(r.value.base === null ? '—' : formatDecimal(r.value.base), r.value.head === null ? '—' : formatDecimal(r.value.head))}`;
    case 'metric-unknown':
      return `${r.metric} unknown under the ${r.sides.join(' and ')}, counted as 0`;
    case 'target-changed':
      return `${r.metric} target ${change(r.target.base ?? '—', r.target.head ?? '—')}`;
    case 'multiplier-applied':
    case 'multiplier-lost':
      return `team multiplier ${r.multiplier} ${r.code === 'multiplier-applied' ? 'applies' : 'no longer applies'}: ${r.metric} ${change(figure(r.value.base), figure(r.value.head))}, min ${figure(r.min.head ?? r.min.base)}`;
    case 'base-pay-changed':
      return 'the pay it multiplies or takes back changes';
    case 'terms-changed':
      return "the plan's terms pay the same figures differently";
  }
}

/** One reason in words with where it applies: `gate g fails under the head: … — 2026-02, 3 people`. */
export function describePayoutReason(s: PayoutReasonSummary): string {
  const fact = describeFact(s.example);
  const where = `${s.periods.join(', ')}, ${plural(s.people, 'person', 'people')}`;
  return `${s.isUniform ? fact : `${fact} (first case; others differ)`} — ${where}`;
}

/** A part's label: `component (metric)`, or the part itself. */
export function partLabel(p: PayoutPartChange): string {
  if (p.part !== 'component')
    return p.part === 'multipliers' ? 'team multipliers' : p.part === 'spiffs' ? 'SPIFs' : p.part;
  return `${p.id ?? ''} (${p.metric ?? ''})`;
}

function holdText(h: GateHold): string {
  const range = h.lowest === h.highest ? figure(h.lowest) : `${figure(h.lowest)}–${figure(h.highest)}`;
  return `gate ${h.gate} failed (${h.metric} ${range} < min ${figure(h.min)}; ${h.periods.join(', ')}, ${plural(h.people, 'person', 'people')}) and held ${h.components.join(', ')}`;
}

function sameHolds(a: readonly GateHold[], b: readonly GateHold[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The gates that failed in a plan, in words, one sentence per side (one for both when they
 * agree), leading with "pays 0" when the plan pays nothing because of them. Plain text.
 */
export function describeGateHolds(p: PlanPayoutChange): string[] {
  const { base, head } = p.heldByGates;
  const zero = (side: 'base' | 'head') =>
    p.isZeroByGate[side] ? `pays ${formatMoney('0.00', p.currency)} because ` : '';
  const sentence = (who: string, side: 'base' | 'head', holds: readonly GateHold[]) =>
    `${p.plan} ${who}: ${zero(side)}${holds.map(holdText).join('; ')}.`;
  if (base.length > 0 && sameHolds(base, head) && p.isZeroByGate.base === p.isZeroByGate.head)
    return [sentence('under base and head', 'head', head)];
  return [
    ...(base.length > 0 ? [sentence('under the base', 'base', base)] : []),
    ...(head.length > 0 ? [sentence('under the head', 'head', head)] : []),
  ];
}

/** Plans whose payout changed, then those a failed gate holds back, for the reporters. */
export function payoutPlansToShow(r: ImpactReport): PlanPayoutChange[] {
  const shown = r.comp.plans.filter(
    (p) => changedParts(p).length > 0 || p.heldByGates.base.length > 0 || p.heldByGates.head.length > 0,
  );
  // Plans whose pay changed first, then those only held by a gate.
  return [...shown.filter((p) => changedParts(p).length > 0), ...shown.filter((p) => changedParts(p).length === 0)];
}

/** The parts of a plan whose pay changed. */
export function changedParts(p: PlanPayoutChange): PayoutPartChange[] {
  return p.parts.filter((x) => x.payout.delta !== '0.00' || x.lines.length > 0);
}
