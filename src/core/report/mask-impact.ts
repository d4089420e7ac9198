import type { ImpactReport } from './impact.js';
import { maskDataAccounting } from './mask-issues.js';
import { Pseudonyms } from './mask-pseudonyms.js';
import type { PseudonymDigest } from './mask-pseudonyms.js';
import { maskWarnings } from './mask-warnings.js';

/**
 * The impact report with lead ids (transition examples) and people (comp by person)
 * replaced by the same pseudonyms `maskReport` gives them, and data issues and warnings masked.
 */
export function maskImpact(report: ImpactReport, digest: PseudonymDigest): ImpactReport {
  // Payout lines of the replay and of the projection (`payout` is null where a plan is not projected).
  const payoutLines = (r: ImpactReport) =>
    [...r.comp.plans, ...r.projection.payouts.plans.flatMap((p) => (p.payout === null ? [] : [p.payout]))].flatMap(
      (p) => p.parts.flatMap((x) => x.lines),
    );
  const masked: ImpactReport = structuredClone(report);
  masked.isMasked = true;
  const leads = new Pseudonyms(
    'lead',
    digest,
    report.classTransitions.transitions.flatMap((t) => t.examples),
  );
  for (const t of masked.classTransitions.transitions) t.examples = t.examples.map((id) => leads.of(id));
  const people = new Pseudonyms('person', digest, [
    ...report.comp.byPerson.map((p) => p.personId),
    ...payoutLines(report).map((l) => l.personId),
  ]);
  for (const p of masked.comp.byPerson) {
    const name = people.of(p.personId);
    p.personId = name;
    p.name = p.name === null ? null : name;
  }
  for (const line of payoutLines(masked)) line.personId = people.of(line.personId);
  masked.data = maskDataAccounting(masked.data);
  masked.warnings = maskWarnings(masked.warnings, new Pseudonyms('deal', digest));
  return masked;
}
