/**
 * The example lead definition (`policies/lead-definition.yaml`) in plain code, so that the
 * CRM's own `mql_at` in the sample agrees with the policy the demo evaluates (a test checks
 * the two against each other). Decay is left out: the CRM flags a lead when it qualifies.
 */

/** The fields the example lead definition reads. */
export interface ScoredFields {
  isCompetitor: boolean;
  isStudent: boolean;
  isCustomer: boolean;
  emailDomain: string;
  demoRequested: boolean;
  contactSales: boolean;
  employeeCount: number | null;
  industry: string | null;
  seniority: string | null;
  region: string | null;
  pricingPageViews: number;
  pageViews: number;
  contentDownloads: number;
  webinarAttended: number;
  emailClicks: number;
  trialSignup: boolean;
  unsubscribed: boolean;
}

/** The lead definition's verdict on one lead. */
export interface LeadScore {
  excluded: boolean;
  handRaiser: boolean;
  fit: number;
  engagement: number;
  isMql: boolean;
}

const excludedDomains = new Set(['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'proton.me']);
const fitIndustries = new Set(['software', 'financial_services', 'healthcare', 'retail', 'manufacturing']);

export function scoreLead(f: ScoredFields): LeadScore {
  const excluded = f.isCompetitor || f.isStudent || f.isCustomer || excludedDomains.has(f.emailDomain);
  const handRaiser = f.demoRequested || f.contactSales;
  const employees = f.employeeCount;
  let fit = 0;
  if (employees !== null && employees >= 200 && employees <= 5000) fit += 20;
  if (employees !== null && employees >= 20 && employees < 200) fit += 5;
  if (f.industry !== null && fitIndustries.has(f.industry)) fit += 15;
  if (f.seniority === 'director' || f.seniority === 'vp' || f.seniority === 'c_level') fit += 15;
  if (f.seniority === 'manager') fit += 8;
  if (f.region === 'na' || f.region === 'emea') fit += 5;
  fit = Math.min(fit, 50);
  let engagement = 0;
  if (f.pricingPageViews > 0) engagement += Math.min(f.pricingPageViews * 8, 24);
  if (f.pageViews > 0) engagement += Math.min(f.pageViews, 10);
  if (f.contentDownloads > 0) engagement += Math.min(f.contentDownloads * 5, 15);
  if (f.webinarAttended > 0) engagement += 10;
  if (f.emailClicks > 0) engagement += Math.min(f.emailClicks * 2, 8);
  if (f.trialSignup) engagement += 20;
  if (f.unsubscribed) engagement -= 15;
  engagement = Math.min(engagement, 60);
  const qualifies = fit + engagement >= 65 && fit >= 25 && engagement >= 20;
  return { excluded, handRaiser, fit, engagement, isMql: !excluded && (handRaiser || qualifies) };
}
