import type { Report } from './index.js';
import { maskDataAccounting } from './mask-issues.js';
import { Pseudonyms } from './mask-pseudonyms.js';
import { maskWarnings } from './mask-warnings.js';
import type { PseudonymDigest } from './mask-pseudonyms.js';

export { maskDataIssues } from './mask-issues.js';
export { Pseudonyms } from './mask-pseudonyms.js';
export type { PseudonymDigest, PseudonymKind } from './mask-pseudonyms.js';

/** The owner placeholder of deals without an owner: not a person. */
const NO_OWNER = '(none)';

/** Every person id a report mentions. */
function personIds(report: Report): string[] {
  const ids: string[] = [];
  for (const plan of report.comp?.plans ?? []) for (const p of plan.people) ids.push(p.id);
  for (const sla of report.slas) for (const o of sla.byOwner) if (o.ownerId !== null) ids.push(o.ownerId);
  for (const o of report.deals.byOwner) if (o.ownerId !== NO_OWNER) ids.push(o.ownerId);
  return ids;
}

/**
 * The report with people and deals replaced by pseudonyms (`person-3f9a1c0b7d`, `deal-…`):
 * person ids and names, opportunity ids (also in warnings), the example of a failed SLA rule
 * or classing rule, and in the data accounting every raw cell value (see `maskDataAccounting`).
 * A pseudonym is a keyed hash of the id (`digest`), so it does not depend on the command, the
 * format or the other ids shown.
 */
export function maskReport(report: Report, digest: PseudonymDigest): Report {
  const people = new Pseudonyms('person', digest, personIds(report));
  const deals = new Pseudonyms(
    'deal',
    digest,
    (report.comp?.plans ?? []).flatMap((plan) =>
      plan.people.flatMap((p) => p.periods.flatMap((k) => [...k.spiffs, ...k.clawbacks].map((l) => l.opportunityId))),
    ),
  );
  const masked: Report = structuredClone(report);
  masked.isMasked = true;
  for (const plan of masked.comp?.plans ?? []) {
    for (const person of plan.people) {
      person.name = person.name === null ? null : people.of(person.id);
      person.id = people.of(person.id);
      for (const period of person.periods) {
        for (const line of [...period.spiffs, ...period.clawbacks]) line.opportunityId = deals.of(line.opportunityId);
      }
    }
  }
  for (const sla of masked.slas) {
    const example = sla.ruleErrors.example;
    if (example !== null)
      sla.ruleErrors.example = { id: 'masked', message: 'masked: the message names values of the row' };
    for (const owner of sla.byOwner) {
      owner.name = owner.name === null ? null : people.of(owner.ownerId);
      owner.ownerId = people.of(owner.ownerId);
    }
  }
  for (const owner of masked.deals.byOwner) if (owner.ownerId !== NO_OWNER) owner.ownerId = people.of(owner.ownerId);
  masked.data = maskDataAccounting(masked.data);
  masked.warnings = maskWarnings(masked.warnings, deals);
  if (masked.comp !== null) masked.comp.warnings = maskWarnings(masked.comp.warnings, deals);
  return masked;
}
