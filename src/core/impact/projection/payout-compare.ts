import { Dec, formatMoney, ZERO } from '../../engine/comp/money.js';
import type { Decimal } from '../../engine/comp/money.js';
import type { CompPlanResult } from '../../report/comp.js';
import type { PayoutReason, PlanPayoutChange } from '../../report/impact-payouts.js';
import type { ProjectedPayoutTotal, ProjectedPlanPayout } from '../../report/projection-payouts.js';
import { summariseReasons } from '../payout-reasons.js';

const money = (d: Decimal | null) => (d === null ? null : formatMoney(d));
const minus = (a: Decimal | null, b: Decimal | null) => (a === null || b === null ? null : a.minus(b));

/**
 * Under the same terms a component can only pay differently because its metric moved, even by less
 * than the 4 places a value is shown to (a period with minutes left): say so instead of "terms changed".
 */
export function explainHiddenMoves(
  change: PlanPayoutChange,
  base: CompPlanResult | null,
  head: CompPlanResult | null,
): PlanPayoutChange {
  const lineOf = (r: CompPlanResult | null, person: string, period: string, id: string | null) =>
    r?.people
      .find((p) => p.id === person)
      ?.periods.find((k) => k.period === period)
      ?.components.find((c) => c.id === id);
  const parts = change.parts.map((part) => {
    if (part.part !== 'component') return part;
    const lines = part.lines.map((l) => {
      const [b, h] = [lineOf(base, l.personId, l.period, part.id), lineOf(head, l.personId, l.period, part.id)];
      if (b === undefined || h === undefined || !l.reasons.every((r) => r.code === 'terms-changed')) return l;
      const moved: PayoutReason = {
        code: 'metric-moved',
        metric: h.metric,
        value: { base: b.value, head: h.value, delta: new Dec(h.value).minus(b.value).toFixed() },
        attainment: {
          base: b.attainment,
          head: h.attainment,
          delta:
            b.attainment === null || h.attainment === null
              ? null
              : new Dec(h.attainment).minus(b.attainment).toNumber(),
        },
      };
      return { ...l, reasons: [moved] };
    });
    return { ...part, lines, reasons: summariseReasons(lines) };
  });
  return { ...change, parts };
}

/** Σ per currency; a currency with an unknown plan has null totals. */
export function sumTotals(plans: readonly ProjectedPlanPayout[]): ProjectedPayoutTotal[] {
  const currencies = [...new Set(plans.map((p) => p.currency))].sort();
  return currencies.map((currency) => {
    const mine = plans.filter((p) => p.currency === currency);
    const sum = (pick: (p: ProjectedPlanPayout) => string | null | undefined): Decimal | null =>
      mine.reduce<Decimal | null>((s, p) => {
        const v = pick(p);
        return s === null || v === null || v === undefined ? null : s.plus(v);
      }, ZERO);
    const base = sum((p) => p.payout?.total.base);
    const head = sum((p) => p.payout?.total.head);
    const low = sum((p) => p.range.headLow);
    const high = sum((p) => p.range.headHigh);
    return {
      currency,
      base: money(base),
      head: money(head),
      delta: money(minus(head, base)),
      headLow: money(low),
      headHigh: money(high),
      deltaLow: money(minus(low, base)),
      deltaHigh: money(minus(high, base)),
    };
  });
}
