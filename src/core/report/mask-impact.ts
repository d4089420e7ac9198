import type { ImpactReport } from './impact.js';

function pseudonyms(prefix: string, ids: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(ids)].sort();
  const width = String(sorted.length).length;
  return new Map(sorted.map((id, i) => [id, `${prefix}-${String(i + 1).padStart(width, '0')}`]));
}

/**
 * The impact report with lead ids (transition examples) and people (comp by person) replaced
 * by stable pseudonyms, and raw cell values removed from data issues.
 */
export function maskImpact(report: ImpactReport): ImpactReport {
  const masked: ImpactReport = structuredClone(report);
  masked.isMasked = true;
  const leads = pseudonyms('lead', report.classTransitions.transitions.flatMap((t) => t.examples));
  for (const t of masked.classTransitions.transitions) t.examples = t.examples.map((id) => leads.get(id) ?? 'lead-?');
  const people = pseudonyms('person', report.comp.byPerson.map((p) => p.personId));
  for (const p of masked.comp.byPerson) {
    const name = people.get(p.personId) ?? 'person-?';
    p.personId = name;
    p.name = p.name === null ? null : name;
  }
  masked.data.issues = masked.data.issues.map((issue) => {
    if (issue.raw === undefined) return issue;
    const { raw, ...rest } = issue;
    return { ...rest, message: raw === '' ? issue.message : issue.message.split(raw).join('***') };
  });
  return masked;
}
