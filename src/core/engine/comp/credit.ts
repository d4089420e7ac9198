import type { PipelineData, Row } from '../../data/types.js';
import { classifySource, DEFAULT_SALES_SOURCES } from '../sourcing.js';
import { readText } from './rows.js';

/**
 * Who gets credit for an opportunity. The *sourcer* of an opportunity is the owner of the
 * lead it came from (`lead_id` → `leads.owner_id`) when that lead is in the data and has an
 * owner; otherwise the opportunity's own `owner_id`. An opportunity is *inbound* when its
 * lead is in the data and the lead's `source` is marketing-sourced: set, and neither a sales
 * source nor one that names no source (the Funnel's `sourcing`; by default only `outbound` is
 * sales) — the same rule as attribution's sourced share.
 */
export interface CreditIndex {
  sourcerOf(opportunity: Row): string | null;
  isInbound(opportunity: Row): boolean;
  /** Whether any lead is owned by one of `people`. */
  ownsLeads(people: ReadonlySet<string>): boolean;
}

/**
 * Indexes leads by id once, for every plan. With `leadOfOpportunity` (each opportunity's lead
 * row, -1 for none) the opportunities are linked to their leads without indexing lead ids.
 */
export function indexCredit(
  data: PipelineData,
  leadOfOpportunity?: Int32Array,
  sourcing: { sales: readonly string[]; unattributed: readonly string[] } = {
    sales: DEFAULT_SALES_SOURCES,
    unattributed: [],
  },
): CreditIndex {
  const sales = new Set(sourcing.sales);
  const none = new Set(sourcing.unattributed);
  const owners = new Set<string>();
  const leads = data.leads;
  for (let i = 0; i < leads.length; i++) {
    const owner = (leads[i] as Row).owner_id;
    if (typeof owner === 'string') owners.add(owner);
  }
  const leadOf =
    leadOfOpportunity === undefined || leadOfOpportunity.length !== data.opportunities.length
      ? leadById(data.leads)
      : leadByRow(data, leadOfOpportunity);
  return {
    sourcerOf(opportunity) {
      const lead = leadOf(opportunity);
      const leadOwner = lead === undefined ? null : readText(lead, 'owner_id');
      return leadOwner ?? readText(opportunity, 'owner_id');
    },
    isInbound(opportunity) {
      const lead = leadOf(opportunity);
      const source = lead === undefined ? null : readText(lead, 'source');
      return classifySource(source, sales, none) === 'marketing';
    },
    ownsLeads(people) {
      for (const id of people) if (owners.has(id)) return true;
      return false;
    },
  };
}

function leadById(rows: readonly Row[]): (opportunity: Row) => Row | undefined {
  const leads = new Map<string, Row>();
  for (const lead of rows) {
    const id = readText(lead, 'id');
    if (id !== null) leads.set(id, lead);
  }
  return (opportunity) => {
    const leadId = readText(opportunity, 'lead_id');
    return leadId === null ? undefined : leads.get(leadId);
  };
}

/** The lead of each opportunity row of `data` by row identity; other rows fall back to their `lead_id`. */
function leadByRow(data: PipelineData, leadOfOpportunity: Int32Array): (opportunity: Row) => Row | undefined {
  const linked = new Map<Row, Row | null>();
  const { leads, opportunities } = data;
  for (let k = 0; k < opportunities.length; k++) {
    const i = leadOfOpportunity[k] as number;
    linked.set(opportunities[k] as Row, i >= 0 ? (leads[i] as Row) : null);
  }
  let byId: ((opportunity: Row) => Row | undefined) | undefined;
  return (opportunity) => {
    const lead = linked.get(opportunity);
    if (lead !== undefined) return lead ?? undefined;
    byId ??= leadById(leads);
    return byId(opportunity);
  };
}
