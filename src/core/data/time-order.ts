import type { EntityName } from '../model/canonical.js';
import { CoercionFailure } from './coerce-failure.js';
import type { FieldPlan } from './field-plan.js';

/**
 * Two date-times of one row that cannot come in the other order; or, with `isOutcome`, an
 * outcome (`earlier`, a boolean) that cannot be known without the date-time `later`.
 */
export interface TimeOrder {
  earlier: string;
  later: string;
  /** Why, for the reader of the data issue. */
  reason: string;
  isOutcome?: true;
}

/**
 * Orderings a row must keep, per entity. A row that breaks one is rejected, so every section
 * sees the same rows: a deal closed before it was created would otherwise be won in Deals and
 * still open in the funnel, which ignores stamps before an entry.
 */
export const timeOrders: Partial<Record<EntityName, readonly TimeOrder[]>> = {
  opportunities: [
    { earlier: 'created_at', later: 'closed_at', reason: 'an opportunity cannot close before it is created' },
    { earlier: 'closed_at', later: 'cancelled_at', reason: 'a deal cannot be cancelled before it closes' },
    // Won or lost by its outcome yet open by its dates, otherwise.
    { earlier: 'won', later: 'closed_at', reason: 'a closed deal has a close date', isOutcome: true },
  ],
};

/** A time order between two fields that rows keep: where each sits in the plan. */
export interface BoundTimeOrder extends TimeOrder {
  laterPlan: FieldPlan;
}

/** The orders of `entity` that can be checked on rows made of `kept` fields. */
export function bindTimeOrders(entity: EntityName, kept: readonly FieldPlan[]): BoundTimeOrder[] {
  const out: BoundTimeOrder[] = [];
  for (const order of timeOrders[entity] ?? []) {
    const laterPlan = kept.find((f) => f.field === order.later);
    if (laterPlan !== undefined && kept.some((f) => f.field === order.earlier)) out.push({ ...order, laterPlan });
  }
  return out;
}

/** The first order a row breaks, as the failure to report on its later field; undefined when it keeps them all. */
export function findTimeDisorder(
  row: Readonly<Record<string, unknown>>,
  orders: readonly BoundTimeOrder[],
): { plan: FieldPlan; raw: string; failure: CoercionFailure } | undefined {
  for (const order of orders) {
    const earlier = row[order.earlier];
    const later = row[order.later];
    if (order.isOutcome === true) {
      if (typeof earlier !== 'boolean' || later !== null) continue;
      const failure = new CoercionFailure(
        'data.impossible-order',
        `The deal is ${earlier ? 'won' : 'lost'} but ${order.later} is empty: ${order.reason}.`,
        `Map ${order.later} to the close date (a derive rule may read a column spelt differently), or leave ${order.earlier} empty while the deal is open.`,
      );
      return { plan: order.laterPlan, raw: '', failure };
    }
    if (typeof earlier === 'number' && typeof later === 'number' && later < earlier) {
      const raw = new Date(later).toISOString();
      const failure = new CoercionFailure(
        'data.impossible-order',
        `${raw} is before ${order.earlier} ${new Date(earlier).toISOString()}: ${order.reason}.`,
        `Correct ${order.later} or ${order.earlier} in the export; the row is left out of every section.`,
      );
      return { plan: order.laterPlan, raw, failure };
    }
  }
  return undefined;
}
