import type { PipelineData, Row } from '../../data/types.js';
import { readText } from './rows.js';

/**
 * Who gets credit for an opportunity. The *sourcer* of an opportunity is the owner of the
 * lead it came from (`lead_id` → `leads.owner_id`) when that lead is in the data and has an
 * owner; otherwise the opportunity's own `owner_id`. An opportunity is *inbound* when its
 * lead is in the data and the lead's `source` is set and is not `outbound`.
 */
export interface CreditIndex {
  sourcerOf(opportunity: Row): string | null;
  isInbound(opportunity: Row): boolean;
  /** Whether any lead is owned by one of `people`. */
  ownsLeads(people: ReadonlySet<string>): boolean;
}

/** Indexes leads by id once, for every plan. */
export function indexCredit(data: PipelineData): CreditIndex {
  const leads = new Map<string, Row>();
  const owners = new Set<string>();
  for (const lead of data.leads) {
    const id = readText(lead, 'id');
    if (id !== null) leads.set(id, lead);
    const owner = readText(lead, 'owner_id');
    if (owner !== null) owners.add(owner);
  }
  const leadOf = (opportunity: Row): Row | undefined => {
    const leadId = readText(opportunity, 'lead_id');
    return leadId === null ? undefined : leads.get(leadId);
  };
  return {
    sourcerOf(opportunity) {
      const lead = leadOf(opportunity);
      const leadOwner = lead === undefined ? null : readText(lead, 'owner_id');
      return leadOwner ?? readText(opportunity, 'owner_id');
    },
    isInbound(opportunity) {
      const lead = leadOf(opportunity);
      const source = lead === undefined ? null : readText(lead, 'source');
      return source !== null && source !== 'outbound';
    },
    ownsLeads(people) {
      for (const id of people) if (owners.has(id)) return true;
      return false;
    },
  };
}
