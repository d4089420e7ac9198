/** How a deal's credit is spread over the touches of its lead before the opportunity was created. */
export type AttributionModel = 'first-touch' | 'last-touch' | 'linear';

/** What a table groups the credit by: the touch's lead source (channel) or its campaign. */
export type AttributionDimension = 'source' | 'campaign';

/** Credit of one source or campaign, in one currency. */
export interface AttributionRow {
  /** The source or campaign; null for touches without one (and deals without a lead). */
  key: string | null;
  /** The opportunities' currency; null for those without one. Amounts never mix currencies. */
  currency: string | null;
  /** Opportunities created in the window, credited (a linear share is a fraction), 4 dp. */
  pipelineDeals: number;
  /** Σ credited `amount` of those, exact to the cent; null when none of them carries an amount. */
  pipelineAmount: string | null;
  /** Opportunities won in the window (closed won, `closed_at` in it), credited, 4 dp. */
  wonDeals: number;
  /** Σ credited `amount` of those; null when none of them carries an amount. */
  wonAmount: string | null;
}

/** One attribution table: one model, one dimension; rows by key then currency. */
export interface AttributionTable {
  model: AttributionModel;
  dimension: AttributionDimension;
  rows: AttributionRow[];
}

/** Deals and amount of one side of the sourced split, in one currency. */
export interface SourcedPart {
  deals: number;
  /** Σ amount; null when none of the deals carries one. */
  amount: string | null;
  /** deals ÷ all deals of the basis and currency, 4 dp; null when there are none. */
  dealShare: number | null;
  /** amount ÷ all amounts of the basis and currency, 4 dp; null when no amount is known or the total is 0. */
  amountShare: number | null;
}

/** Marketing- vs sales-sourced, by the lead's own source (first-touch), for pipeline or won revenue. */
export interface SourcedShare {
  basis: 'pipeline' | 'won';
  currency: string | null;
  marketing: SourcedPart;
  sales: SourcedPart;
  /** Deals whose lead has no source, or that have no lead in the data. */
  unattributed: SourcedPart;
}

/**
 * Pipeline (opportunities created in the window) and won revenue (won in the window) credited
 * to lead sources and campaigns under each attribution model, and the marketing- vs
 * sales-sourced split.
 */
export interface AttributionSection {
  /** Opportunities counted: created in the window (pipeline), won in the window (won). */
  deals: { pipeline: number; won: number; withoutLead: number; withoutAmount: number };
  /** Campaign touches (activities with a `campaign`) found before their lead's opportunities. */
  activityTouches: number;
  /**
   * Why last-touch and linear are not given: no activity carries a campaign touch before an
   * opportunity (with none, both would only repeat first-touch), or the deals' paths would hold
   * more than `MAX_ACTIVITY_TOUCHES` touches in all (`too-many-touches`: a cost bound; the
   * count is `activityTouches`). Null when they are given.
   */
  multiTouchUnknown: 'no-campaign-touches' | 'too-many-touches' | null;
  tables: AttributionTable[];
  /** The sources counted as sales-sourced, and whether the Funnel declares them or the default applies. */
  sourcing: { sales: string[]; unattributed: string[]; basis: 'declared' | 'default' };
  sourced: SourcedShare[];
}
