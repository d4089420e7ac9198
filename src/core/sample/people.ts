import type { LeadProfile } from './leads.js';
import { composeTitle, firstNames, lastNames, slugify } from './vocabulary.js';

/** The text fields of a lead: who it is and how to reach them. */
export interface PersonDetails {
  email: string;
  emailDomain: string;
  title: string | null;
}

/** Names the person behind a lead, drawing from the lead's own random stream. */
export function describePerson(p: LeadProfile): PersonDetails {
  const { rng } = p;
  const first = rng.pick(firstNames);
  const last = rng.pick(lastNames);
  const style = rng.next();
  let local =
    style < 0.65
      ? `${slugify(first)}.${slugify(last)}`
      : style < 0.85
        ? `${slugify(first).charAt(0)}${slugify(last)}`
        : slugify(first);
  if (p.emailKind !== 'work') local += String(rng.int(1, 99));
  const domain = p.emailKind === 'work' ? (p.company?.domain ?? 'example.com') : p.emailDomain;
  // A few CRMs keep the address as typed; email_domain is always lower case.
  const email = rng.chance(0.03)
    ? `${first}.${last}@${domain.charAt(0).toUpperCase()}${domain.slice(1)}`
    : `${local}@${domain}`;
  const title = p.isStudent
    ? 'Student'
    : p.seniority === null || p.department === null
      ? rng.chance(0.5)
        ? null
        : 'Consultant'
      : composeTitle(p.seniority, p.department);
  return { email, emailDomain: domain, title };
}
