import type { PipelineData } from '../data/types.js';
import type {
  AttributionDimension,
  AttributionModel,
  AttributionRow,
  AttributionSection,
  AttributionTable,
} from '../report/attribution.js';
import type { ActivityIndex } from './activity-index.js';
import { countActivityTouches, touchPathsOf } from './attribution-touches.js';
import type { Touch } from './attribution-touches.js';
import { Dec, formatMoney, parseAmount, toRatio } from './comp/money.js';
import type { Decimal } from './comp/money.js';
import type { TimeWindow } from './context.js';
import { measureSourcedShares } from './sourced-share.js';

const models: readonly AttributionModel[] = ['first-touch', 'last-touch', 'linear'];

/**
 * The most campaign touches (summed over the deals' paths) last-touch and linear are credited
 * from: a few hundred thousand rows of real activity stay far below it; one lead with thousands
 * of deals and thousands of touches would not, and costs deals × touches.
 */
export const MAX_ACTIVITY_TOUCHES = 1_000_000;
const dimensions: readonly AttributionDimension[] = ['source', 'campaign'];

/** What attribution reads: the data, each opportunity's lead row, the lead's activities in time order. */
export interface AttributionInput {
  data: PipelineData;
  leadOfOpportunity: Int32Array;
  activitiesByLead: ActivityIndex | undefined;
  window: TimeWindow;
  sourcing: AttributionSection['sourcing'];
}

/** One counted deal: whether it is pipeline, won, or both, with its amount and currency. */
export interface CountedDeal {
  index: number;
  isPipeline: boolean;
  isWon: boolean;
  amount: Decimal | null;
  currency: string | null;
}

interface Tally {
  pipelineDeals: Decimal;
  pipelineAmount: Decimal | null;
  wonDeals: Decimal;
  wonAmount: Decimal | null;
}

/**
 * Pipeline = opportunities created in the window; won = opportunities won (`won` true) with
 * `closed_at` in the window. Each is credited to the touches of its lead before it was created:
 * first-touch gives it all to the lead's own source and campaign, last-touch to the latest
 * touch, linear an equal share to each (the amount split exactly: whole cents, the leftover
 * cents to the earliest touches). Amounts are summed per currency, never across.
 */
export function measureAttribution(input: AttributionInput): AttributionSection | null {
  const { data, window } = input;
  const deals = listCountedDeals(data, window);
  if (data.opportunities.length === 0) return null;
  // Cost bound: paths grow as deals × touches of one lead; past the bound, multi-touch is "—".
  const counted = countActivityTouches(
    data,
    input.leadOfOpportunity,
    input.activitiesByLead,
    deals.map((d) => d.index),
  );
  const isTooMany = counted > MAX_ACTIVITY_TOUCHES;
  const pathOf = touchPathsOf(data, input.leadOfOpportunity, input.activitiesByLead, !isTooMany);
  const paths = deals.map((d) => pathOf(d.index));
  const activityTouches = isTooMany ? counted : paths.reduce((n, p) => n + p.activityTouches, 0);
  const given = activityTouches > 0 && !isTooMany ? models : models.slice(0, 1);
  const tables: AttributionTable[] = [];
  for (const model of given)
    for (const dimension of dimensions) {
      const tallies = new Map<string, Tally>();
      deals.forEach((deal, k) => {
        const touches = (paths[k] as { touches: Touch[] }).touches;
        creditDeal(deal, pick(model, touches), dimension, tallies);
      });
      tables.push({ model, dimension, rows: toRows(tallies) });
    }
  return {
    deals: {
      pipeline: deals.filter((d) => d.isPipeline).length,
      won: deals.filter((d) => d.isWon).length,
      withoutLead: deals.filter((d) => (input.leadOfOpportunity[d.index] as number) < 0).length,
      withoutAmount: deals.filter((d) => d.amount === null).length,
    },
    activityTouches,
    multiTouchUnknown: isTooMany ? 'too-many-touches' : activityTouches > 0 ? null : 'no-campaign-touches',
    tables,
    sourcing: input.sourcing,
    sourced: measureSourcedShares(deals, paths, new Set(input.sourcing.sales), new Set(input.sourcing.unattributed)),
  };
}

/** The opportunities counted as pipeline or won in the window, in data order. */
export function listCountedDeals(data: PipelineData, window: TimeWindow): CountedDeal[] {
  const inWindow = (t: unknown): boolean => typeof t === 'number' && t >= window.start && t < window.end;
  const out: CountedDeal[] = [];
  data.opportunities.forEach((o, index) => {
    const isPipeline = inWindow(o.created_at);
    const isWon = o.won === true && inWindow(o.closed_at);
    if (!isPipeline && !isWon) return;
    const currency = typeof o.currency === 'string' && o.currency !== '' ? o.currency : null;
    out.push({ index, isPipeline, isWon, amount: parseAmount(o.amount), currency });
  });
  return out;
}

/** The touches a model credits and each one's share (shares of one deal add up to 1). */
function pick(model: AttributionModel, touches: readonly Touch[]): { touch: Touch; part: number; of: number }[] {
  if (model === 'first-touch') return [{ touch: touches[0] as Touch, part: 0, of: 1 }];
  if (model === 'last-touch') return [{ touch: touches[touches.length - 1] as Touch, part: 0, of: 1 }];
  return touches.map((touch, part) => ({ touch, part, of: touches.length }));
}

function creditDeal(
  deal: CountedDeal,
  credits: readonly { touch: Touch; part: number; of: number }[],
  dimension: AttributionDimension,
  tallies: Map<string, Tally>,
): void {
  for (const { touch, part, of } of credits) {
    const key = JSON.stringify([touch[dimension], deal.currency]);
    let t = tallies.get(key);
    if (t === undefined) {
      t = { pipelineDeals: new Dec(0), pipelineAmount: null, wonDeals: new Dec(0), wonAmount: null };
      tallies.set(key, t);
    }
    const share = new Dec(1).div(of);
    const amount = deal.amount === null ? null : splitAmount(deal.amount, part, of);
    if (deal.isPipeline) {
      t.pipelineDeals = t.pipelineDeals.plus(share);
      if (amount !== null) t.pipelineAmount = (t.pipelineAmount ?? new Dec(0)).plus(amount);
    }
    if (deal.isWon) {
      t.wonDeals = t.wonDeals.plus(share);
      if (amount !== null) t.wonAmount = (t.wonAmount ?? new Dec(0)).plus(amount);
    }
  }
}

/**
 * Share `part` of `of` equal shares of an amount, exact: each share is the amount ÷ `of` cut
 * to whole cents (or the amount's own smallest digit, if finer), and the cents left over go
 * one each to the first shares, so the shares add up to the amount.
 */
export function splitAmount(amount: Decimal, part: number, of: number): Decimal {
  if (of === 1) return amount;
  const places = Math.max(2, amount.decimalPlaces());
  const units = amount.times(new Dec(10).pow(places));
  const base = units.divToInt(of);
  const left = units.minus(base.times(of)).toNumber();
  return base.plus(part < left ? 1 : 0).div(new Dec(10).pow(places));
}

function toRows(tallies: Map<string, Tally>): AttributionRow[] {
  return [...tallies.entries()]
    .map(([key, t]) => {
      const [name, currency] = JSON.parse(key) as [string | null, string | null];
      return {
        key: name,
        currency,
        pipelineDeals: toRatio(t.pipelineDeals),
        // No deal at all is a known 0; deals none of which carries an amount are unknown.
        pipelineAmount: amountText(t.pipelineAmount, t.pipelineDeals),
        wonDeals: toRatio(t.wonDeals),
        wonAmount: amountText(t.wonAmount, t.wonDeals),
      };
    })
    .sort(
      (a, b) =>
        compareText(a.currency, b.currency) ||
        compareMoney(b.wonAmount, a.wonAmount) ||
        b.wonDeals - a.wonDeals ||
        compareMoney(b.pipelineAmount, a.pipelineAmount) ||
        b.pipelineDeals - a.pipelineDeals ||
        compareText(a.key, b.key),
    );
}

function amountText(amount: Decimal | null, deals: Decimal): string | null {
  if (amount !== null) return formatMoney(amount);
  return deals.isZero() ? '0.00' : null;
}

/** Nulls last; otherwise code-unit order (deterministic across locales). */
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function compareMoney(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return new Dec(a).comparedTo(b);
}
