import type { CacFigure, CacSection, CacUnknown } from '../core/report/cac.js';
import { formatCount, formatMoney } from './figures.js';
import type { TableModel } from './report-tables.js';

const reasons: Readonly<Record<CacUnknown, string>> = {
  'no-spend': 'no spend',
  'no-customers': 'none won',
  'mixed-currencies': 'currencies',
  'sales-cost-unpriced': 'sales team unpriced',
};

/** Why a CAC is unknown, in words. */
export function describeCacUnknown(reason: CacUnknown): string {
  return reasons[reason];
}

/** A CAC figure, or `— (why)`. */
export function formatCac(f: CacFigure, currency: string | null): string {
  if (f.value !== null) return formatMoney(f.value, currency);
  return f.unknown === null ? '—' : `— (${describeCacUnknown(f.unknown)})`;
}

const basisText = { spend: 'rows', headcount: 'heads', none: '—', mixed: 'mixed' } as const;

/** Per report period and the window: spend by function, where sales cost came from, and the new customers. */
export function cacSpendTable(cac: CacSection): TableModel {
  return {
    headers: ['period', 'marketing', 'sales', 'from', 'total', 'paid', 'won', 'paid won', 'cohort'],
    rows: [...cac.periods, cac.window].map((p) => [
      p.label,
      formatMoney(p.spend.marketing, null),
      formatMoney(p.spend.sales, null),
      basisText[p.salesCostBasis],
      formatMoney(p.spend.total, null),
      formatMoney(p.spend.paid, null),
      formatCount(p.customers),
      formatCount(p.paidCustomers),
      formatCount(p.cohortCustomers),
    ]),
    align: ['left', 'right', 'right', 'left', 'right', 'right', 'right', 'right', 'right'],
  };
}

/** Per report period and the window: blended, marketing, sales, paid and cohort CAC. */
export function cacPeriodTable(cac: CacSection): TableModel {
  return {
    headers: ['period', 'blended', 'marketing', 'sales', 'paid', 'cohort'],
    rows: [...cac.periods, cac.window].map((p) => [
      p.label,
      formatCac(p.blended, null),
      formatCac(p.marketing, null),
      formatCac(p.sales, null),
      formatCac(p.paid, null),
      formatCac(p.cohort, null),
    ]),
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
  };
}

/** Per source, then per campaign, over the window: spend, new customers, CAC. */
export function cacChannelTable(cac: CacSection): TableModel {
  return {
    headers: ['source', 'campaign', 'spend', 'won', 'CAC'],
    rows: [...cac.bySource, ...cac.byCampaign].map((c) => [
      c.source,
      c.campaign ?? '(all)',
      formatMoney(c.spend, null),
      formatCount(c.customers),
      formatCac(c.cac, null),
    ]),
    align: ['left', 'left', 'right', 'right', 'right'],
  };
}

/** The notes under the tables: conventions, where sales cost came from, what could not be computed. */
export function cacNotes(cac: CacSection): string[] {
  if (cac.unknown === 'no-spend')
    return ['CAC — (no spend rows): add spend.csv (date, function, amount, …) to the data, or map a spend export.'];
  if (cac.unknown === 'mixed-currencies')
    return [
      `CAC — (spend in ${cac.currencies.join(', ')}; no exchange rate is declared): export the spend in one currency.`,
    ];
  const notes = [
    "won: new customers won in the period; cohort: those won by as-of whose lead arrived in it. No lag: a period's spend ÷ the new customers (first won deal per account, expansion and renewal left out) won in it. Cohort: the period's spend ÷ the new customers won by as-of whose lead arrived in it (young periods have had less time to win). Paid: spend that names a source ÷ new customers from those sources.",
  ];
  if (cac.headcountCost.length > 0)
    notes.push(
      `Sales cost from the spend rows where a period has sales rows, else ${cac.headcountCost
        .map(
          (t) =>
            `${t.team} ${formatCount(t.headcount)} heads × ${formatMoney(t.costPerHead, cac.currency)} a year (${t.basis === 'ote' ? 'OTE' : 'declared'})`,
        )
        .join(', ')} × days ÷ 365 — never both.`,
    );
  if (cac.rows.outsideWindow > 0)
    notes.push(
      `${formatCount(cac.rows.outsideWindow)} of ${formatCount(cac.rows.read)} spend rows fall outside the window.`,
    );
  return notes;
}
