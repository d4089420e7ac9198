import { outbound } from './activities.js';
import { addBusinessMinutes, atBusinessTime, dayMs, findDayIndex, hourMs } from './calendar.js';
import type { Product } from './catalog.js';
import { applyTenths, discounts, drawListDollars, productTables, terms } from './catalog.js';
import { planDealTouches } from './deal-touches.js';
import type { LeadProfile } from './leads.js';
import type { JourneyContext, LeadJourney } from './journey.js';
import { disqualify } from './journey.js';
import type { Random } from './random.js';
import { createWeightedTable } from './random.js';
import type { Segment } from './vocabulary.js';

/** An opportunity as the AE works it; `closedMs`/`won` stay null while it is open at the export. */
export interface Deal {
  ownerId: string;
  product: Product;
  amountCents: number;
  termMonths: number;
  createdMs: number;
  closedMs: number | null;
  won: boolean | null;
  closeReason: string | null;
}

const winRate: Record<Segment, number> = { smb: 0.26, mid_market: 0.22, enterprise: 0.18 };
/** Median days from opportunity to a won close; lost deals die sooner (Maven: won 57 days, lost 14). */
const cycleDays: Record<Segment, number> = { smb: 28, mid_market: 55, enterprise: 95 };
const wonReasons = createWeightedTable([
  ['product_fit', 40],
  ['roi', 30],
  ['champion', 20],
  ['pricing', 10],
] as const);
const lostReasons = createWeightedTable([
  ['no_decision', 35],
  ['competitor', 25],
  ['price', 18],
  ['timing', 14],
  ['no_budget', 8],
] as const);

/**
 * An AE reviews the SQL (within the two-day SLA, mostly) and opens an opportunity or rejects it.
 * Reviews take the AEs' qualification capacity and new opportunities their deal capacity: in a
 * full week the work waits for the next week with room.
 */
export function qualifyWithAe(ctx: JourneyContext, p: LeadProfile, journey: LeadJourney): void {
  const { cal } = ctx;
  const { rng } = p;
  const segment = p.segment ?? 'smb';
  const ae = rng.pick(ctx.team.aeIdsBySegment[segment]);
  const reviewed = ctx.slots.qualification.book(
    addBusinessMinutes(cal, journey.sqlMs as number, Math.min(2400, rng.logNormal(360, 0.8))),
  );
  if (reviewed >= cal.asOfMs) return;
  if (!rng.chance(0.75)) {
    journey.activities.push(outbound(reviewed, 'note', ae, 'rejected'));
    disqualify(journey, reviewed, 'rejected_by_ae', cal);
    return;
  }
  const opened = ctx.slots.deals.book(reviewed);
  if (opened >= cal.asOfMs) return;
  journey.opportunityMs = opened;
  journey.status = 'converted';
  const deal = drawDeal(rng, segment, p.score.fit >= 40 || p.score.handRaiser);
  const closeDay = findDayIndex(cal, opened + deal.cycleDays * dayMs);
  const closed = Math.max(opened + hourMs, atBusinessTime(cal, closeDay, rng.next()));
  const isClosed = closed < cal.asOfMs;
  const touches = Math.max(1, Math.min(14, Math.round(deal.cycleDays / 9)));
  journey.activities.push(...planDealTouches(cal, rng, ae, opened, isClosed ? closed : cal.asOfMs, touches));
  journey.deal = {
    ownerId: ae,
    product: deal.product,
    amountCents: deal.amountCents,
    termMonths: deal.termMonths,
    createdMs: opened,
    closedMs: isClosed ? closed : null,
    won: isClosed ? deal.won : null,
    closeReason: isClosed ? rng.pickWeighted(deal.won ? wonReasons : lostReasons) : null,
  };
}

function drawDeal(rng: Random, segment: Segment, isStrong: boolean) {
  const product = rng.pickWeighted(productTables[segment]);
  const listDollars = drawListDollars(rng, product);
  const discount = rng.pickWeighted(discounts);
  const won = rng.chance(winRate[segment] * (isStrong ? 1.15 : 1));
  const medianDays = cycleDays[segment] * (won ? 1 : 0.6);
  return {
    product,
    amountCents: applyTenths(listDollars, -discount),
    termMonths: rng.pickWeighted(terms[segment]),
    won,
    cycleDays: Math.min(365, rng.logNormal(medianDays, won ? 0.5 : 0.7)),
  };
}
