import { Decimal } from 'decimal.js';
import type { CompComponentLine, CompGateLine, CompPersonPeriod } from '../report/comp.js';
import type { Delta } from '../report/impact.js';
import type { PayoutLineChange, PayoutReason, PayoutReasonSummary } from '../report/impact-payouts.js';

function numberPair(base: number | null, head: number | null): Delta<number | null> {
  return {
    base,
    head,
    delta: base === null || head === null ? null : new Decimal(head).minus(base).toNumber(),
  };
}

function isOn(p: CompPersonPeriod | undefined): boolean {
  return p !== undefined && p.isActive;
}

/** A person on the plan in a period under one side only; null when on it under both (or neither). */
export function membershipReason(
  base: CompPersonPeriod | undefined,
  head: CompPersonPeriod | undefined,
): PayoutReason | null {
  if (isOn(base) === isOn(head)) return null;
  return { code: isOn(head) ? 'person-joined' : 'person-left' };
}

function gateReasons(
  id: string,
  gated: readonly CompGateLine[],
  other: readonly CompGateLine[],
  isHeadGated: boolean,
): PayoutReason[] {
  return gated
    .filter((g) => !g.isPassed && g.components.includes(id))
    .map((g) => {
      const o = other.find((x) => x.id === g.id);
      const [b, h] = isHeadGated ? [o, g] : [g, o];
      return {
        code: isHeadGated ? 'gate-failed' : 'gate-passed',
        gate: g.id,
        metric: g.metric,
        min: numberPair(b?.min ?? null, h?.min ?? null),
        value: numberPair(b?.value ?? null, h?.value ?? null),
      };
    });
}

/**
 * Why one component paid one person differently in one period, most direct first: who is on
 * the plan, the component itself, gates, the cap, the tier, the metric and its target; the
 * terms when nothing measured differs.
 */
export function componentReasons(
  id: string,
  base: CompPersonPeriod | undefined,
  head: CompPersonPeriod | undefined,
): PayoutReason[] {
  const joined = membershipReason(base, head);
  if (joined !== null) return [joined];
  const b: CompComponentLine | undefined = base?.components.find((c) => c.id === id);
  const h: CompComponentLine | undefined = head?.components.find((c) => c.id === id);
  if (b === undefined || h === undefined) return [{ code: h === undefined ? 'component-removed' : 'component-added' }];
  const out: PayoutReason[] = [];
  if (b.isGated !== h.isGated)
    out.push(
      ...(h.isGated
        ? gateReasons(id, head?.gates ?? [], base?.gates ?? [], true)
        : gateReasons(id, base?.gates ?? [], head?.gates ?? [], false)),
    );
  if (b.isCapped !== h.isCapped)
    out.push({ code: h.isCapped ? 'cap-hit' : 'cap-released', factor: numberPair(b.factor, h.factor) });
  else if (b.isCapped && b.factor !== h.factor)
    out.push({ code: 'cap-changed', factor: numberPair(b.factor, h.factor) });
  if (b.tier !== h.tier)
    out.push({
      code: 'tier-crossed',
      metric: h.metric,
      tier: numberPair(b.tier, h.tier),
      attainment: numberPair(b.attainment, h.attainment),
    });
  if (b.value !== h.value || b.metric !== h.metric)
    out.push({
      code: 'metric-moved',
      metric: h.metric,
      value: { base: b.value, head: h.value, delta: b.metric === h.metric ? difference(b.value, h.value) : null },
      attainment: numberPair(b.attainment, h.attainment),
    });
  const unknown = [...(b.isUnknown ? ['base' as const] : []), ...(h.isUnknown ? ['head' as const] : [])];
  if (unknown.length > 0) out.push({ code: 'metric-unknown', metric: h.metric, sides: unknown });
  if (b.target !== h.target)
    out.push({ code: 'target-changed', metric: h.metric, target: textPair(b.target, h.target) });
  if (out.length === 0) out.push({ code: 'terms-changed' });
  return out;
}

function textPair(base: string | null, head: string | null): Delta<string | null> {
  return { base, head, delta: base === null || head === null ? null : difference(base, head) };
}

function difference(base: string, head: string): string | null {
  try {
    return new Decimal(head).minus(base).toFixed();
  } catch {
    return null;
  }
}

/** Why the team multipliers added a different amount: one applies on one side only, or the pay they multiply moved. */
export function multiplierReasons(
  base: CompPersonPeriod | undefined,
  head: CompPersonPeriod | undefined,
): PayoutReason[] {
  const joined = membershipReason(base, head);
  if (joined !== null) return [joined];
  const out: PayoutReason[] = [];
  for (const h of head?.multipliers ?? []) {
    const b = base?.multipliers.find((m) => m.id === h.id);
    if ((b?.isApplied ?? false) === h.isApplied) continue;
    out.push({
      code: h.isApplied ? 'multiplier-applied' : 'multiplier-lost',
      multiplier: h.id,
      metric: h.metric,
      value: numberPair(b?.value ?? null, h.value),
      min: numberPair(b?.min ?? null, h.min),
    });
  }
  for (const b of base?.multipliers ?? []) {
    if (b.isApplied && !(head?.multipliers ?? []).some((m) => m.id === b.id))
      out.push({
        code: 'multiplier-lost',
        multiplier: b.id,
        metric: b.metric,
        value: numberPair(b.value, null),
        min: numberPair(b.min, null),
      });
  }
  if (base?.componentPay !== head?.componentPay) out.push({ code: 'base-pay-changed' });
  if (out.length === 0) out.push({ code: 'terms-changed' });
  return out;
}

/** Why SPIFs or clawbacks differ: who is on the plan, the pay a clawback takes back, else the terms. */
export function extraReasons(
  base: CompPersonPeriod | undefined,
  head: CompPersonPeriod | undefined,
  isClawback: boolean,
): PayoutReason[] {
  const joined = membershipReason(base, head);
  if (joined !== null) return [joined];
  if (isClawback && base?.componentPay !== head?.componentPay) return [{ code: 'base-pay-changed' }];
  return [{ code: 'terms-changed' }];
}

function subjectOf(r: PayoutReason): string | null {
  if ('gate' in r) return r.gate;
  if ('multiplier' in r) return r.multiplier;
  if ('metric' in r) return r.metric;
  return null;
}

/** The lines grouped by reason (code and subject), in the order reasons first appear. */
export function summariseReasons(lines: readonly PayoutLineChange[]): PayoutReasonSummary[] {
  const groups = new Map<
    string,
    {
      example: PayoutReason;
      isUniform: boolean;
      periods: Set<string>;
      people: Set<string>;
      lines: number;
      delta: Decimal;
    }
  >();
  for (const line of lines) {
    const change = new Decimal(line.payout.head).minus(line.payout.base);
    for (const reason of line.reasons) {
      const key = JSON.stringify([reason.code, subjectOf(reason)]);
      const g = groups.get(key) ?? {
        example: reason,
        isUniform: true,
        periods: new Set<string>(),
        people: new Set<string>(),
        lines: 0,
        delta: new Decimal(0),
      };
      if (JSON.stringify(reason) !== JSON.stringify(g.example)) g.isUniform = false;
      g.periods.add(line.period);
      g.people.add(line.personId);
      g.lines++;
      g.delta = g.delta.plus(change);
      groups.set(key, g);
    }
  }
  return [...groups.values()].map((g) => ({
    code: g.example.code,
    subject: subjectOf(g.example),
    periods: [...g.periods].sort(),
    people: g.people.size,
    lines: g.lines,
    delta: g.delta.toFixed(2),
    example: g.example,
    isUniform: g.isUniform,
  }));
}
