/**
 * Sample CRM data for the example company of `policies/` (a B2B analytics SaaS), generated
 * deterministically from a seed. The rates below are calibrated on B2B SaaS norms and on two
 * public data sets (the Olist marketing funnel and Maven's CRM sales opportunities).
 *
 * Period: `days` days from `start` in America/New_York; the export is "as of" midnight after
 * the last day, and nothing in it happens at or after that instant (later steps are missing:
 * leads and deals stay open). The pipeline starts empty on day one.
 *
 * Lead volume: exactly `leads` leads, spread over days by weekday (weekends about 35 % of a
 * weekday, as in Olist), month (a January ramp, a busy March, a July–August dip to ~0.73 and a
 * Q4 push to ~1.2), US holidays (×0.3), the last days of December (×0.55) and ±10 % daily noise;
 * on workdays most arrive 9:00–16:00 New York time.
 *
 * Who: channels organic 30 %, paid search 20 %, paid social 15 %, outbound 12 %, partner 9 %,
 * events 8 % (four times as many in six trade-show weeks), referral 6 %; segments smb 50 %,
 * mid-market 33 %, enterprise 17 % of leads, from accounts of 2–199, 200–1,999 and 2,000–60,000
 * employees (enterprises send ~6 leads per account, SMBs ~1.3); 62 % of accounts in one of the
 * lead definition's target industries; regions na ~60 %, emea ~28 %, apac ~12 %. Excluded by
 * the lead definition: 2.5 % students, 0.5 % of accounts competitors, 3–9 % customers, personal
 * addresses 1–22 % by channel (aol.com and gmx.de are personal but not on the definition's list).
 * Missing values: industry and employee count 4 %, seniority 6 %, department 8 %, revenue 25–50 %.
 *
 * Engagement: one latent intent per lead, skewed low, drives page and pricing-page views,
 * downloads, webinars, email clicks, trials and hand-raising (demo ~3.5 %, contact sales ~1.5 %,
 * by channel). MQL: exactly as the example lead definition scores (`scoring.ts`), about 17 % of
 * leads, a quarter of them hand-raisers; hand-raisers mostly qualify within minutes, others
 * during the days they engage (exponential, mean 4–29 days by intent). A lead that would qualify
 * only after the export is exported with its engagement so far, which does not yet qualify, so
 * the CRM's `mql_at` and the policy agree on every lead.
 *
 * Team and capacities: from the options, which the CLI reads from the Funnel policy
 * (`staffing.ts`): `headcount.sdr` SDRs and `headcount.ae` AEs (AEs split 3 : 3 : 2 over the
 * segments), plus marketing and managers (`users.ts`), and each stage's weekly capacity. The
 * example funnel has 3 SDRs and 3 AEs: first touch 75, discovery 36, qualification 15 and new
 * deals 24 a week.
 *
 * The constraint, SDR first touch: `capacity.firstTouch` a week, spread over business hours
 * (`sdr-queue.ts`), hand-raisers first, then first come first served; an MQL whose wait would
 * pass 10 business days is recycled untouched. At 75 a week and about 19,500 leads a year the
 * weekly MQL arrivals pass 75 in the spring and from mid-October to early December (to ~100):
 * the queue builds, the median first touch slips from ~10 hours to four to eight days, and it
 * only drains over the quiet days at the year end. Below ~16,000 leads it binds only around
 * Thanksgiving (a three-day week); in the bundled quarter of 5,500 leads, in March. A million
 * leads saturate it all year unless the team grows with them (`--scale-capacity 50`).
 *
 * Downstream: sales accepts (SAL) 55 % of hand-raisers and 30 % of others, × a speed-to-lead
 * factor 0.6 + 0.4·e^(−wait / 16 business hours) and a fit factor (MQL→SAL ≈ 33 %), after up to
 * six touches; the rest get 4–8 touches and are disqualified (55 %) or recycled. A discovery
 * meeting ~2 business days later (15 % no-shows) qualifies 42 % / 33 % (SAL→SQL ≈ 38 %); an AE
 * reviews within about a business day and opens an opportunity for 75 %. Held discovery
 * meetings, AE reviews and new opportunities each take a slot of their stage's weekly capacity
 * (`stage-slots.ts`): in a full week the work waits for the next week with room. With the first
 * touch at capacity, the example's rates keep SAL, SQL and new deals at about 55 %, 50 % and
 * 25 % of their capacities on average, so they bind only if a funnel makes them much smaller.
 *
 * Deals: product by segment (list ACV log-normal around $6.5k, $21k, $64k), discounts 0–20 % in
 * steps, amounts exact to the cent; terms 12/24/36 months, longer for enterprise; win rate 26 %,
 * 22 %, 18 % by segment (+15 % for strong fit or hand-raisers); cycle log-normal, median 28, 55
 * and 95 days to a win and 0.6× that to a loss (Maven: 57 and 14); closes in business hours.
 * With `opportunities`, expansion and renewal deals with existing customers make up the count
 * the leads fall short of (`customer-deals.ts`): no lead, `source: expansion`, about 1.4 AE
 * touches each. A million leads yield ~15,000 lead-sourced deals; with `opportunities: 250000`
 * and the team × 50, the run has about 2.1 million activities.
 * Activities: inbound ones without an actor (the form or badge scan that created the lead, a
 * later demo or contact-sales request; downloads and webinars are counts on the lead) and SDR and
 * AE calls, emails, LinkedIn messages, meetings and notes in business hours.
 * Spend: per month, each paid channel's campaigns cost their leads × the channel's cost per lead
 * (paid search $95, paid social $140, events $260, partner fees $60, ±15 %), plus $9,000 of
 * tools and content on no channel (`spend.ts`); sales cost is left to the team's headcount.
 */
import { toActivityRows } from './activities.js';
import { assembleLeadRow, assembleOpportunityRow, formatActivityId, formatOpportunityId } from './assemble.js';
import { buildSampleCalendar } from './calendar.js';
import { buildChannelTables, nameCampaign } from './channels.js';
import { planCompanyPool } from './companies.js';
import { generateCustomerDeals } from './customer-deals.js';
import type { LeadContext } from './leads.js';
import { drawLeadProfile } from './leads.js';
import type { SampleDataOptions } from './options.js';
import { checkSampleOptions, defaultDays, defaultStart } from './options.js';
import { describePerson } from './people.js';
import { traceJourney } from './pipeline.js';
import { createWeightedTable, mixSeed, Random } from './random.js';
import type { SampleRow } from './rows.js';
import { SdrQueue } from './sdr-queue.js';
import { allocateLeadsPerDay, restDayHourWeight, workdayHourWeight } from './seasonality.js';
import { WeeklySlots } from './stage-slots.js';
import { SpendTally } from './spend.js';
import { streams } from './streams.js';
import { buildTeam } from './users.js';

const workdayHours = createWeightedTable(workdayHourWeight.map((w, h) => [h, w] as const));
const restDayHours = createWeightedTable(restDayHourWeight.map((w, h) => [h, w] as const));

/**
 * Generates a year (by default) of the example company's CRM export, row by row: the users
 * first, then each lead in creation order followed by its opportunity and its activities, then
 * any customer deals in creation order, each followed by its activities. Nothing is held beyond
 * one day of leads, the SDR queue's 15-minute buckets, weekly slot counts and the lead pool's
 * customer accounts, so a million leads stream through in constant memory. Same options, same rows.
 */
export function* generateSampleData(options: SampleDataOptions): Generator<SampleRow, void, undefined> {
  const problems = checkSampleOptions(options);
  if (problems.length > 0) throw new RangeError(`Invalid sample-data options: ${problems.join('; ')}`);
  const start = options.start ?? defaultStart;
  const cal = buildSampleCalendar(start, options.days ?? defaultDays);
  const ctx: LeadContext = {
    seed: options.seed,
    cal,
    pool: planCompanyPool(options.leads),
    channelTables: buildChannelTables(cal),
  };
  const perDay = allocateLeadsPerDay(cal, options.leads, options.seed);
  const team = buildTeam(start, options.headcount);
  for (const user of team.users) yield { entity: 'users', row: user };

  // First pass: only when each lead becomes an MQL, to run the SDR queue over the whole period.
  const { capacity } = options;
  const queue = new SdrQueue(cal, capacity.firstTouch);
  let index = 0;
  for (let day = 0; day < cal.days; day++) {
    for (const createdMs of drawCreationTimes(ctx, day, perDay[day] as number)) {
      const p = drawLeadProfile(ctx, index++, day, createdMs, false);
      if (p.mqlMs !== null) queue.record(p.mqlMs, p.score.handRaiser);
    }
  }
  queue.plan();

  // Second pass: the same leads in full, each with what happened to it.
  const slots = {
    discovery: new WeeklySlots(cal, capacity.discovery),
    qualification: new WeeklySlots(cal, capacity.qualification),
    deals: new WeeklySlots(cal, capacity.deals),
  };
  const journeyContext = { cal, queue, team, slots };
  let opportunities = 0;
  let activities = 0;
  const spend = new SpendTally(cal);
  const nextActivityId = () => formatActivityId(++activities);
  index = 0;
  for (let day = 0; day < cal.days; day++) {
    for (const createdMs of drawCreationTimes(ctx, day, perDay[day] as number)) {
      const p = drawLeadProfile(ctx, index++, day, createdMs, true);
      const person = describePerson(p);
      const campaign = nameCampaign(p.rng, cal, day, p.channel, p.segment);
      spend.add(day, p.channel, campaign);
      const journey = traceJourney(journeyContext, p);
      const lead = assembleLeadRow(p, person, campaign, journey);
      yield { entity: 'leads', row: lead };
      const opportunity = assembleOpportunityRow(p, journey, formatOpportunityId(opportunities + 1));
      if (opportunity !== null) {
        opportunities++;
        yield { entity: 'opportunities', row: opportunity };
      }
      for (const row of toActivityRows(journey.activities, lead.id, opportunity?.id ?? null, nextActivityId))
        yield { entity: 'activities', row };
    }
  }

  // Then customer deals, if the leads left the requested number of opportunities short.
  const customerDeals = Math.max(0, (options.opportunities ?? 0) - opportunities);
  yield* generateCustomerDeals(
    { seed: options.seed, cal, pool: ctx.pool, team },
    customerDeals,
    opportunities + 1,
    nextActivityId,
  );
  // Last, the marketing spend that bought the leads (see `spend.ts`).
  for (const row of spend.rows(options.seed)) yield { entity: 'spend', row };
}

/** Creation instants of one day's leads, sorted: more on workday mornings and afternoons. */
function drawCreationTimes(ctx: LeadContext, day: number, count: number): Float64Array {
  const { cal } = ctx;
  const rng = new Random(mixSeed(ctx.seed, streams.dayTimes, day));
  const hours = cal.isBusinessDay[day] === 1 ? workdayHours : restDayHours;
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const hour = rng.pickWeighted(hours);
    times[i] = (cal.hourStartMs[day * 24 + hour] as number) + Math.floor(rng.next() * 3600) * 1000;
  }
  return times.sort();
}
