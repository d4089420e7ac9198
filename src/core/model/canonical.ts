/**
 * The canonical pipeline data model: the fields every reader, mapping and rule speaks of.
 * One source of truth: the field-name checks on policies (JSON Logic `var`s, mapping
 * targets) and the data schemas are built from this table.
 */
export type FieldType = 'string' | 'integer' | 'number' | 'decimal' | 'boolean' | 'date' | 'datetime';

export type EntityName = 'leads' | 'opportunities' | 'activities' | 'users' | 'stage_events' | 'spend';

export interface FieldSpec {
  type: FieldType;
  description: string;
  required?: boolean;
  /** A quantity that cannot be below zero (a deal amount, a count): a negative value rejects the row. */
  isNonNegative?: boolean;
  /** The only values a string field can hold: another value rejects the row (`data.bad-value`). */
  values?: readonly string[];
}

type Fields = Readonly<Record<string, FieldSpec>>;

const leads: Fields = {
  id: { type: 'string', required: true, description: 'Lead id from the CRM; always a string.' },
  created_at: { type: 'datetime', required: true, description: 'When the lead was created.' },
  source: {
    type: 'string',
    description: 'Acquisition channel, e.g. organic, paid_search, events, outbound, referral, partner.',
  },
  campaign: { type: 'string', description: 'Campaign that created the lead.' },
  segment: { type: 'string', description: 'Market segment, e.g. smb, mid_market, enterprise.' },
  email: { type: 'string', description: 'Email address (maskable).' },
  email_domain: { type: 'string', description: 'Domain part of the email address, lower case.' },
  title: { type: 'string', description: 'Job title.' },
  seniority: { type: 'string', description: 'e.g. individual, manager, director, vp, c_level.' },
  department: { type: 'string', description: 'e.g. sales, marketing, revops, finance, it.' },
  company: { type: 'string', description: 'Company name.' },
  company_domain: { type: 'string', description: 'Company web domain.' },
  industry: { type: 'string', description: 'Industry of the company.' },
  country: { type: 'string', description: 'ISO 3166-1 alpha-2 country code.' },
  region: { type: 'string', description: 'Sales region, e.g. na, emea, apac.' },
  employee_count: { type: 'integer', isNonNegative: true, description: 'Number of employees at the company.' },
  annual_revenue: { type: 'decimal', isNonNegative: true, description: 'Annual revenue of the company.' },
  is_customer: { type: 'boolean', description: 'The company is already a customer.' },
  is_competitor: { type: 'boolean', description: 'The lead works for a competitor.' },
  is_student: { type: 'boolean', description: 'The lead is a student.' },
  unsubscribed: { type: 'boolean', description: 'The lead has opted out of marketing email.' },
  page_views: { type: 'integer', isNonNegative: true, description: 'Website page views in the scoring window.' },
  pricing_page_views: {
    type: 'integer',
    isNonNegative: true,
    description: 'Pricing page views in the scoring window.',
  },
  content_downloads: { type: 'integer', isNonNegative: true, description: 'Gated content downloads.' },
  webinar_attended: { type: 'integer', isNonNegative: true, description: 'Webinars attended.' },
  email_clicks: { type: 'integer', isNonNegative: true, description: 'Marketing email clicks.' },
  demo_requested: { type: 'boolean', description: 'Submitted a demo request (hand-raiser).' },
  contact_sales: { type: 'boolean', description: 'Submitted a contact-sales form (hand-raiser).' },
  trial_signup: { type: 'boolean', description: 'Started a product trial.' },
  last_engaged_at: { type: 'datetime', description: 'Most recent engagement; the basis of score decay.' },
  owner_id: { type: 'string', description: 'User id of the current owner.' },
  status: { type: 'string', description: 'open, disqualified, recycled or converted.' },
  mql_at: { type: 'datetime', description: 'When the lead became marketing-qualified.' },
  sal_at: { type: 'datetime', description: 'When sales accepted the lead.' },
  sql_at: { type: 'datetime', description: 'When sales qualified the lead.' },
  opportunity_at: { type: 'datetime', description: 'When an opportunity was created from the lead.' },
  disqualified_at: { type: 'datetime', description: 'When the lead was disqualified.' },
  disqualification_reason: { type: 'string', description: 'Why the lead was disqualified.' },
  recycled_at: { type: 'datetime', description: 'When the lead was recycled to nurture.' },
};

const opportunities: Fields = {
  id: { type: 'string', required: true, description: 'Opportunity id; always a string.' },
  lead_id: { type: 'string', description: 'Lead the opportunity came from.' },
  account_id: { type: 'string', description: 'Account (company) id.' },
  owner_id: { type: 'string', description: 'User id of the account executive.' },
  name: { type: 'string', description: 'Opportunity name.' },
  amount: { type: 'decimal', isNonNegative: true, description: 'Deal value in `currency`.' },
  currency: { type: 'string', description: 'ISO 4217 currency code.' },
  stage: { type: 'string', description: 'Canonical stage at export time.' },
  source: { type: 'string', description: 'Acquisition channel of the originating lead.' },
  segment: { type: 'string', description: 'Market segment.' },
  product: { type: 'string', description: 'Product or plan sold.' },
  term_months: { type: 'integer', isNonNegative: true, description: 'Contract length in months.' },
  created_at: { type: 'datetime', required: true, description: 'When the opportunity was created.' },
  closed_at: { type: 'datetime', description: 'When it was closed (won or lost); empty while open.' },
  won: { type: 'boolean', description: 'true when closed won, false when closed lost, empty while open.' },
  close_reason: { type: 'string', description: 'Reason given at close.' },
  cancelled_at: {
    type: 'datetime',
    description: 'When a won deal was cancelled or refunded; comp clawbacks count from `closed_at` to it.',
  },
};

const activities: Fields = {
  id: { type: 'string', required: true, description: 'Activity id.' },
  lead_id: { type: 'string', description: 'Lead the activity concerns.' },
  opportunity_id: { type: 'string', description: 'Opportunity the activity concerns.' },
  type: { type: 'string', required: true, description: 'call, email, meeting, linkedin, note, …' },
  direction: { type: 'string', description: 'inbound or outbound.' },
  at: { type: 'datetime', required: true, description: 'When it happened.' },
  actor_id: { type: 'string', description: 'User id of who did it.' },
  outcome: { type: 'string', description: 'e.g. connected, voicemail, no_answer, held, no_show.' },
  campaign: {
    type: 'string',
    description: 'Campaign this activity is a touch of (an ad click, a webinar, an email); attribution reads it.',
  },
  source: { type: 'string', description: 'Acquisition channel of the campaign touch, e.g. paid_social.' },
};

const users: Fields = {
  id: { type: 'string', required: true, description: 'User id.' },
  name: { type: 'string', description: 'Display name (maskable).' },
  role: { type: 'string', required: true, description: 'e.g. sdr, ae, marketing, manager.' },
  team: { type: 'string', description: 'Team id as declared in the Funnel policy.' },
  manager_id: { type: 'string', description: 'User id of the manager.' },
  active_from: { type: 'date', description: 'First day in the role.' },
  active_to: { type: 'date', description: 'Last day in the role; empty while active.' },
};

const stageEvents: Fields = {
  entity: { type: 'string', required: true, description: 'lead or opportunity.' },
  entity_id: { type: 'string', required: true, description: 'Id of the lead or opportunity.' },
  stage: { type: 'string', required: true, description: 'Stage id as declared in the Funnel policy.' },
  entered_at: { type: 'datetime', required: true, description: 'When the entity entered the stage.' },
  exited_at: { type: 'datetime', description: 'When it left; empty while still in the stage.' },
};

/**
 * Money spent to win customers: one row per amount, dated by the day it was spent or the first
 * day of the period it covers. CAC reads it (see `engine/cac.ts`).
 */
const spend: Fields = {
  date: {
    type: 'date',
    required: true,
    description: 'The day the amount was spent, or the first day of the period it covers (see `period`).',
  },
  period: {
    type: 'string',
    values: ['day', 'week', 'month', 'quarter'],
    description:
      'The span the amount covers from `date`: day (default), week, month or quarter; CAC spreads it over the report periods by days.',
  },
  function: {
    type: 'string',
    required: true,
    values: ['marketing', 'sales'],
    description: 'Who spent it: marketing (media, events, tools) or sales (salaries, commissions, tools).',
  },
  source: {
    type: 'string',
    description:
      "Acquisition channel the amount bought, as in the leads' `source` (paid_search, events, …); empty when no channel carries it (salaries, tools).",
  },
  campaign: { type: 'string', description: "Campaign the amount bought, as in the leads' `campaign`." },
  amount: { type: 'decimal', required: true, isNonNegative: true, description: 'Amount spent in `currency`.' },
  currency: { type: 'string', description: 'ISO 4217 currency code.' },
};

export const canonicalModel: Readonly<Record<EntityName, Fields>> = {
  leads,
  opportunities,
  activities,
  users,
  stage_events: stageEvents,
  spend,
};

export const entityNames = Object.keys(canonicalModel) as EntityName[];

export function fieldNames(entity: EntityName): string[] {
  return Object.keys(canonicalModel[entity]);
}
