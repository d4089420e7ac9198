import { minuteMs } from './calendar.js';
import type { LeadProfile } from './leads.js';
import type { ActivityRow } from './rows.js';
import { formatInstant } from './rows.js';

/** An activity before it gets its id; `onDeal` ties it to the lead's opportunity. */
export interface PlannedActivity {
  atMs: number;
  type: string;
  direction: ActivityRow['direction'];
  actorId: string | null;
  outcome: string | null;
  onDeal: boolean;
  /** The campaign (and its channel) this activity is a touch of, for multi-touch attribution. */
  touch?: { campaign: string; source: string };
}

/**
 * The lead's own inbound touchpoints the CRM logs: the form or badge scan that created it and
 * a later demo or contact-sales request. They carry no actor, so they never count as an SDR's
 * first touch. Content downloads, webinars and page views stay in the marketing tool: the CRM
 * has them as counts on the lead (which is what the lead definition scores), not as activities.
 */
export function planEngagement(p: LeadProfile): PlannedActivity[] {
  const { createdMs } = p;
  const out: PlannedActivity[] = [];
  const request = p.demoRequested ? 'demo_request' : p.contactSales ? 'contact_sales' : null;
  const raisedLater = request !== null && p.mqlMs !== null && p.mqlMs - createdMs > 5 * minuteMs;
  if (p.channel === 'events') out.push(inbound(createdMs, 'event', 'badge_scan'));
  else if (p.channel !== 'outbound')
    out.push(inbound(createdMs, 'form', request !== null && !raisedLater ? request : 'submitted'));
  if (raisedLater && p.mqlMs !== null) out.push({ ...inbound(p.mqlMs, 'form', request), touch: nameTouch(p, p.mqlMs) });
  return out;
}

/**
 * The campaign that brought a lead back to ask for sales: the webinar series for leads who
 * attended one, else the retargeting ads of the quarter. The form that created the lead is its
 * own campaign (on the lead), so it carries no touch of its own.
 */
function nameTouch(p: LeadProfile, atMs: number): { campaign: string; source: string } {
  const at = new Date(atMs);
  const quarter = `${at.getUTCFullYear()}q${Math.floor(at.getUTCMonth() / 3) + 1}`;
  return p.webinarAttended > 0
    ? { campaign: `webinar-series-${quarter}`, source: 'events' }
    : { campaign: `linkedin-retargeting-${quarter}`, source: 'paid_social' };
}

function inbound(atMs: number, type: string, outcome: string | null): PlannedActivity {
  return { atMs, type, direction: 'inbound', actorId: null, outcome, onDeal: false };
}

export function outbound(
  atMs: number,
  type: string,
  actorId: string,
  outcome: string | null,
  onDeal = false,
): PlannedActivity {
  return { atMs, type, direction: 'outbound', actorId, outcome, onDeal };
}

/** Activities in time order with ids, tied to the lead, if any (and its opportunity where planned so). */
export function toActivityRows(
  planned: PlannedActivity[],
  leadId: string | null,
  dealId: string | null,
  nextId: () => string,
): ActivityRow[] {
  planned.sort((a, b) => a.atMs - b.atMs);
  return planned.map((a) => ({
    id: nextId(),
    lead_id: leadId,
    opportunity_id: a.onDeal ? dealId : null,
    type: a.type,
    direction: a.direction,
    at: formatInstant(a.atMs),
    actor_id: a.actorId,
    outcome: a.outcome,
    campaign: a.touch?.campaign ?? null,
    source: a.touch?.source ?? null,
  }));
}
