import type { Delta } from './impact.js';

/**
 * Which opportunities a side counts: those whose lead its lead definition qualifies into a
 * funnel stage (`qualified-leads`), or every opportunity when the side has no lead definition.
 */
export type AttributionImpactBasis = 'qualified-leads' | 'all-opportunities';

/** Why a figure of the attribution impact is unknown. */
export type AttributionImpactUnknown = 'no-amounts';

/** What one side counted, and what it left out. */
export interface AttributionImpactCounts {
  /** Opportunities created in the window whose lead counts. */
  pipeline: number;
  /** Opportunities won in the window whose lead counts. */
  won: number;
  /** Opportunities of the window whose lead the side's lead definition does not qualify. */
  notQualified: number;
  /** Opportunities of the window whose lead is not in the data (counted only without a lead definition). */
  withoutLead: number;
}

/** First-touch pipeline and won revenue of one lead source in one currency, base vs head. */
export interface AttributionImpactRow {
  /** The lead's own source; null for leads without one. */
  source: string | null;
  /** The opportunities' currency; null for those without one. Amounts never mix currencies. */
  currency: string | null;
  pipelineDeals: Delta<number>;
  /** Σ amount of the pipeline deals, exact; null on a side whose deals carry no amount (delta null then). */
  pipelineAmount: Delta<string | null>;
  wonDeals: Delta<number>;
  /** Σ amount of the won deals, exact; null as for `pipelineAmount`. */
  wonAmount: Delta<string | null>;
  /** Why an amount is null; null when both are known. */
  unknown: AttributionImpactUnknown | null;
}

/** Marketing-, sales-sourced and unattributed share of the amount, base vs head, for one basis and currency. */
export interface SourcedShareImpact {
  basis: 'pipeline' | 'won';
  currency: string | null;
  /** Amount shares (4 dp), null on a side where no amount is known or the total is 0. */
  marketing: Delta;
  sales: Delta;
  unattributed: Delta;
  /** Why a share is null; null when all are known. */
  unknown: AttributionImpactUnknown | null;
}

/**
 * First-touch attribution under the base and the head: each side counts the opportunities
 * whose lead its own lead definition qualifies, so a looser or stricter definition moves
 * pipeline and revenue between lead sources. Rows list only the sources that differ.
 */
export interface AttributionImpact {
  model: 'first-touch';
  basis: { base: AttributionImpactBasis; head: AttributionImpactBasis };
  counted: { base: AttributionImpactCounts; head: AttributionImpactCounts };
  /** Sources whose figures differ, by currency, then by the largest change first. */
  rows: AttributionImpactRow[];
  /** Source and currency pairs with the same figures on both sides (not listed). */
  unchanged: number;
  sourced: SourcedShareImpact[];
}
