import { Decimal } from 'decimal.js';
import type { CompPersonPeriod, CompPlanResult, CompSection, Money } from '../report/comp.js';
import type { Delta } from '../report/impact.js';
import type {
  GateHold,
  PayoutLineChange,
  PayoutPartChange,
  PayoutReason,
  PlanPayoutChange,
} from '../report/impact-payouts.js';
import { componentReasons, extraReasons, multiplierReasons, summariseReasons } from './payout-reasons.js';

type Lines = ReadonlyMap<string, CompPersonPeriod>;

/** Each person-period of a plan by `person\0period`. */
function linesOf(plan: CompPlanResult | undefined): Lines {
  return new Map((plan?.people ?? []).flatMap((p) => p.periods.map((k) => [`${p.id}\u0000${k.period}`, k] as const)));
}

function money(d: Decimal): Money {
  const text = d.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

function sum(amounts: readonly string[]): Decimal {
  return amounts.reduce((s, a) => s.plus(a), new Decimal(0));
}

/** What one part pays one person in one period, and why it changed. */
interface PartRule {
  pay(line: CompPersonPeriod): Decimal;
  reasons(base: CompPersonPeriod | undefined, head: CompPersonPeriod | undefined): PayoutReason[];
}

function comparePart(
  part: PayoutPartChange['part'],
  id: string | null,
  metric: string | null,
  rule: PartRule,
  keys: readonly string[],
  base: Lines,
  head: Lines,
): PayoutPartChange {
  let b = new Decimal(0);
  let h = new Decimal(0);
  const lines: PayoutLineChange[] = [];
  for (const key of keys) {
    const bl = base.get(key);
    const hl = head.get(key);
    const bp = bl === undefined ? new Decimal(0) : rule.pay(bl);
    const hp = hl === undefined ? new Decimal(0) : rule.pay(hl);
    b = b.plus(bp);
    h = h.plus(hp);
    if (bp.equals(hp)) continue;
    const [personId = '', period = ''] = key.split('\u0000');
    lines.push({
      personId,
      period,
      payout: { base: money(bp), head: money(hp), delta: money(hp.minus(bp)) },
      reasons: rule.reasons(bl, hl),
    });
  }
  const payout: Delta<Money> = { base: money(b), head: money(h), delta: money(h.minus(b)) };
  return { part, id, metric, payout, reasons: summariseReasons(lines), lines };
}

function componentIds(head: Lines, base: Lines): Map<string, string> {
  const ids = new Map<string, string>();
  for (const lines of [head, base])
    for (const line of lines.values()) for (const c of line.components) if (!ids.has(c.id)) ids.set(c.id, c.metric);
  return ids;
}

/** Gates that failed on one side, grouped by gate. */
function holdsOf(lines: Lines): GateHold[] {
  const holds = new Map<string, GateHold & { who: Set<string>; when: Set<string> }>();
  for (const [key, line] of lines) {
    for (const g of line.gates) {
      if (g.isPassed) continue;
      const hold = holds.get(g.id) ?? {
        gate: g.id,
        metric: g.metric,
        min: g.min,
        components: [...g.components],
        periods: [],
        people: 0,
        lines: 0,
        lowest: null,
        highest: null,
        who: new Set<string>(),
        when: new Set<string>(),
      };
      hold.who.add(key.split('\u0000')[0] ?? '');
      hold.when.add(line.period);
      hold.lines++;
      if (g.value !== null) {
        hold.lowest = hold.lowest === null ? g.value : Math.min(hold.lowest, g.value);
        hold.highest = hold.highest === null ? g.value : Math.max(hold.highest, g.value);
      }
      holds.set(g.id, hold);
    }
  }
  return [...holds.values()].map(({ who, when, ...hold }) => ({
    ...hold,
    periods: [...when].sort(),
    people: who.size,
  }));
}

function comparePlan(name: string, currency: string, b: CompPlanResult | undefined, h: CompPlanResult | undefined) {
  const base = linesOf(b);
  const head = linesOf(h);
  const keys = [...new Set([...base.keys(), ...head.keys()])].sort();
  const components = [...componentIds(head, base)].map(([id, metric]) =>
    comparePart(
      'component',
      id,
      metric,
      {
        pay: (l) => new Decimal(l.components.find((c) => c.id === id)?.payout ?? 0),
        reasons: (x, y) => componentReasons(id, x, y),
      },
      keys,
      base,
      head,
    ),
  );
  const extras = [
    comparePart(
      'multipliers',
      null,
      null,
      { pay: (l) => new Decimal(l.variablePay).minus(l.componentPay), reasons: multiplierReasons },
      keys,
      base,
      head,
    ),
    comparePart(
      'spiffs',
      null,
      null,
      { pay: (l) => sum(l.spiffs.map((s) => s.amount)), reasons: (x, y) => extraReasons(x, y, false) },
      keys,
      base,
      head,
    ),
    comparePart(
      'clawbacks',
      null,
      null,
      { pay: (l) => sum(l.clawbacks.map((s) => s.amount)), reasons: (x, y) => extraReasons(x, y, true) },
      keys,
      base,
      head,
    ),
  ].filter((p) => p.payout.base !== '0.00' || p.payout.head !== '0.00');
  const bt = new Decimal(b?.totals.total ?? 0);
  const ht = new Decimal(h?.totals.total ?? 0);
  const held = { base: holdsOf(base), head: holdsOf(head) };
  return {
    plan: name,
    currency,
    exists: { base: b !== undefined, head: h !== undefined },
    total: { base: money(bt), head: money(ht), delta: money(ht.minus(bt)) },
    parts: [...components, ...extras],
    heldByGates: held,
    isZeroByGate: {
      base: b !== undefined && bt.isZero() && held.base.length > 0,
      head: h !== undefined && ht.isZero() && held.head.length > 0,
    },
  } satisfies PlanPayoutChange;
}

/**
 * Payouts base vs head by plan and by part (each component, then team multipliers, SPIFs and
 * clawbacks, adding up exactly to the plan's total), each changed person-period with the coded
 * reasons it changed, and the gates that failed on each side. Plans are matched by name and
 * currency, in name order. Pure: any two comp sections (e.g. one recomputed on projected
 * metric values) can be compared.
 */
export function comparePayouts(base: CompSection | null, head: CompSection | null): PlanPayoutChange[] {
  const key = (p: CompPlanResult) => `${p.name}\u0000${p.currency}`;
  const b = new Map((base?.plans ?? []).map((p) => [key(p), p]));
  const h = new Map((head?.plans ?? []).map((p) => [key(p), p]));
  return [...new Set([...b.keys(), ...h.keys()])].sort().map((k) => {
    const plan = h.get(k) ?? b.get(k);
    return comparePlan(plan?.name ?? '', plan?.currency ?? '', b.get(k), h.get(k));
  });
}
