import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../../src/cli/cli-io.js';
import { compileLeadDefinition } from '../../../src/core/engine/classify.js';
import type { CompiledLeadDefinition } from '../../../src/core/engine/classify.js';
import { loadPolicyDir } from '../../../src/core/policy/load.js';
import type { LeadRow } from '../../../src/core/sample/rows.js';
import { row } from '../engine/helpers.js';
import { examplePolicies } from '../../helpers/paths.js';
import { collectSample } from './collect.js';

/**
 * The generator scores leads with its own plain-code copy of the example lead definition
 * (src/core/sample/scoring.ts); here the engine's classifier, compiled from
 * policies/lead-definition.yaml as `revops evaluate` loads it, judges the leads it made.
 */
describe("the CRM's mql_at agrees with the engine's classes under the example lead definition", () => {
  const { leads } = collectSample({ leads: 15_000, seed: 3 });
  const asOf = Date.parse('2027-01-01T05:00:00Z');
  let definition: CompiledLeadDefinition;
  // The engine replays qualification without decay (the score when the lead could qualify), as a CRM flags it.
  const classOf = (lead: LeadRow): string => definition.classify(row({ ...lead })).class;

  beforeAll(async () => {
    const loaded = await loadPolicyDir(examplePolicies, nodeFileIo);
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const policy = loaded.set.LeadDefinition[0];
    if (policy === undefined) throw new Error('the example policies have no LeadDefinition');
    definition = compileLeadDefinition(policy, { asOf, decay: false });
  });

  it('flags as MQL only leads the engine classes as mql', () => {
    const flagged = leads.filter((l) => l.mql_at !== null);
    expect(flagged.length).toBeGreaterThan(1500);
    expect(flagged.filter((l) => classOf(l) !== 'mql').map((l) => l.id)).toEqual([]);
  });

  it('leaves unflagged only mql leads that were still engaging at the export', () => {
    const pending = leads.filter((l) => l.mql_at === null && classOf(l) === 'mql');
    expect(pending.length).toBeLessThan(leads.length * 0.02);
    for (const l of pending) expect(asOf - Date.parse(l.created_at)).toBeLessThan(151 * 86_400_000);
  });

  it('excludes the leads it should: competitors, students, customers, listed personal domains', () => {
    const excluded = leads.filter(
      (l) => l.is_competitor || l.is_student || l.is_customer || l.email_domain === 'gmail.com',
    );
    expect(excluded.length).toBeGreaterThan(500);
    expect(excluded.every((l) => l.mql_at === null && classOf(l) === 'excluded')).toBe(true);
    expect(leads.some((l) => l.email_domain === 'aol.com' && l.mql_at !== null)).toBe(true); // not on the list
  });
});
