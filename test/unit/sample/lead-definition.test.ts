import jsonLogic from 'json-logic-js';
import type { RulesLogic } from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import type { LeadRow } from '../../../src/core/sample/rows.js';
import { collectSample, readExamplePolicy } from './collect.js';

interface Rule {
  when: RulesLogic;
  points?: number | RulesLogic;
}
interface LeadDefinition {
  spec: {
    exclusions: Rule[];
    handRaisers: Rule[];
    scoring: { fit: { cap: number; rules: Rule[] }; engagement: { cap: number; rules: Rule[] } };
    classes: { id: string; minScore: number; minFit: number; minEngagement: number }[];
  };
}

const definition = readExamplePolicy<LeadDefinition>('lead-definition.yaml').spec;
const holds = (rule: RulesLogic, lead: LeadRow) => jsonLogic.truthy(jsonLogic.apply(rule, lead));
const score = (part: { cap: number; rules: Rule[] }, lead: LeadRow) =>
  Math.min(
    part.cap,
    part.rules.reduce(
      (sum, r) =>
        sum +
        (holds(r.when, lead)
          ? Number(typeof r.points === 'number' ? r.points : jsonLogic.apply(r.points as RulesLogic, lead))
          : 0),
      0,
    ),
  );

/** The example lead definition, read from the policy and run by json-logic-js (without decay). */
function meetsDefinition(lead: LeadRow): boolean {
  if (definition.exclusions.some((r) => holds(r.when, lead))) return false;
  if (definition.handRaisers.some((r) => holds(r.when, lead))) return true;
  const mql = definition.classes.find((c) => c.id === 'mql');
  const fit = score(definition.scoring.fit, lead);
  const engagement = score(definition.scoring.engagement, lead);
  return mql !== undefined && fit + engagement >= mql.minScore && fit >= mql.minFit && engagement >= mql.minEngagement;
}

describe("the CRM's mql_at agrees with the example lead definition", () => {
  const { leads } = collectSample({ leads: 15_000, seed: 3 });
  const asOf = Date.parse('2027-01-01T05:00:00Z');

  it('flags as MQL only leads the definition qualifies', () => {
    const flagged = leads.filter((l) => l.mql_at !== null);
    expect(flagged.length).toBeGreaterThan(1500);
    expect(flagged.filter((l) => !meetsDefinition(l)).map((l) => l.id)).toEqual([]);
  });

  it('leaves unflagged only qualifying leads that were still engaging at the export', () => {
    const pending = leads.filter((l) => l.mql_at === null && meetsDefinition(l));
    expect(pending.length).toBeLessThan(leads.length * 0.02);
    for (const l of pending) expect(asOf - Date.parse(l.created_at)).toBeLessThan(151 * 86_400_000);
  });

  it('excludes the leads it should: competitors, students, customers, listed personal domains', () => {
    const excluded = leads.filter(
      (l) => l.is_competitor || l.is_student || l.is_customer || l.email_domain === 'gmail.com',
    );
    expect(excluded.length).toBeGreaterThan(500);
    expect(excluded.every((l) => l.mql_at === null)).toBe(true);
    expect(leads.some((l) => l.email_domain === 'aol.com' && l.mql_at !== null)).toBe(true); // not on the list
  });
});
