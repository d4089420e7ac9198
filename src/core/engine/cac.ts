import { costPerHeadOf } from '../impact/projection/cost.js';
import type { Row } from '../data/types.js';
import type { PolicySet } from '../policy/types.js';
import type { CacChannel, CacFigure, CacPeriod, CacSection, CacUnknown, SalesCostBasis } from '../report/cac.js';
import { allocateSpend, countWindowDays, SpendBucket } from './cac-spend.js';
import { listNewCustomers } from './cac-customers.js';
import { Dec, formatMoney } from './comp/money.js';
import type { TimeWindow } from './context.js';
import type { Period } from './periods.js';

const DAYS_PER_YEAR = 365;

export interface CacInput {
  spend: readonly Row[];
  opportunities: readonly Row[];
  leads: readonly Row[];
  leadOfOpportunity: Int32Array;
  periods: readonly Period[];
  window: TimeWindow;
  asOf: number;
  timeZone: string;
  /** The policies whose Funnel declares the sales teams' headcount. */
  set: PolicySet;
  /** The policies that price a head (the base's in an impact: a head must not price its own change). */
  costSet: PolicySet;
}

/** The most heads a team's stages declare, or null when none of its stages declares a headcount. */
function declaredHeadcount(set: PolicySet, team: string): number | null {
  const counts = (set.Funnel[0]?.spec.stages ?? []).flatMap((s) =>
    s.owner === team && s.capacity?.headcount !== undefined ? [s.capacity.headcount] : [],
  );
  return counts.length === 0 ? null : Math.max(...counts);
}

/**
 * Sales teams with a declared headcount and a cost per head. Which teams are sales, and what a
 * head costs, come from `costSet` (the base in impact): a head that relabels, renames or
 * re-owns a sales team cannot drop its cost. A sales team the cost policies cannot price on this
 * side (its headcount gone, or a sales team they do not have) is `unpriced`: headcount-based
 * sales cost is then unknown, never a silent 0.
 */
function costedSalesTeams(
  set: PolicySet,
  costSet: PolicySet,
): { teams: CacSection['headcountCost']; unpriced: string[] } {
  const salesOf = (s: PolicySet) => (s.Funnel[0]?.spec.teams ?? []).filter((t) => t.function === 'sales');
  const priced = new Set(salesOf(costSet).map((t) => t.id));
  const unpriced = salesOf(set).flatMap((t) => (priced.has(t.id) ? [] : [t.id]));
  const teams: CacSection['headcountCost'] = [];
  for (const id of [...priced].sort()) {
    const cost = costPerHeadOf(costSet, id);
    if (cost === null) continue; // no cost on either side: the same on both
    const headcount = declaredHeadcount(set, id);
    if (headcount === null) {
      if (declaredHeadcount(costSet, id) !== null) unpriced.push(id);
      continue;
    }
    teams.push({ team: id, headcount, costPerHead: cost.cost, basis: cost.basis });
  }
  return { teams, unpriced };
}

function figure(spend: SpendBucket, customers: number, blocked: CacUnknown | null): CacFigure {
  if (blocked !== null) return { value: null, unknown: blocked };
  if (spend.parts === 0) return { value: null, unknown: 'no-spend' };
  if (customers === 0) return { value: null, unknown: 'no-customers' };
  return { value: formatMoney(spend.sum.div(customers)), unknown: null };
}

function sum(...buckets: SpendBucket[]): SpendBucket {
  const out = new SpendBucket();
  for (const b of buckets) {
    out.sum = out.sum.plus(b.sum);
    out.parts += b.parts;
  }
  return out;
}

/**
 * Customer acquisition cost (see the README's metric reference). Lag convention: a period's
 * spend ÷ the new customers won in that period (no lag); the cohort variant divides it by the new
 * customers won by as-of whose lead arrived in the period. Blended: all spend ÷ all new
 * customers; paid: spend that names a source ÷ new customers whose lead came from such a source.
 * Sales cost: a period's `sales` spend rows when it has any, else the sales teams' declared
 * headcount × cost per head × the period's days in the window ÷ 365 — never both. Spend in more
 * than one currency makes every figure unknown (no exchange rate is declared anywhere).
 */
export function measureCac(input: CacInput): CacSection {
  const { periods, window, timeZone } = input;
  const stated = new Set(input.spend.map((r) => (typeof r.currency === 'string' ? r.currency : '(none)')));
  const currencies = [...stated].sort();
  const blocked: CacUnknown | null =
    input.spend.length === 0 ? 'no-spend' : currencies.length > 1 ? 'mixed-currencies' : null;
  const spent = allocateSpend(input.spend, periods, window, timeZone);
  const { teams, unpriced } = costedSalesTeams(input.set, input.costSet);
  const perDay = teams.reduce((s, t) => s.plus(new Dec(t.costPerHead).times(t.headcount)), new Dec(0));
  const days = countWindowDays(periods, window, timeZone);
  const customers = listNewCustomers(
    input.opportunities,
    input.leads,
    input.leadOfOpportunity,
    periods,
    window,
    input.asOf,
  );
  const paidSources = [...spent.bySource.keys()].sort();
  const isPaid = (source: string | null) => source !== null && spent.bySource.has(source);
  const windowSales = new SpendBucket();
  const bases: SalesCostBasis[] = [];
  // Periods whose sales cost would come from headcount a side cannot price: unknown there.
  const unpricedPeriods: number[] = [];
  const rows: CacPeriod[] = periods.map((p, k) => {
    const sales = spent.sales[k] as SpendBucket;
    let basis: SalesCostBasis = sales.parts > 0 ? 'spend' : 'none';
    if (basis === 'none' && unpriced.length > 0 && (days[k] ?? 0) > 0) unpricedPeriods.push(k);
    else if (basis === 'none' && teams.length > 0 && (days[k] ?? 0) > 0) {
      // Spend rows win for the periods they cover: headcount cost only where there are none.
      sales.add(perDay.times(days[k] as number).div(DAYS_PER_YEAR));
      basis = 'headcount';
    }
    bases.push(basis);
    if (sales.parts > 0) windowSales.add(sales.sum);
    const won = customers.filter((c) => c.wonPeriod === k);
    return describePeriod(
      p.label,
      { marketing: spent.marketing[k] as SpendBucket, sales, paid: spent.paid[k] as SpendBucket },
      basis,
      {
        all: won.length,
        paid: won.filter((c) => isPaid(c.source)).length,
        cohort: customers.filter((c) => c.arrivalPeriod === k).length,
      },
      blocked,
      blocked ?? (unpricedPeriods.includes(k) ? 'sales-cost-unpriced' : null),
    );
  });
  const inWindow = customers.filter((c) => c.wonPeriod >= 0);
  const windowBasis: SalesCostBasis = bases.every((b) => b === bases[0]) ? (bases[0] ?? 'none') : 'mixed';
  const channel = (source: string, campaign: string | null, bucket: SpendBucket): CacChannel => {
    const n = inWindow.filter((c) => c.source === source && (campaign === null || c.campaign === campaign)).length;
    return { source, campaign, spend: formatMoney(bucket.sum), customers: n, cac: figure(bucket, n, blocked) };
  };
  return {
    currency: blocked === null && currencies[0] !== '(none)' ? (currencies[0] ?? null) : null,
    unknown: blocked,
    currencies: currencies.length > 1 ? currencies : [],
    rows: { read: input.spend.length, outsideWindow: spent.outsideWindow },
    headcountCost: teams,
    paidSources,
    periods: rows,
    window: describePeriod(
      'window',
      { marketing: spent.window.marketing, sales: windowSales, paid: spent.window.paid },
      windowBasis,
      {
        all: inWindow.length,
        paid: inWindow.filter((c) => isPaid(c.source)).length,
        cohort: customers.filter((c) => c.arrivalPeriod >= 0).length,
      },
      blocked,
      blocked ?? (unpricedPeriods.length > 0 ? 'sales-cost-unpriced' : null),
    ),
    bySource: [...spent.bySource].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, b]) => channel(s, null, b)),
    byCampaign: [...spent.byCampaign]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, b]) => {
        const [source = '', campaign = ''] = key.split('\u0000');
        return channel(source, campaign, b);
      }),
  };
}

function describePeriod(
  label: string,
  spend: { marketing: SpendBucket; sales: SpendBucket; paid: SpendBucket },
  basis: SalesCostBasis,
  count: { all: number; paid: number; cohort: number },
  blocked: CacUnknown | null,
  salesBlocked: CacUnknown | null,
): CacPeriod {
  const total = sum(spend.marketing, spend.sales);
  return {
    label,
    spend: {
      marketing: formatMoney(spend.marketing.sum),
      sales: formatMoney(spend.sales.sum),
      total: formatMoney(total.sum),
      paid: formatMoney(spend.paid.sum),
    },
    salesCostBasis: basis,
    customers: count.all,
    paidCustomers: count.paid,
    cohortCustomers: count.cohort,
    blended: figure(total, count.all, salesBlocked),
    marketing: figure(spend.marketing, count.all, blocked),
    sales: figure(spend.sales, count.all, salesBlocked),
    paid: figure(spend.paid, count.paid, blocked),
    cohort: figure(total, count.cohort, salesBlocked),
  };
}
