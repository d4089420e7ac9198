import { Decimal } from 'decimal.js';
import type { Evaluation } from '../engine/evaluate.js';
import { round } from '../engine/stats.js';
import type { PolicySet } from '../policy/types.js';
import type { CacImpact } from '../report/impact.js';

/**
 * CAC over the window under base and head, both with the BASE's cost per head (a head must not
 * price its own change); the head's declared headcount moves its sales cost, its lead
 * definition may move the customers. The change is blended CAC's, in % of the base, exact
 * until rounded to 2 places; null when either side is unknown or the base is 0.
 */
export function compareCac(base: Evaluation, head: Evaluation, baseSet: PolicySet): CacImpact {
  const b = base.measureCac(baseSet);
  const h = head.measureCac(baseSet);
  const changePct = percentChange(b.window.blended.value, h.window.blended.value);
  return {
    currency: b.currency,
    blended: { base: b.window.blended, head: h.window.blended },
    paid: { base: b.window.paid, head: h.window.paid },
    customers: { base: b.window.customers, head: h.window.customers },
    customersDelta: h.window.customers - b.window.customers,
    salesCost: { base: b.window.spend.sales, head: h.window.spend.sales },
    changePct,
    paidChangePct: percentChange(b.window.paid.value, h.window.paid.value),
    salesCostDelta: new Decimal(h.window.spend.sales).minus(b.window.spend.sales).toFixed(2),
  };
}

/** Head against base in % of the base, exact until rounded to 2 places; null when either is unknown or the base is 0. */
function percentChange(base: string | null, head: string | null): number | null {
  if (base === null || head === null || new Decimal(base).isZero()) return null;
  return round(new Decimal(head).minus(base).div(base).times(100).toNumber(), 2);
}
