import type { SourcedPart, SourcedShare } from '../report/attribution.js';
import type { CountedDeal } from './attribution.js';
import type { TouchPath } from './attribution-touches.js';
import { Dec, formatMoney, toRatio } from './comp/money.js';
import type { Decimal } from './comp/money.js';
import { classifySource } from './sourcing.js';
import type { SourcedBy } from './sourcing.js';

interface Part {
  deals: number;
  amount: Decimal | null;
}

const sides: readonly SourcedBy[] = ['marketing', 'sales', 'unattributed'];

/**
 * Marketing- vs sales-sourced pipeline and won revenue per currency, by the lead's own source
 * (the first touch, whatever model a table uses): one rule (`classifySource`) for both sides.
 * Shares are of all the basis's deals (and amounts) in that currency, unattributed included.
 */
export function measureSourcedShares(
  deals: readonly CountedDeal[],
  paths: readonly TouchPath[],
  sales: ReadonlySet<string>,
  none: ReadonlySet<string>,
): SourcedShare[] {
  const out: SourcedShare[] = [];
  for (const basis of ['pipeline', 'won'] as const) {
    const byCurrency = new Map<string | null, Record<SourcedBy, Part>>();
    deals.forEach((deal, k) => {
      if (basis === 'pipeline' ? !deal.isPipeline : !deal.isWon) return;
      let parts = byCurrency.get(deal.currency);
      if (parts === undefined) {
        parts = {
          marketing: { deals: 0, amount: null },
          sales: { deals: 0, amount: null },
          unattributed: { deals: 0, amount: null },
        };
        byCurrency.set(deal.currency, parts);
      }
      const part = parts[classifySource(paths[k]?.touches[0]?.source ?? null, sales, none)];
      part.deals++;
      if (deal.amount !== null) part.amount = (part.amount ?? new Dec(0)).plus(deal.amount);
    });
    const currencies = [...byCurrency.keys()].sort((a, b) =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1,
    );
    for (const currency of currencies) {
      const parts = byCurrency.get(currency) as Record<SourcedBy, Part>;
      const deals = sides.reduce((n, s) => n + parts[s].deals, 0);
      const known = sides.map((s) => parts[s].amount).filter((a): a is Decimal => a !== null);
      const total = known.length === 0 ? null : known.reduce((x, y) => x.plus(y), new Dec(0));
      const share = (p: Part): SourcedPart => ({
        deals: p.deals,
        amount: p.amount !== null ? formatMoney(p.amount) : p.deals === 0 ? '0.00' : null,
        dealShare: deals === 0 ? null : toRatio(new Dec(p.deals).div(deals)),
        amountShare: total === null || total.isZero() ? null : toRatio((p.amount ?? new Dec(0)).div(total)),
      });
      out.push({
        basis,
        currency,
        marketing: share(parts.marketing),
        sales: share(parts.sales),
        unattributed: share(parts.unattributed),
      });
    }
  }
  return out;
}
