import type { Policy } from '../policy/types.js';
import type { AttributionSection } from '../report/attribution.js';

/** Sales-sourced when no Funnel says otherwise: the one source the bundled CRMs use for sales-generated leads. */
export const DEFAULT_SALES_SOURCES: readonly string[] = ['outbound'];

/** Who generated a lead, by its source. */
export type SourcedBy = 'marketing' | 'sales' | 'unattributed';

/** The sales-sourced lead sources: the Funnel's `sourcing.sales`, else the default. */
export function findSourcing(funnel: Policy<'Funnel'> | undefined): AttributionSection['sourcing'] {
  const declared = funnel?.spec.sourcing;
  return declared === undefined
    ? { sales: [...DEFAULT_SALES_SOURCES], unattributed: [], basis: 'default' }
    : { sales: [...declared.sales], unattributed: [...(declared.unattributed ?? [])], basis: 'declared' };
}

/**
 * One rule for both sides: a source listed as sales is sales-sourced, any other set source is
 * marketing-sourced, no source (or no lead, or a value declared to name none) is unattributed.
 */
export function classifySource(
  source: string | null,
  sales: ReadonlySet<string>,
  none: ReadonlySet<string> = new Set(),
): SourcedBy {
  if (source === null || source === '' || none.has(source)) return 'unattributed';
  return sales.has(source) ? 'sales' : 'marketing';
}
