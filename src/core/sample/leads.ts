import { dayMs, minuteMs } from './calendar.js';
import type { SampleCalendar } from './calendar.js';
import type { Company, CompanyPool } from './companies.js';
import { drawCompany, segmentLeadShare } from './companies.js';
import type { WeightedTable } from './random.js';
import { createWeightedTable, mixSeed, Random } from './random.js';
import type { LeadScore } from './scoring.js';
import { scoreLead } from './scoring.js';
import { streams } from './streams.js';
import type { Channel, Department, Segment, Seniority } from './vocabulary.js';
import { departments, personalDomains, segments, universityDomains } from './vocabulary.js';

/** What every lead draw needs: the period, the account pool and the channel mix per day. */
export interface LeadContext {
  seed: number;
  cal: SampleCalendar;
  pool: CompanyPool;
  channelTables: WeightedTable<Channel>[][];
}

/**
 * A lead's values that decide whether and when it becomes an MQL. Drawn identically in both
 * passes of the generator; `rng` then continues with names and the lead's pipeline.
 */
export interface LeadProfile {
  index: number;
  day: number;
  createdMs: number;
  rng: Random;
  segment: Segment | null;
  company: Company | null;
  channel: Channel;
  isStudent: boolean;
  isCompetitor: boolean;
  emailKind: 'work' | 'personal' | 'university';
  emailDomain: string;
  seniority: Seniority | null;
  department: Department | null;
  intent: number;
  pageViews: number;
  pricingPageViews: number;
  contentDownloads: number;
  webinarAttended: number;
  emailClicks: number;
  demoRequested: boolean;
  contactSales: boolean;
  trialSignup: boolean;
  unsubscribed: boolean;
  score: LeadScore;
  /** When the lead became an MQL; null when it did not (or not before the export). */
  mqlMs: number | null;
  lastEngagedMs: number;
}

const segmentTable = createWeightedTable(segments.map((s) => [s, segmentLeadShare[s]] as const));
const seniorityTables: Record<Segment, WeightedTable<Seniority>> = {
  smb: createWeightedTable<Seniority>([
    ['individual', 30],
    ['manager', 25],
    ['director', 15],
    ['vp', 10],
    ['c_level', 20],
  ]),
  mid_market: createWeightedTable<Seniority>([
    ['individual', 38],
    ['manager', 30],
    ['director', 18],
    ['vp', 9],
    ['c_level', 5],
  ]),
  enterprise: createWeightedTable<Seniority>([
    ['individual', 42],
    ['manager', 30],
    ['director', 17],
    ['vp', 8],
    ['c_level', 3],
  ]),
};
const departmentTable = createWeightedTable(
  departments.map((d, i) => [d, [26, 24, 14, 10, 12, 14][i] as number] as const),
);
const personalDomainTable = createWeightedTable(personalDomains);

/** Per channel: share of personal email addresses, web engagement, and propensity to ask for sales. */
const channelTraits: Record<Channel, { personal: number; engagement: number; handRaise: number }> = {
  organic: { personal: 0.12, engagement: 1, handRaise: 1 },
  paid_search: { personal: 0.08, engagement: 1.1, handRaise: 1.5 },
  paid_social: { personal: 0.22, engagement: 0.75, handRaise: 0.45 },
  events: { personal: 0.05, engagement: 0.7, handRaise: 0.6 },
  outbound: { personal: 0.01, engagement: 0.45, handRaise: 0.35 },
  referral: { personal: 0.06, engagement: 1.25, handRaise: 2 },
  partner: { personal: 0.04, engagement: 1.05, handRaise: 1.4 },
};

export function drawLeadProfile(
  ctx: LeadContext,
  index: number,
  day: number,
  createdMs: number,
  withNames: boolean,
): LeadProfile {
  const rng = new Random(mixSeed(ctx.seed, streams.lead, index));
  const isStudent = rng.chance(0.025);
  const segment = isStudent ? null : rng.pickWeighted(segmentTable);
  const company =
    segment === null
      ? null
      : drawCompany(
          ctx.seed,
          segment,
          ctx.pool.offset[segment] + Math.floor(rng.next() * ctx.pool.size[segment]),
          withNames,
        );
  const channel = rng.pickWeighted(
    ctx.channelTables[day]?.[segments.indexOf(segment ?? 'smb')] as WeightedTable<Channel>,
  );
  const traits = channelTraits[channel];
  const emailKind = isStudent
    ? rng.chance(0.6)
      ? 'university'
      : 'personal'
    : rng.chance(traits.personal)
      ? 'personal'
      : 'work';
  const emailDomain =
    emailKind === 'personal'
      ? rng.pickWeighted(personalDomainTable)
      : emailKind === 'university'
        ? rng.pick(universityDomains)
        : '';
  const seniority = isStudent
    ? 'individual'
    : rng.chance(0.06)
      ? null
      : rng.pickWeighted(seniorityTables[segment ?? 'smb']);
  const department = rng.chance(0.08) ? null : rng.pickWeighted(departmentTable);

  // One latent intent drives every engagement signal, so they move together as in real data.
  const intent = rng.next() ** 1.5;
  const reach = intent * traits.engagement;
  let pageViews = rng.poisson(0.5 + 16 * reach);
  let pricingPageViews = rng.chance(Math.min(0.9, 0.05 + 0.8 * reach)) ? 1 + rng.poisson(2 * intent) : 0;
  let contentDownloads = Math.min(8, rng.poisson(0.15 + 1.3 * reach));
  let webinarAttended = rng.chance(0.03 + 0.18 * intent) ? (rng.chance(0.2) ? 2 : 1) : 0;
  let emailClicks = rng.poisson(channel === 'outbound' ? 0.5 : 0.2 + 4 * intent);
  let trialSignup = rng.chance(0.01 + 0.12 * reach);
  const unsubscribed = rng.chance(0.09 - 0.06 * intent);
  const raise = traits.handRaise * (0.3 + 1.5 * intent);
  let demoRequested = rng.chance(0.035 * raise);
  let contactSales = !demoRequested && rng.chance(0.015 * raise);
  const isCompetitor = company?.isCompetitor === true;

  const scoredFields = (): Parameters<typeof scoreLead>[0] => ({
    isCompetitor,
    isStudent,
    isCustomer: company?.isCustomer === true,
    emailDomain: emailKind === 'work' ? 'company' : emailDomain,
    demoRequested,
    contactSales,
    employeeCount: company?.employeeCount ?? null,
    industry: isStudent ? 'education' : (company?.industry ?? null),
    seniority,
    region: company?.region ?? null,
    pricingPageViews,
    pageViews,
    contentDownloads,
    webinarAttended,
    emailClicks,
    trialSignup,
    unsubscribed,
  });
  let score = scoreLead(scoredFields());

  const { cal } = ctx;
  const spanMs = Math.min(150, rng.exponential(4 + 25 * intent)) * dayMs;
  let lastEngagedMs = createdMs + spanMs;
  let mqlMs: number | null = null;
  if (score.isMql) {
    const immediate = rng.chance(score.handRaiser ? 0.7 : 0.25);
    mqlMs = immediate
      ? createdMs + rng.between(1, score.handRaiser ? 4 : 20) * minuteMs
      : createdMs + spanMs * rng.next() ** 0.8;
    if (mqlMs >= cal.asOfMs) {
      // It qualifies only after the export, so the export shows its engagement so far: the
      // counts accrued by as-of, no hand-raise or trial yet, and (dropping the strongest
      // signals first) below what qualifies. The CRM's mql_at and the policy then agree.
      const share = Math.max(0, Math.min(1, (cal.asOfMs - createdMs) / (mqlMs - createdMs)));
      pageViews = Math.floor(pageViews * share);
      pricingPageViews = Math.floor(pricingPageViews * share);
      contentDownloads = Math.floor(contentDownloads * share);
      webinarAttended = Math.floor(webinarAttended * share);
      emailClicks = Math.floor(emailClicks * share);
      demoRequested = false;
      contactSales = false;
      trialSignup = false;
      const weakenings = [
        () => (pricingPageViews = 0),
        () => (contentDownloads = 0),
        () => (webinarAttended = 0),
        () => (emailClicks = 0),
        () => (pageViews = Math.min(pageViews, 9)),
      ];
      score = scoreLead(scoredFields());
      for (const weaken of weakenings) {
        if (!score.isMql) break;
        weaken();
        score = scoreLead(scoredFields());
      }
      mqlMs = null;
    }
  }
  if (lastEngagedMs >= cal.asOfMs) lastEngagedMs = createdMs + (cal.asOfMs - createdMs) * rng.next();
  if (mqlMs !== null && lastEngagedMs < mqlMs) lastEngagedMs = mqlMs;
  return {
    index,
    day,
    createdMs,
    rng,
    segment,
    company,
    channel,
    isStudent,
    isCompetitor,
    emailKind,
    emailDomain,
    seniority,
    department,
    intent,
    pageViews,
    pricingPageViews,
    contentDownloads,
    webinarAttended,
    emailClicks,
    demoRequested,
    contactSales,
    trialSignup,
    unsubscribed,
    score,
    mqlMs,
    lastEngagedMs,
  };
}
