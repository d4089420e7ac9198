import type { SampleCalendar } from './calendar.js';
import type { Random, WeightedTable } from './random.js';
import { createWeightedTable } from './random.js';
import type { Channel, Segment } from './vocabulary.js';
import { channels, segments } from './vocabulary.js';

/** Share of leads per channel over the year. */
const channelShare: Record<Channel, number> = {
  organic: 30,
  paid_search: 20,
  paid_social: 15,
  events: 8,
  outbound: 12,
  referral: 6,
  partner: 9,
};

/** Which channels reach which segment: paid social finds small companies, outbound and events large ones. */
const segmentAffinity: Record<Segment, Record<Channel, number>> = {
  smb: { organic: 1.3, paid_search: 1.2, paid_social: 1.3, events: 0.6, outbound: 0.4, referral: 1, partner: 0.9 },
  mid_market: { organic: 1, paid_search: 1, paid_social: 1, events: 1, outbound: 1.1, referral: 1, partner: 1.1 },
  enterprise: {
    organic: 0.6,
    paid_search: 0.7,
    paid_social: 0.6,
    events: 1.6,
    outbound: 2.2,
    referral: 1,
    partner: 1.2,
  },
};

/**
 * Trade shows (month, first day, name): event leads arrive that week and in the days after, as
 * badge scans are imported.
 */
const tradeShows: readonly (readonly [number, number, string])[] = [
  [3, 9, 'saas-connect'],
  [4, 20, 'revops-summit'],
  [6, 8, 'data-week'],
  [9, 14, 'pipeline-live'],
  [10, 12, 'cro-forum'],
  [11, 2, 'analytics-expo'],
];

/** The trade show a day belongs to, if any. */
export function findTradeShow(cal: SampleCalendar, d: number): string | null {
  for (const [month, day, name] of tradeShows) {
    const offset = (cal.dayOfMonth[d] as number) - day;
    if (cal.month[d] === month && offset >= 0 && offset < 8) return name;
  }
  return null;
}

/** Channel tables per day and segment (events swell in trade-show weeks). */
export function buildChannelTables(cal: SampleCalendar): WeightedTable<Channel>[][] {
  const tables: WeightedTable<Channel>[][] = [];
  for (let d = 0; d < cal.days; d++) {
    const eventFactor = findTradeShow(cal, d) === null ? 0.45 : 4;
    tables.push(
      segments.map((segment) =>
        createWeightedTable(
          channels.map(
            (c) => [c, channelShare[c] * segmentAffinity[segment][c] * (c === 'events' ? eventFactor : 1)] as const,
          ),
        ),
      ),
    );
  }
  return tables;
}

const partners = ['northbeam', 'stackline', 'quotaworks', 'crmpro'] as const;

/** The campaign a lead is attributed to; organic leads mostly have none. */
export function nameCampaign(
  rng: Random,
  cal: SampleCalendar,
  d: number,
  channel: Channel,
  segment: Segment | null,
): string | null {
  const quarter = `${cal.year[d]}q${Math.ceil((cal.month[d] as number) / 3)}`;
  switch (channel) {
    case 'organic':
      return rng.chance(0.7) ? null : rng.pick(['blog-newsletter', 'seo-guides']);
    case 'paid_search':
      return `search-${rng.pick(['brand', 'category', 'competitor'])}-${quarter}`;
    case 'paid_social':
      return `linkedin-${rng.pick(['abm', 'thought-leadership', 'retargeting'])}-${quarter}`;
    case 'events': {
      const show = findTradeShow(cal, d);
      return show === null ? `field-events-${quarter}` : `${show}-${cal.year[d]}`;
    }
    case 'outbound':
      return `outbound-${segment ?? 'smb'}-${quarter}`;
    case 'referral':
      return 'customer-referral';
    case 'partner':
      return `partner-${rng.pick(partners)}`;
  }
}
