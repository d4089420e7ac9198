import type { Row } from '../data/types.js';
import type { TimeWindow } from './context.js';
import type { Period } from './periods.js';
import { periodFinder } from './periods.js';

/** Deal sources that sell to an existing customer: their wins are no new customer. */
const existingCustomerSources: ReadonlySet<string> = new Set(['expansion', 'renewal', 'upsell']);

/** One new customer: its first won deal, where its lead came from and when it arrived. */
export interface NewCustomer {
  /** Report period of the win (−1 outside the window). */
  wonPeriod: number;
  /** Report period the customer's lead arrived in (−1 without a lead, or outside the window). */
  arrivalPeriod: number;
  source: string | null;
  campaign: string | null;
}

/**
 * The new customers won by as-of: per account (`account_id`, else the deal itself) its first
 * deal won — `won` true with `closed_at` by as-of — that is not sold to an existing customer
 * (source expansion, renewal or upsell). Source and campaign are its lead's, else the deal's
 * source. Cost: one pass over the opportunities.
 */
export function listNewCustomers(
  opportunities: readonly Row[],
  leads: readonly Row[],
  leadOfOpportunity: Int32Array,
  periods: readonly Period[],
  window: TimeWindow,
  asOf: number,
): NewCustomer[] {
  const first = new Map<string, number>();
  for (const [k, opp] of opportunities.entries()) {
    const closed = opp.closed_at;
    if (opp.won !== true || typeof closed !== 'number' || closed > asOf) continue;
    if (typeof opp.source === 'string' && existingCustomerSources.has(opp.source)) continue;
    const key = typeof opp.account_id === 'string' ? `a:${opp.account_id}` : `o:${String(opp.id)}`;
    const seen = first.get(key);
    if (seen === undefined || closed < (opportunities[seen]?.closed_at as number)) first.set(key, k);
  }
  const find = periodFinder(periods);
  const inWindow = (t: unknown): number =>
    typeof t === 'number' && t >= window.start && t < window.end ? find(t) : -1;
  return [...first.values()].map((k) => {
    const opp = opportunities[k] as Row;
    const lead = leads[leadOfOpportunity[k] ?? -1];
    const source = typeof lead?.source === 'string' ? lead.source : typeof opp.source === 'string' ? opp.source : null;
    return {
      wonPeriod: inWindow(opp.closed_at),
      arrivalPeriod: inWindow(lead?.created_at),
      source,
      campaign: typeof lead?.campaign === 'string' ? lead.campaign : null,
    };
  });
}
