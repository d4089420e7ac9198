import { DateTime } from 'luxon';
import type { Row } from '../data/types.js';
import { Dec, ZERO } from './comp/money.js';
import type { Decimal } from './comp/money.js';
import type { TimeWindow } from './context.js';
import type { Period } from './periods.js';
import { periodFinder } from './periods.js';

/** A sum of spend and how many rows (or cost lines) went into it: a bucket nothing went into is unknown, not 0. */
export class SpendBucket {
  sum: Decimal = ZERO;
  parts = 0;

  add(amount: Decimal): void {
    this.sum = this.sum.plus(amount);
    this.parts++;
  }
}

/** Spend per report period and over the window, by function, on paid channels, per source and campaign. */
export interface AllocatedSpend {
  marketing: SpendBucket[];
  sales: SpendBucket[];
  /** Spend that names a source (a channel bought it). */
  paid: SpendBucket[];
  window: { marketing: SpendBucket; sales: SpendBucket; paid: SpendBucket };
  bySource: Map<string, SpendBucket>;
  /** Keyed `source\u0000campaign`. */
  byCampaign: Map<string, SpendBucket>;
  outsideWindow: number;
}

const units = { day: 'days', week: 'weeks', month: 'months', quarter: 'quarters' } as const;

/**
 * Spreads each spend row over the days it covers (`date` to `date` + `period`, default a day, in
 * `timeZone`) and gives each report period the share of its days inside the window:
 * amount × days ÷ days covered, exact (40 digits; rounded only for display). Rows with no day in
 * the window count as outside it. Cost: one step per covered day (at most 92 per row).
 */
export function allocateSpend(
  rows: readonly Row[],
  periods: readonly Period[],
  window: TimeWindow,
  timeZone: string,
): AllocatedSpend {
  const fresh = () => periods.map(() => new SpendBucket());
  const out: AllocatedSpend = {
    marketing: fresh(),
    sales: fresh(),
    paid: fresh(),
    window: { marketing: new SpendBucket(), sales: new SpendBucket(), paid: new SpendBucket() },
    bySource: new Map(),
    byCampaign: new Map(),
    outsideWindow: 0,
  };
  const find = periodFinder(periods);
  for (const row of rows) {
    if (typeof row.date !== 'string' || typeof row.amount !== 'string') continue;
    const unit = units[(row.period ?? 'day') as keyof typeof units] ?? 'days';
    const first = DateTime.fromISO(row.date, { zone: timeZone }).startOf('day');
    const end = first.plus({ [unit]: 1 }).toMillis();
    const daysIn = new Map<number, number>();
    let span = 0;
    for (let day = first; day.toMillis() < end; day = day.plus({ days: 1 })) {
      span++;
      const at = day.toMillis();
      if (at < window.start || at >= window.end) continue;
      const k = find(at);
      if (k >= 0) daysIn.set(k, (daysIn.get(k) ?? 0) + 1);
    }
    if (daysIn.size === 0) {
      out.outsideWindow++;
      continue;
    }
    const amount = new Dec(row.amount);
    const isSales = row.function === 'sales';
    const source = typeof row.source === 'string' ? row.source : null;
    const campaign = typeof row.campaign === 'string' ? row.campaign : null;
    let inWindow: Decimal = ZERO;
    for (const [k, days] of daysIn) {
      const share = amount.times(days).div(span);
      inWindow = inWindow.plus(share);
      (isSales ? out.sales : out.marketing)[k]!.add(share);
      if (source !== null) out.paid[k]!.add(share);
    }
    (isSales ? out.window.sales : out.window.marketing).add(inWindow);
    if (source === null) continue;
    out.window.paid.add(inWindow);
    bucketOf(out.bySource, source).add(inWindow);
    if (campaign !== null) bucketOf(out.byCampaign, `${source}\u0000${campaign}`).add(inWindow);
  }
  return out;
}

function bucketOf(map: Map<string, SpendBucket>, key: string): SpendBucket {
  let bucket = map.get(key);
  if (bucket === undefined) map.set(key, (bucket = new SpendBucket()));
  return bucket;
}

/** Days of each period inside the window (a day counts where it starts), for headcount cost. */
export function countWindowDays(periods: readonly Period[], window: TimeWindow, timeZone: string): number[] {
  const find = periodFinder(periods);
  const days = periods.map(() => 0);
  const first = DateTime.fromMillis(window.start, { zone: timeZone }).startOf('day');
  for (let day = first; day.toMillis() < window.end; day = day.plus({ days: 1 })) {
    const at = day.toMillis();
    if (at < window.start) continue;
    const k = find(at);
    if (k >= 0) days[k]!++;
  }
  return days;
}
