import type { PlannedActivity } from './activities.js';
import type { SampleCalendar } from './calendar.js';
import type { Deal } from './deals.js';
import type { LeadRow } from './rows.js';
import type { SdrQueue } from './sdr-queue.js';
import type { WeeklySlots } from './stage-slots.js';
import type { SampleTeam } from './users.js';

/** What following a lead needs beyond the lead itself. */
export interface JourneyContext {
  cal: SampleCalendar;
  queue: SdrQueue;
  team: SampleTeam;
  /** Weekly capacity of the SDRs' discovery meetings, the AEs' reviews and the deals they take on. */
  slots: { discovery: WeeklySlots; qualification: WeeklySlots; deals: WeeklySlots };
}

/** Where a lead got to by the export, with every timestamp it passed (epoch ms). */
export interface LeadJourney {
  ownerId: string | null;
  status: LeadRow['status'];
  salMs: number | null;
  sqlMs: number | null;
  opportunityMs: number | null;
  disqualifiedMs: number | null;
  disqualificationReason: string | null;
  recycledMs: number | null;
  activities: PlannedActivity[];
  deal: Deal | null;
}

/** Closes the lead as disqualified, unless that happens after the export. */
export function disqualify(journey: LeadJourney, at: number, reason: string, cal: SampleCalendar): LeadJourney {
  if (at >= cal.asOfMs) return journey;
  journey.status = 'disqualified';
  journey.disqualifiedMs = at;
  journey.disqualificationReason = reason;
  return journey;
}

/** Sends the lead back to nurture, unless that happens after the export. */
export function recycle(journey: LeadJourney, at: number, cal: SampleCalendar): LeadJourney {
  if (at >= cal.asOfMs) return journey;
  journey.status = 'recycled';
  journey.recycledMs = at;
  return journey;
}
