import { describe, expect, it } from 'vitest';
import { diffPolicySets, diffValues } from '../../../src/core/impact/policy-diff.js';
import { emptyPolicySet } from '../../../src/core/policy/load.js';
import type { Policy, PolicySet } from '../../../src/core/policy/types.js';

function changesOf(before: unknown, after: unknown): { path: string; before: unknown; after: unknown }[] {
  const out: { path: string; before: unknown; after: unknown }[] = [];
  diffValues(before, after, 'spec', out);
  return out;
}

describe('diffValues', () => {
  it.each([
    ['an equal value', { a: 1 }, { a: 1 }, []],
    [
      'a changed threshold, by the id of its list item',
      { classes: [{ id: 'mql', minScore: 65 }] },
      { classes: [{ id: 'mql', minScore: 60 }] },
      [{ path: 'spec.classes[id=mql].minScore', before: 65, after: 60 }],
    ],
    [
      'a reordered id list (no change)',
      {
        rules: [
          { id: 'a', p: 1 },
          { id: 'b', p: 2 },
        ],
      },
      {
        rules: [
          { id: 'b', p: 2 },
          { id: 'a', p: 1 },
        ],
      },
      [],
    ],
    [
      'an added list item',
      { rules: [{ id: 'a' }] },
      { rules: [{ id: 'a' }, { id: 'b' }] },
      [{ path: 'spec.rules[id=b]', before: null, after: { id: 'b' } }],
    ],
    [
      'a JSON Logic rule, compared whole',
      { when: { '>=': [{ var: 'x' }, 1] } },
      { when: { '>=': [{ var: 'x' }, 2] } },
      [{ path: 'spec.when', before: { '>=': [{ var: 'x' }, 1] }, after: { '>=': [{ var: 'x' }, 2] } }],
    ],
    [
      'a list of scalars, compared whole',
      { days: ['mon', 'tue'] },
      { days: ['mon'] },
      [{ path: 'spec.days', before: ['mon', 'tue'], after: ['mon'] }],
    ],
    ['a removed key', { cap: 2, rate: 1 }, { rate: 1 }, [{ path: 'spec.cap', before: 2, after: null }]],
  ])('reports %s', (_name, before, after, expected) => {
    expect(changesOf(before, after)).toEqual(expected);
  });
});

function setWith(policies: Policy[]): PolicySet {
  const set = emptyPolicySet();
  for (const p of policies) (set[p.kind] as Policy[]).push(p);
  return set;
}

const plan = (name: string, file: string, rate: number): Policy =>
  ({ kind: 'CompPlan', file, metadata: { name, owner: 'cfo', description: 'd' }, spec: { rate } }) as unknown as Policy;

describe('diffPolicySets', () => {
  it('names added, removed, renamed and changed policies', () => {
    const base = setWith([plan('ae', 'ae.yaml', 1), plan('sdr', 'sdr.yaml', 1), plan('old', 'old.yaml', 1)]);
    const head = setWith([plan('ae', 'ae.yaml', 2), plan('sdr-2026', 'sdr.yaml', 1), plan('new', 'new.yaml', 1)]);
    expect(diffPolicySets(base, head).map((c) => [c.name, c.change, c.from ?? null, c.changes.length])).toEqual([
      ['ae', 'changed', null, 1],
      ['new', 'added', null, 0],
      ['old', 'removed', null, 0],
      ['sdr-2026', 'renamed', 'sdr', 0],
    ]);
  });
});
