import type { LeadJourney } from './journey.js';
import type { LeadProfile } from './leads.js';
import type { PersonDetails } from './people.js';
import type { LeadRow, OpportunityRow } from './rows.js';
import { formatCents, formatInstant, formatInstantOrNull } from './rows.js';
import { formatCompanyId } from './companies.js';

export function formatLeadId(index: number): string {
  return `L${String(index + 1).padStart(7, '0')}`;
}

export function formatOpportunityId(n: number): string {
  return `OPP${String(n).padStart(6, '0')}`;
}

export function formatActivityId(n: number): string {
  return `ACT${String(n).padStart(8, '0')}`;
}

/** The lead as the CRM exports it, in canonical field order. */
export function assembleLeadRow(
  p: LeadProfile,
  person: PersonDetails,
  campaign: string | null,
  journey: LeadJourney,
): LeadRow {
  const company = p.company;
  return {
    id: formatLeadId(p.index),
    created_at: formatInstant(p.createdMs),
    source: p.channel,
    campaign,
    segment: p.segment,
    email: person.email,
    email_domain: person.emailDomain,
    title: person.title,
    seniority: p.seniority,
    department: p.isStudent ? null : p.department,
    company: company?.name ?? null,
    company_domain: company?.domain ?? null,
    industry: p.isStudent ? 'education' : (company?.industry ?? null),
    country: company?.country ?? null,
    region: company?.region ?? null,
    employee_count: company?.employeeCount ?? null,
    annual_revenue: company?.annualRevenue ?? null,
    is_customer: company?.isCustomer === true,
    is_competitor: p.isCompetitor,
    is_student: p.isStudent,
    unsubscribed: p.unsubscribed,
    page_views: p.pageViews,
    pricing_page_views: p.pricingPageViews,
    content_downloads: p.contentDownloads,
    webinar_attended: p.webinarAttended,
    email_clicks: p.emailClicks,
    demo_requested: p.demoRequested,
    contact_sales: p.contactSales,
    trial_signup: p.trialSignup,
    last_engaged_at: formatInstant(p.lastEngagedMs),
    owner_id: journey.ownerId,
    status: journey.status,
    mql_at: formatInstantOrNull(p.mqlMs),
    sal_at: formatInstantOrNull(journey.salMs),
    sql_at: formatInstantOrNull(journey.sqlMs),
    opportunity_at: formatInstantOrNull(journey.opportunityMs),
    disqualified_at: formatInstantOrNull(journey.disqualifiedMs),
    disqualification_reason: journey.disqualificationReason,
    recycled_at: formatInstantOrNull(journey.recycledMs),
  };
}

/** The lead's opportunity, if an AE opened one before the export. */
export function assembleOpportunityRow(p: LeadProfile, journey: LeadJourney, id: string): OpportunityRow | null {
  const deal = journey.deal;
  if (deal === null || p.company === null) return null;
  const stage = deal.won === null ? 'opportunity' : deal.won ? 'won' : 'lost';
  return {
    id,
    lead_id: formatLeadId(p.index),
    account_id: formatCompanyId(p.company.index),
    owner_id: deal.ownerId,
    name: `${p.company.name} - ${deal.product}`,
    amount: formatCents(deal.amountCents),
    currency: 'USD',
    stage,
    source: p.channel,
    segment: p.company.segment,
    product: deal.product,
    term_months: deal.termMonths,
    created_at: formatInstant(deal.createdMs),
    closed_at: formatInstantOrNull(deal.closedMs),
    won: deal.won,
    close_reason: deal.closeReason,
    cancelled_at: null,
  };
}
