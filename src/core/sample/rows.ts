/**
 * Rows of the generated CRM export, one interface per canonical entity with exactly the
 * canonical fields in canonical order. Datetimes are ISO 8601 UTC strings ending in `Z`,
 * dates `YYYY-MM-DD`, decimals exact strings (`12500.00`); `null` is a missing value.
 */

/** A member of the revenue team. */
export interface UserRow {
  id: string;
  name: string;
  role: 'sdr' | 'ae' | 'marketing' | 'manager';
  team: 'marketing' | 'sdr' | 'ae';
  manager_id: string | null;
  active_from: string;
  active_to: string | null;
}

/** A lead with its firmographics, engagement and lifecycle timestamps. */
export interface LeadRow {
  id: string;
  created_at: string;
  source: string;
  campaign: string | null;
  segment: string | null;
  email: string;
  email_domain: string;
  title: string | null;
  seniority: string | null;
  department: string | null;
  company: string | null;
  company_domain: string | null;
  industry: string | null;
  country: string | null;
  region: string | null;
  employee_count: number | null;
  annual_revenue: string | null;
  is_customer: boolean;
  is_competitor: boolean;
  is_student: boolean;
  unsubscribed: boolean;
  page_views: number;
  pricing_page_views: number;
  content_downloads: number;
  webinar_attended: number;
  email_clicks: number;
  demo_requested: boolean;
  contact_sales: boolean;
  trial_signup: boolean;
  last_engaged_at: string;
  owner_id: string | null;
  status: 'open' | 'disqualified' | 'recycled' | 'converted';
  mql_at: string | null;
  sal_at: string | null;
  sql_at: string | null;
  opportunity_at: string | null;
  disqualified_at: string | null;
  disqualification_reason: string | null;
  recycled_at: string | null;
}

/**
 * A deal an AE opened from a lead, or an expansion or renewal with an existing customer
 * (`source: expansion`, no `lead_id`); open deals have no `closed_at` or `won`.
 */
export interface OpportunityRow {
  id: string;
  lead_id: string | null;
  account_id: string;
  owner_id: string;
  name: string;
  amount: string;
  currency: string;
  stage: 'opportunity' | 'won' | 'lost';
  source: string;
  segment: string;
  product: string;
  term_months: number;
  created_at: string;
  closed_at: string | null;
  won: boolean | null;
  close_reason: string | null;
  /** The generator cancels no won deal. */
  cancelled_at: string | null;
}

/** A touchpoint: the lead's own (no actor) or an SDR's or AE's; AE work on a customer deal has no lead. */
export interface ActivityRow {
  id: string;
  lead_id: string | null;
  opportunity_id: string | null;
  type: string;
  direction: 'inbound' | 'outbound';
  at: string;
  actor_id: string | null;
  outcome: string | null;
  campaign: string | null;
  source: string | null;
}

/** Marketing spend of one month, on one campaign of a paid channel or on no channel (tools, content). */
export interface SpendRow {
  date: string;
  period: 'month';
  function: 'marketing';
  source: string | null;
  campaign: string | null;
  amount: string;
  currency: string;
}

/** One generated row, tagged with its entity (the file it belongs in). */
export type SampleRow =
  | { entity: 'users'; row: UserRow }
  | { entity: 'leads'; row: LeadRow }
  | { entity: 'opportunities'; row: OpportunityRow }
  | { entity: 'activities'; row: ActivityRow }
  | { entity: 'spend'; row: SpendRow };

export type SampleEntity = SampleRow['entity'];

/** The entities in the order the generator first yields them. */
export const sampleEntities: readonly SampleEntity[] = ['users', 'leads', 'opportunities', 'activities', 'spend'];

const twoDigits = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** `YYYY-MM-DDT` per UTC day number: formatting millions of instants is then mostly concatenation. */
const dayPrefixes = new Map<number, string>();

/** `2026-03-04T14:05:00Z`: whole seconds, UTC. */
export function formatInstant(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor(seconds / 86_400);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const rest = seconds - day * 86_400;
  const hour = Math.floor(rest / 3600);
  const minute = Math.floor((rest % 3600) / 60);
  return `${prefix}${twoDigits[hour]}:${twoDigits[minute]}:${twoDigits[rest % 60]}Z`;
}

export function formatInstantOrNull(ms: number | null): string | null {
  return ms === null ? null : formatInstant(ms);
}

/** Integer cents as an exact decimal string: 1250000 → `12500.00`. */
export function formatCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
