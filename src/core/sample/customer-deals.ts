import { toActivityRows } from './activities.js';
import { formatOpportunityId } from './assemble.js';
import type { SampleCalendar } from './calendar.js';
import { atBusinessTime, dayMs, findDayIndex, hourMs } from './calendar.js';
import { applyTenths, discounts, drawListDollars, productTables, terms } from './catalog.js';
import type { CompanyPool } from './companies.js';
import { drawCompany, formatCompanyId } from './companies.js';
import { listCustomerAccounts, pickCustomer } from './customer-base.js';
import { planDealTouches } from './deal-touches.js';
import { createWeightedTable, mixSeed, Random } from './random.js';
import type { OpportunityRow, SampleRow } from './rows.js';
import { formatCents, formatInstant, formatInstantOrNull } from './rows.js';
import { splitByWeight } from './seasonality.js';
import { streams } from './streams.js';
import type { SampleTeam } from './users.js';
import type { Segment } from './vocabulary.js';

/** What customer deals need from the run. */
export interface CustomerDealContext {
  seed: number;
  cal: SampleCalendar;
  pool: CompanyPool;
  team: SampleTeam;
}

/** Median days to a won expansion; renewals close in about a month whatever the segment. */
const expansionDays: Record<Segment, number> = { smb: 21, mid_market: 35, enterprise: 60 };
const upliftTenths = createWeightedTable([
  [0, 30],
  [30, 25],
  [50, 25],
  [70, 20],
] as const);
const reasons = {
  renewal: [
    createWeightedTable([
      ['product_fit', 45],
      ['roi', 35],
      ['champion', 20],
    ] as const),
    createWeightedTable([
      ['no_budget', 35],
      ['competitor', 30],
      ['low_usage', 20],
      ['champion_left', 15],
    ] as const),
  ],
  expansion: [
    createWeightedTable([
      ['roi', 40],
      ['product_fit', 35],
      ['champion', 25],
    ] as const),
    createWeightedTable([
      ['no_budget', 40],
      ['timing', 35],
      ['no_decision', 25],
    ] as const),
  ],
} as const;

/**
 * `count` expansion and renewal deals with existing customers, spread over the business days
 * of the period (in time order, numbered on from `firstNumber`), each followed by its AE's
 * meetings, emails and calls. They have no lead and `source: expansion`; 40 % are renewals
 * (the subscription again, 0–7 % dearer, 85 % renewed) and 60 % upsells (15–45 % of a new
 * subscription, half of them won); those whose close falls after the export stay open.
 */
export function* generateCustomerDeals(
  ctx: CustomerDealContext,
  count: number,
  firstNumber: number,
  nextActivityId: () => string,
): Generator<SampleRow> {
  const { seed, cal } = ctx;
  const weights = new Float64Array(cal.days);
  for (let d = 0; d < cal.days; d++)
    weights[d] =
      cal.isBusinessDay[d] === 1 ? new Random(mixSeed(seed, streams.customerDay, d, 0)).logNormal(1, 0.15) : 0;
  const perDay = splitByWeight(weights, count);
  const base = listCustomerAccounts(seed, ctx.pool, count, cal.days);
  let k = 0;
  for (let d = 0; d < cal.days; d++) {
    const rng = new Random(mixSeed(seed, streams.customerDay, d, 1));
    const times = Float64Array.from({ length: perDay[d] as number }, () => atBusinessTime(cal, d, rng.next())).sort();
    for (const createdMs of times) {
      const id = formatOpportunityId(firstNumber + k);
      const { row, touches } = drawCustomerDeal(ctx, base, k++, createdMs, id);
      yield { entity: 'opportunities', row };
      for (const activity of toActivityRows(touches, null, id, nextActivityId))
        yield { entity: 'activities', row: activity };
    }
  }
}

function drawCustomerDeal(
  ctx: CustomerDealContext,
  base: ReturnType<typeof listCustomerAccounts>,
  k: number,
  createdMs: number,
  id: string,
) {
  const { seed, cal } = ctx;
  const rng = new Random(mixSeed(seed, streams.customerDeal, k));
  const account = pickCustomer(base, seed, rng.next());
  const company = drawCompany(seed, account.segment, account.index, true);
  const kind = rng.chance(0.4) ? 'renewal' : 'expansion';
  const product = rng.pickWeighted(productTables[account.segment]);
  const amountCents =
    kind === 'renewal'
      ? applyTenths(drawListDollars(rng, product), rng.pickWeighted(upliftTenths))
      : applyTenths(drawListDollars(rng, product, rng.between(0.15, 0.45)), -rng.pickWeighted(discounts));
  const won = rng.chance(kind === 'renewal' ? 0.85 : 0.5);
  const medianDays = kind === 'renewal' ? 30 : expansionDays[account.segment] * (won ? 1 : 0.7);
  const cycleDays = Math.min(365, rng.logNormal(medianDays, 0.5));
  const closed = Math.max(
    createdMs + hourMs,
    atBusinessTime(cal, findDayIndex(cal, createdMs + cycleDays * dayMs), rng.next()),
  );
  const isClosed = closed < cal.asOfMs;
  const ae = rng.pick(ctx.team.aeIdsBySegment[account.segment]);
  // Account management is lower-touch than new business: a kick-off and a follow-up or two.
  const planned = 1 + rng.poisson(kind === 'renewal' ? 0.25 : 0.6);
  const touches = planDealTouches(cal, rng, ae, createdMs, isClosed ? closed : cal.asOfMs, planned);
  const row: OpportunityRow = {
    id,
    lead_id: null,
    account_id: formatCompanyId(company.index),
    owner_id: ae,
    name: `${company.name} - ${product} ${kind}`,
    amount: formatCents(amountCents),
    currency: 'USD',
    stage: isClosed ? (won ? 'won' : 'lost') : 'opportunity',
    source: 'expansion',
    segment: account.segment,
    product,
    term_months: kind === 'renewal' ? rng.pickWeighted(terms[account.segment]) : 12,
    created_at: formatInstant(createdMs),
    closed_at: formatInstantOrNull(isClosed ? closed : null),
    won: isClosed ? won : null,
    close_reason: isClosed ? rng.pickWeighted(reasons[kind][won ? 0 : 1]) : null,
    cancelled_at: null,
  };
  return { row, touches };
}
