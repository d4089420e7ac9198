import type { ImpactReport } from '../core/report/impact.js';
import { formatCac } from './cac-tables.js';
import { formatCount, formatMoney } from './figures.js';
import { NONE, signed, signedMoney } from './impact-phrases.js';

/** A change in % with the impact's sign, or "—" when it cannot be computed. */
function signedPct(value: number | null): string {
  return value === null ? NONE : `${signed(value, (x) => x.toFixed(1))} %`;
}

/** CAC rows of the impact's summary table: [label, base, head, change]. */
export function cacImpactRows(r: ImpactReport): string[][] {
  const c = r.cac;
  if (c === undefined) return [];
  const cur = c.currency === null ? '' : ` (${c.currency})`;
  return [
    [
      `Blended CAC, window${cur}`,
      formatCac(c.blended.base, null),
      formatCac(c.blended.head, null),
      signedPct(c.changePct),
    ],
    [`Paid CAC, window${cur}`, formatCac(c.paid.base, null), formatCac(c.paid.head, null), signedPct(c.paidChangePct)],
    [
      'New customers won',
      formatCount(c.customers.base),
      formatCount(c.customers.head),
      signed(c.customers.head - c.customers.base),
    ],
    [
      `Sales cost, window${cur}`,
      formatMoney(c.salesCost.base, null),
      formatMoney(c.salesCost.head, null),
      signedMoney(c.salesCostDelta),
    ],
  ];
}

/** The CAC line of the terminal impact: base → head, with the basis of the sales cost. */
export function cacImpactLines(r: ImpactReport): string[] {
  const c = r.cac;
  if (c === undefined) return [];
  const cur = c.currency ?? '';
  return [
    '',
    `Blended CAC over the window ${formatCac(c.blended.base, cur)} → ${formatCac(c.blended.head, cur)}${c.changePct === null ? '' : ` (${signedPct(c.changePct)})`}; paid ${formatCac(c.paid.base, cur)} → ${formatCac(c.paid.head, cur)}; ${formatCount(c.customers.base)} → ${formatCount(c.customers.head)} new customers; sales cost ${formatMoney(c.salesCost.base, c.currency)} → ${formatMoney(c.salesCost.head, c.currency)} (heads at the base's cost per head).`,
  ];
}
