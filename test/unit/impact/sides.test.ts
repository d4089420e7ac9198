import { describe, expect, it } from 'vitest';
import { volumeStageOf } from '../../../src/core/impact/sides.js';
import { emptyPolicySet } from '../../../src/core/policy/load.js';
import type { Policy, PolicySet } from '../../../src/core/policy/types.js';
import type { Report } from '../../../src/core/report/index.js';

const stages = [
  { id: 'lead', name: 'Lead', entry: 'lead_created' },
  { id: 'pre-mql', name: 'Warm', entry: 'warm' },
  { id: 'mql', name: 'Marketing qualified', entry: 'mql_reached' },
];

/** A policy set with a funnel of `ids` and one lead class per stage of `classStages`. */
function setWith(ids: string[], classStages: string[]): PolicySet {
  const set = emptyPolicySet();
  const spec = { stages: stages.filter((s) => ids.includes(s.id)) };
  set.Funnel.push({ kind: 'Funnel', metadata: { name: 'f' }, spec } as unknown as Policy<'Funnel'>);
  set.LeadDefinition.push({
    kind: 'LeadDefinition',
    metadata: { name: 'd' },
    spec: { funnel: 'f', classes: classStages.map((stage) => ({ id: `c-${stage}`, stage })) },
  } as unknown as Policy<'LeadDefinition'>);
  return set;
}

const report = { constraint: null } as unknown as Report;

describe('volumeStageOf', () => {
  it("takes the lead-volume stage from the base: a head's new stage or class cannot move it", () => {
    const base = setWith(['lead', 'mql'], ['mql']);
    const head = setWith(['lead', 'pre-mql', 'mql'], ['pre-mql', 'mql']);
    expect(volumeStageOf({ set: base, report }, { set: head, report })).toEqual({
      stage: 'mql',
      name: 'Marketing qualified',
    });
  });

  it('falls back to the base funnel when the base has no lead class', () => {
    const base = setWith(['lead', 'mql'], []);
    const head = setWith(['lead', 'mql'], ['mql']);
    expect(volumeStageOf({ set: base, report }, { set: head, report }).stage).toBe('lead');
  });
});
