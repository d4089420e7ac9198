import type { DataIssue } from '../data/types.js';
import type { Report } from './index.js';

/** The owner placeholder of deals without an owner: not a person. */
const NO_OWNER = '(none)';

/** Stable pseudonyms for one kind of identifier: the same id always gets the same name in a report. */
export class Pseudonyms {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly prefix: string,
    ids: Iterable<string>,
  ) {
    const sorted = [...new Set(ids)].sort();
    const width = String(sorted.length).length;
    sorted.forEach((id, i) => this.names.set(id, `${prefix}-${String(i + 1).padStart(width, '0')}`));
  }

  of(id: string): string;
  of(id: string | null): string | null;
  of(id: string | null): string | null {
    if (id === null) return null;
    return this.names.get(id) ?? `${this.prefix}-?`;
  }
}

/** Every person id a report mentions. */
function personIds(report: Report): string[] {
  const ids: string[] = [];
  for (const plan of report.comp?.plans ?? []) for (const p of plan.people) ids.push(p.id);
  for (const sla of report.slas) for (const o of sla.byOwner) if (o.ownerId !== null) ids.push(o.ownerId);
  for (const o of report.deals.byOwner) if (o.ownerId !== NO_OWNER) ids.push(o.ownerId);
  return ids;
}

/**
 * The report with people and leads replaced by pseudonyms (`person-07`, `deal-3`): person
 * ids and names, opportunity ids, and the raw cell values of data issues (which may
 * hold names or e-mail addresses). Pseudonyms are numbered in the sorted order of the real
 * ids, so the same data gives the same pseudonyms in every format.
 */
export function maskReport(report: Report): Report {
  const people = new Pseudonyms('person', personIds(report));
  const deals = new Pseudonyms(
    'deal',
    (report.comp?.plans ?? []).flatMap((plan) => plan.people.flatMap((p) => p.periods.flatMap((k) => [...k.spiffs, ...k.clawbacks].map((l) => l.opportunityId)))),
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
    if (example !== null) sla.ruleErrors.example = { id: 'masked', message: 'masked: the message names values of the row' };
    for (const owner of sla.byOwner) {
      owner.name = owner.name === null ? null : people.of(owner.ownerId);
      owner.ownerId = people.of(owner.ownerId);
    }
  }
  for (const owner of masked.deals.byOwner) if (owner.ownerId !== NO_OWNER) owner.ownerId = people.of(owner.ownerId);
  masked.data.issues = maskDataIssues(masked.data.issues);
  return masked;
}

/** Data issues without their raw cell values (which may hold names or e-mail addresses), also in the message. */
export function maskDataIssues(issues: readonly DataIssue[]): DataIssue[] {
  return issues.map((issue) => {
    if (issue.raw === undefined) return issue;
    const { raw, ...rest } = issue;
    return { ...rest, message: raw === '' ? issue.message : issue.message.split(raw).join('***') };
  });
}
