import type { SampleCalendar } from './calendar.js';
import { mixSeed, Random } from './random.js';
import type { SpendRow } from './rows.js';
import { formatCents } from './rows.js';
import { streams } from './streams.js';
import type { Channel } from './vocabulary.js';

/**
 * What a lead costs per channel, in cents, before ±15 % monthly noise: paid search buys cheap
 * leads, paid social dear ones, events the dearest (the booth, travel and the badge scans
 * together); partners are paid a referral fee per lead. Organic, referral and outbound leads
 * cost no media (outbound is the SDRs' time: sales cost from headcount).
 */
const costPerLeadCents: Partial<Record<Channel, number>> = {
  paid_search: 9_500,
  paid_social: 14_000,
  events: 26_000,
  partner: 6_000,
};

/** Monthly marketing cost no channel carries (tools, content, the website), in cents. */
const overheadCents = 900_000;

/**
 * Marketing spend of the generated period, consistent with its leads: per month and per paid
 * channel's campaign, its leads × the channel's cost per lead (± noise), plus the monthly
 * overhead (no source), in USD. Spend follows the leads' seasonality (the trade-show weeks,
 * the January ramp). Holds one count per month and campaign.
 */
export class SpendTally {
  private readonly counts = new Map<string, number>();
  private readonly months: string[] = [];

  constructor(private readonly cal: SampleCalendar) {}

  /** Notes a lead of `channel` and `campaign` created on day `d`. */
  add(d: number, channel: Channel, campaign: string | null): void {
    const month = this.monthOf(d);
    if (this.months.at(-1) !== month) this.months.push(month);
    if (costPerLeadCents[channel] === undefined) return;
    const key = `${month}\u0000${channel}\u0000${campaign ?? ''}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** The spend rows, month by month, in a stable order. */
  *rows(seed: number): Generator<SpendRow> {
    const byMonth = [...this.counts].sort(([a], [b]) => (a < b ? -1 : 1));
    let index = 0;
    for (const month of this.months) {
      const date = `${month}-01`;
      yield {
        date,
        period: 'month',
        function: 'marketing',
        source: null,
        campaign: null,
        amount: formatCents(overheadCents),
        currency: 'USD',
      };
      for (const [key, leads] of byMonth) {
        const [m, channel, campaign] = key.split('\u0000') as [string, Channel, string];
        if (m !== month) continue;
        const rng = new Random(mixSeed(seed, streams.spend, index++));
        const cents = Math.round(leads * (costPerLeadCents[channel] ?? 0) * rng.between(0.85, 1.15));
        yield {
          date,
          period: 'month',
          function: 'marketing',
          source: channel,
          campaign: campaign === '' ? null : campaign,
          amount: formatCents(cents),
          currency: 'USD',
        };
      }
    }
  }

  private monthOf(d: number): string {
    return `${this.cal.year[d]}-${String(this.cal.month[d]).padStart(2, '0')}`;
  }
}
