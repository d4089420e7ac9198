/**
 * Why a CAC figure is unknown (shown as "—" with the reason, never 0):
 * - `no-spend`: no spend row (nor headcount cost, for sales) falls in the span;
 * - `no-customers`: no new customer was won in the span (or, for the cohort, came from it);
 * - `mixed-currencies`: the spend rows are in more than one currency and no rate is declared;
 * - `sales-cost-unpriced`: the span's sales cost comes from headcount, and a sales team of this
 *   side has no headcount or cost the cost policies (the base, in impact) can price — e.g. a
 *   team relabelled out of sales or renamed; figures with sales cost are unknown.
 */
export type CacUnknown = 'no-spend' | 'no-customers' | 'mixed-currencies' | 'sales-cost-unpriced';

/** One CAC: spend ÷ customers, exact to cents; null with `unknown` when it cannot be computed. */
export interface CacFigure {
  /** The cost in the section's currency, to cents (half up); null when unknown. */
  value: string | null;
  unknown: CacUnknown | null;
}

/**
 * Where a period's sales cost came from: its spend rows, the declared headcount × cost per head,
 * or neither; `mixed` for the window when its periods differ.
 */
export type SalesCostBasis = 'spend' | 'headcount' | 'none' | 'mixed';

/** CAC over one report period (or the whole window). */
export interface CacPeriod {
  label: string;
  /** Spend allocated to the span, exact, to cents: by function, all of it, and on paid channels. */
  spend: { marketing: string; sales: string; total: string; paid: string };
  salesCostBasis: SalesCostBasis;
  /** New customers won in the span; those whose lead came from a paid channel. */
  customers: number;
  paidCustomers: number;
  /** New customers won by as-of whose lead arrived in the span (the cohort variant's denominator). */
  cohortCustomers: number;
  /** All spend ÷ new customers. */
  blended: CacFigure;
  marketing: CacFigure;
  sales: CacFigure;
  /** Paid-channel spend ÷ new customers from paid channels. */
  paid: CacFigure;
  /** All spend of the span ÷ new customers whose lead arrived in it. */
  cohort: CacFigure;
}

/** CAC of one source or campaign over the window: its spend ÷ the new customers it brought. */
export interface CacChannel {
  source: string;
  campaign: string | null;
  spend: string;
  customers: number;
  cac: CacFigure;
}

/** Customer acquisition cost per period, over the window and per source and campaign. */
export interface CacSection {
  /** The spend's currency; null when there is no spend or the spend mixes currencies. */
  currency: string | null;
  /** Why nothing can be computed at all (no spend row, mixed currencies); null otherwise. */
  unknown: CacUnknown | null;
  /** The currencies the spend rows hold, when they are more than one. */
  currencies: string[];
  /** Spend rows read, and those outside the window (not counted). */
  rows: { read: number; outsideWindow: number };
  /** Sales teams costed from headcount × cost per head for periods without sales spend rows. */
  headcountCost: { team: string; headcount: number; costPerHead: string; basis: 'declared' | 'ote' }[];
  /** Sources that carry spend: their leads are the paid channels' customers. */
  paidSources: string[];
  periods: CacPeriod[];
  window: CacPeriod;
  bySource: CacChannel[];
  byCampaign: CacChannel[];
}
