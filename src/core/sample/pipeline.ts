import { outbound, planEngagement } from './activities.js';
import { addBusinessMinutes } from './calendar.js';
import { qualifyWithAe } from './deals.js';
import type { JourneyContext, LeadJourney } from './journey.js';
import { disqualify, recycle } from './journey.js';
import type { LeadProfile } from './leads.js';
import { createWeightedTable } from './random.js';
import { patienceHours } from './sdr-queue.js';

const touchTypes = createWeightedTable([
  ['call', 50],
  ['email', 35],
  ['linkedin', 15],
] as const);
const missedCall = createWeightedTable([
  ['voicemail', 60],
  ['no_answer', 40],
] as const);
const mqlRejections = createWeightedTable([
  ['not_a_fit', 40],
  ['bad_contact_data', 20],
  ['no_budget', 25],
  ['duplicate', 15],
] as const);
const salRejections = createWeightedTable([
  ['no_need', 35],
  ['no_budget', 25],
  ['no_authority', 20],
  ['bad_timing', 20],
] as const);

/**
 * Follows an MQL through the SDR queue, the SDR's cadence, discovery and the AE's review.
 * Anything that would happen at or after the export instant is left out, so open items stay open.
 */
export function traceJourney(ctx: JourneyContext, p: LeadProfile): LeadJourney {
  const journey: LeadJourney = {
    ownerId: null,
    status: 'open',
    salMs: null,
    sqlMs: null,
    opportunityMs: null,
    disqualifiedMs: null,
    disqualificationReason: null,
    recycledMs: null,
    activities: planEngagement(p),
    deal: null,
  };
  if (p.mqlMs === null) return journey;
  const { cal } = ctx;
  const { rng } = p;
  const sdr = rng.pick(ctx.team.sdrIds);
  journey.ownerId = sdr;
  const isPriority = p.score.handRaiser;
  const place = ctx.queue.place(p.mqlMs, isPriority);
  if (!place.joined) return recycle(journey, addBusinessMinutes(cal, p.mqlMs, patienceHours * 60), cal);

  // Its turn in the queue, plus the minutes it takes the SDR to get to it.
  let t = addBusinessMinutes(cal, place.turnMs, Math.min(240, rng.logNormal(isPriority ? 8 : 15, 0.8)));
  // Speed to lead: the longer an MQL waits, the less likely sales accepts it.
  const speed = 0.6 + 0.4 * Math.exp(-place.waitHours / 16);
  const fitFactor = p.score.fit >= 40 ? 1.1 : p.score.fit < 25 ? 0.8 : 1;
  const accepted = rng.chance((isPriority ? 0.55 : 0.3) * speed * fitFactor);
  const attempts = accepted ? 1 + Math.min(5, Math.floor(rng.exponential(1.2))) : rng.int(4, 8);
  for (let k = 0; k < attempts; k++) {
    if (t >= cal.asOfMs) return journey;
    const type = k === 0 && isPriority ? 'call' : rng.pickWeighted(touchTypes);
    const reached = accepted && k === attempts - 1;
    const outcome =
      type === 'call' ? (reached ? 'connected' : rng.pickWeighted(missedCall)) : reached ? 'replied' : 'sent';
    journey.activities.push(outbound(t, type, sdr, outcome));
    if (k < attempts - 1) t = addBusinessMinutes(cal, t, rng.logNormal(k < 2 ? 300 : 700, 0.6));
  }
  if (!accepted) {
    if (rng.chance(0.55))
      return disqualify(
        journey,
        addBusinessMinutes(cal, t, rng.between(10, 240)),
        rng.pickWeighted(mqlRejections),
        cal,
      );
    return recycle(journey, addBusinessMinutes(cal, t, rng.between(540, 1620)), cal);
  }

  const sal = addBusinessMinutes(cal, t, rng.between(5, 60));
  if (sal >= cal.asOfMs) return journey;
  journey.salMs = sal;
  let meeting = roundToHalfHour(addBusinessMinutes(cal, sal, rng.logNormal(1000, 0.5)));
  if (rng.chance(0.15)) {
    if (meeting >= cal.asOfMs) return journey;
    journey.activities.push(outbound(meeting, 'meeting', sdr, 'no_show'));
    meeting = roundToHalfHour(addBusinessMinutes(cal, meeting, rng.between(540, 1620)));
  }
  // A held discovery meeting takes one of the week's discovery slots (a no-show frees its time for other work).
  meeting = roundToHalfHour(ctx.slots.discovery.book(meeting));
  if (meeting >= cal.asOfMs) return journey;
  journey.activities.push(outbound(meeting, 'meeting', sdr, 'held'));
  const qualified = rng.chance((isPriority ? 0.42 : 0.33) * (p.score.fit >= 40 ? 1.1 : 1));
  const decided = addBusinessMinutes(cal, meeting, rng.between(30, 240));
  if (!qualified) return disqualify(journey, decided, rng.pickWeighted(salRejections), cal);
  if (decided >= cal.asOfMs) return journey;
  journey.sqlMs = decided;
  qualifyWithAe(ctx, p, journey);
  return journey;
}

function roundToHalfHour(ms: number): number {
  return Number.isFinite(ms) ? Math.round(ms / 1_800_000) * 1_800_000 : ms;
}
