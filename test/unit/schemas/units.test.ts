import { describe, expect, it } from 'vitest';
import { compMetricDefinitions } from '../../../src/core/engine/comp/metrics.js';
import { unitFields } from '../../../src/core/policy/checks/unit-fields.js';
import { compMetricUnits } from '../../../src/core/schemas/comp-plan.js';
import { policyKinds, policySchemas } from '../../../src/core/schemas/index.js';
import type { JsonSchema, PolicyKind } from '../../../src/core/schemas/index.js';

/** Numbers that are not ratios, percents, money or durations: scores, limits, sample sizes. */
const unitless: Readonly<Record<string, string>> = {
  'LeadDefinition spec.scoring.fit.cap': 'score points',
  'LeadDefinition spec.scoring.engagement.cap': 'score points',
  'LeadDefinition spec.scoring.fit.rules.*.points': 'score points',
  'LeadDefinition spec.scoring.engagement.rules.*.points': 'score points',
  'LeadDefinition spec.classes.*.minScore': 'score points',
  'LeadDefinition spec.classes.*.minFit': 'score points',
  'LeadDefinition spec.classes.*.minEngagement': 'score points',
  'Funnel spec.projection.minimumSample': 'a number of leads, an integer the schema bounds',
  'Guardrails spec.rules.*.approvers.minApprovals': 'a number of people, an integer the schema bounds',
  'PolicyTest *': 'expected outcomes of policy tests, checked against the engine (coverage stream)',
  'FieldMapping *': 'constants and value maps copied into data rows, not quantities of a policy',
};

interface Leaf {
  path: string;
  description: string;
}

/** Every numeric, decimal, fraction or duration field of a kind's schema, as `spec.a.*.b`. */
function listNumericLeaves(root: JsonSchema): Leaf[] {
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const out: Leaf[] = [];
  const visit = (node: JsonSchema, path: string[], description: string): void => {
    const ref = typeof node.$ref === 'string' ? node.$ref.replace('#/$defs/', '') : undefined;
    const own = typeof node.description === 'string' ? node.description : description;
    if (ref !== undefined && ['decimal', 'fraction', 'duration'].includes(ref)) {
      out.push({ path: path.join('.'), description: own });
      return;
    }
    const types = ([] as unknown[]).concat(node.type ?? []);
    if (types.includes('number') || types.includes('integer')) {
      if (!types.includes('object')) out.push({ path: path.join('.'), description: own });
    }
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>))
      if (key !== 'metadata') visit(child, [...path, key], '');
    if (node.items !== undefined && typeof node.items === 'object') visit(node.items as JsonSchema, [...path, '*'], '');
    if (node.additionalProperties !== undefined && typeof node.additionalProperties === 'object')
      visit(node.additionalProperties as JsonSchema, [...path, '*'], '');
    if (node.then !== undefined) visit(node.then as JsonSchema, path, own);
    if (ref !== undefined && !ref.startsWith('logic') && defs[ref] !== undefined) visit(defs[ref], path, own);
  };
  visit((root.properties as Record<string, JsonSchema>).spec!, ['spec'], '');
  return out;
}

/** A row's path pattern (`*` = any key or index) covers a schema path (`*` = any list item or map entry). */
function isCovered(pattern: readonly string[], segments: readonly string[]): boolean {
  return (
    pattern.length === segments.length && pattern.every((p, i) => p === '*' || p === segments[i] || segments[i] === '*')
  );
}

describe('units in the policy schemas', () => {
  it.each(policyKinds.map((k) => [k] as [PolicyKind]))(
    '%s: every number has a unit in its description and a sane range, or is listed as unitless',
    (kind) => {
      const leaves = listNumericLeaves(policySchemas[kind]);
      for (const leaf of leaves) {
        const key = `${kind} ${leaf.path}`;
        if (unitless[key] !== undefined || unitless[`${kind} *`] !== undefined) continue;
        const rows = unitFields.filter((f) => f.kind === kind && isCovered(f.path, leaf.path.split('.')));
        expect(rows.length, `${key} has a row in checks/unit-fields.ts`).toBeGreaterThan(0);
        expect(leaf.description, `${key} says its unit`).toMatch(/Unit( by metric)?:/);
      }
    },
  );

  it('has no row for a field the schemas do not have', () => {
    const orphans = unitFields.filter(
      (f) => !listNumericLeaves(policySchemas[f.kind]).some((l) => isCovered(f.path, l.path.split('.'))),
    );
    expect(orphans.map((f) => `${f.kind} ${f.path.join('.')}`)).toEqual([]);
  });

  it('writes comp targets in the unit the engine counts them in', () => {
    const expected = { money: 'money', count: 'count', fraction: 'ratio' } as const;
    for (const [metric, definition] of Object.entries(compMetricDefinitions))
      expect(compMetricUnits[metric as keyof typeof compMetricUnits], metric).toBe(expected[definition.kind]);
  });
});
