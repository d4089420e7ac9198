import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAX_SWEEP_VALUES, parsePathSteps, parseSweepSpec } from '../../../src/core/impact/sweep-path.js';
import { applySweepValue, resolveSweepTarget } from '../../../src/core/impact/sweep-target.js';
import { emptyPolicySet, loadPolicySources } from '../../../src/core/policy/load.js';
import type { Policy, PolicySet } from '../../../src/core/policy/types.js';

const texts = (values: readonly Decimal[]) => values.map((v) => v.toFixed());

describe('parseSweepSpec: the range', () => {
  it.each([
    ['x.minScore=50..70:5', ['50', '55', '60', '65', '70']],
    ['x.minScore=1..3', ['1', '2', '3']],
    // 50..62:5 stops at the last value not above TO.
    ['x.minScore=50..62:5', ['50', '55', '60']],
    ['x.minScore=-2..1:1.5', ['-2', '-0.5', '1']],
    ['x.minScore=7..7', ['7']],
  ])('%s gives %j', (text, values) => {
    expect(texts(parseSweepSpec(text).values)).toEqual(values);
  });

  it('steps by 0.1 exactly: 0.1 added ten times is 1, not 0.9999999999999999', () => {
    const values = texts(parseSweepSpec('x.rate=0..1:0.1').values);
    expect(values).toEqual(['0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1']);
    // A float loop drifts here: 0.1 + 0.2 = 0.30000000000000004.
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it.each([
    ['x.a=70..50', /FROM 70 is above TO 50/],
    ['x.a=1..5:0', /STEP must be above 0, not 0/],
    ['x.a=1..5:-1', /STEP must be above 0, not -1/],
    ['x.a=1..x', /TO "x" is not a number/],
    ['x.a=1e3..2e3', /not a number/],
    ['x.a=5', /not a range FROM\.\.TO/],
    ['=1..2', /takes PATH=FROM\.\.TO/],
  ])('%s is a usage error (%s)', (text, message) => {
    expect(() => parseSweepSpec(text)).toThrow(message);
    expect(() => parseSweepSpec(text)).toThrow(expect.objectContaining({ code: 'usage' }));
  });

  it(`takes at most ${MAX_SWEEP_VALUES} values and names the limit; a huge range is refused without being built`, () => {
    expect(parseSweepSpec(`x.a=1..${MAX_SWEEP_VALUES}`).values).toHaveLength(MAX_SWEEP_VALUES);
    expect(() => parseSweepSpec(`x.a=1..${MAX_SWEEP_VALUES + 1}`)).toThrow(
      `is ${MAX_SWEEP_VALUES + 1} values; a sweep takes at most ${MAX_SWEEP_VALUES}`,
    );
    expect(() => parseSweepSpec('x.a=0..999999999999999:0.0000000001')).toThrow(/a sweep takes at most 50/);
  });
});

describe('parseSweepSpec: the path and the document', () => {
  it('reads keys, key=value selectors and indexes; the last = starts the range', () => {
    const spec = parseSweepSpec('spec.classes[id=mql].minScore=50..70:5');
    expect(spec.steps).toEqual([
      { type: 'key', key: 'spec' },
      { type: 'key', key: 'classes' },
      { type: 'match', key: 'id', value: 'mql' },
      { type: 'key', key: 'minScore' },
    ]);
    expect(spec.kind).toBeNull();
    expect(parsePathSteps('spec.stages[2].capacity.headcount')[2]).toEqual({ type: 'index', index: 2 });
  });

  it('takes Kind: and Kind/name: prefixes', () => {
    const named = parseSweepSpec('LeadDefinition/lumen:spec.classes[id=mql].minScore=1..2');
    expect([named.kind, named.name, named.path]).toEqual(['LeadDefinition', 'lumen', 'spec.classes[id=mql].minScore']);
    expect(parseSweepSpec('Funnel:spec.stages[0].capacity.headcount=1..2').kind).toBe('Funnel');
    expect(() => parseSweepSpec('Lead:spec.a=1..2')).toThrow('"Lead" is not a policy kind');
  });

  it.each([
    ['spec..a=1..2'],
    ['spec.a.=1..2'],
    ['[0].a=1..2'],
    ['spec.a[0]=1..2'],
    ['spec.__proto__.a=1..2'],
    ['spec.constructor=1..2'],
    ['spec.a[x]=1..2'],
    ['spec.a b=1..2'],
  ])('refuses the path of %s, naming it', (text) => {
    const path = text.slice(0, text.lastIndexOf('='));
    expect(() => parseSweepSpec(text)).toThrow(`the path "${path}" cannot be read`);
  });
});

function policy(kind: Policy['kind'], name: string, spec: unknown, file = `${name}.yaml`): Policy {
  return { kind, file, metadata: { name, owner: 'o', description: 'd' }, spec } as Policy;
}

function setOf(...policies: Policy[]): PolicySet {
  const set = emptyPolicySet();
  for (const p of policies) (set[p.kind] as Policy[]).push(p);
  return set;
}

const classes = (mql: unknown) => ({
  classes: [
    { id: 'sql', minScore: 80 },
    { id: 'mql', minScore: mql },
  ],
});

describe('resolveSweepTarget', () => {
  it('finds the one document the path leads to a number in, with the YAML path of the value', () => {
    const set = setOf(policy('LeadDefinition', 'ld', classes(65)), policy('Funnel', 'f', { stages: [] }));
    const target = resolveSweepTarget(set, parseSweepSpec('spec.classes[id=mql].minScore=1..2'));
    expect(target.policy.metadata.name).toBe('ld');
    expect(target.yamlPath).toEqual(['spec', 'classes', 1, 'minScore']);
    expect(target.current).toBe(65);
  });

  it('takes an absent last key (the sweep sets it), not an absent key before it', () => {
    const set = setOf(policy('LeadDefinition', 'ld', { classes: [{ id: 'mql' }] }));
    expect(resolveSweepTarget(set, parseSweepSpec('spec.classes[id=mql].minFit=1..2')).current).toBeNull();
    expect(() => resolveSweepTarget(set, parseSweepSpec('spec.classes[id=mql].x.minFit=1..2'))).toThrow(
      'matches no policy document of the head: LeadDefinition/ld (ld.yaml): spec.classes[id=mql] has no x',
    );
  });

  it('names what the path matched when it matches nothing, and why', () => {
    const set = setOf(policy('LeadDefinition', 'ld', classes(65)));
    expect(() => resolveSweepTarget(set, parseSweepSpec('spec.classes[id=xql].minScore=1..2'))).toThrow(
      '--sweep: the path spec.classes[id=xql].minScore matches no policy document of the head: LeadDefinition/ld (ld.yaml): no items of spec.classes have id=xql.',
    );
    expect(() => resolveSweepTarget(set, parseSweepSpec('spec.classes[id=mql]=1..2'))).toThrow(
      /cannot be read: it must end with a key/,
    );
    expect(() => resolveSweepTarget(set, parseSweepSpec('spec.classes[id=mql].id=1..2'))).toThrow(
      'spec.classes[id=mql].id holds string "mql", not a number',
    );
    expect(() => resolveSweepTarget(set, parseSweepSpec('Funnel:spec.classes=1..2'))).toThrow(
      '--sweep: the head has no Funnel policy.',
    );
  });

  it('refuses a path several documents have, naming them and how to name one', () => {
    const set = setOf(policy('LeadDefinition', 'one', classes(65)), policy('LeadDefinition', 'two', classes(60)));
    const spec = parseSweepSpec('spec.classes[id=mql].minScore=1..2');
    expect(() => resolveSweepTarget(set, spec)).toThrow(
      'matches 2 documents: LeadDefinition/one (one.yaml), LeadDefinition/two (two.yaml); name one, e.g. LeadDefinition/one:spec.classes[id=mql].minScore=…',
    );
    const named = resolveSweepTarget(set, parseSweepSpec('LeadDefinition/two:spec.classes[id=mql].minScore=1..2'));
    expect(named.current).toBe(60);
  });
});

describe('applySweepValue', () => {
  const file = 'goal.yaml';
  const text = [
    'apiVersion: revops/v1',
    'kind: RevenueGoal',
    'metadata: {name: g, owner: o, description: d}',
    'spec:',
    '  goal: {metric: won_amount, target: "100.50", currency: USD, period: {start: 2026-01-01, end: 2026-12-31}}',
    '  # the constraint',
    '  constraint: {stage: s, metric: utilisation, target: {max: 0.85}}',
    '',
  ].join('\n');
  const sources = [{ file, bytes: new TextEncoder().encode(text) }];

  it('writes a decimal text where the document holds one, a number elsewhere, and keeps comments', () => {
    const set = loadPolicySources(sources).set;
    const money = resolveSweepTarget(set, parseSweepSpec('spec.goal.target=100..101:0.25'));
    const out = new TextDecoder().decode(applySweepValue(sources, money, new Decimal('100.25'))[0]?.bytes);
    // Only the value's bytes change: every line number an issue names stays the user's.
    expect(out).toBe(text.replace('"100.50"', '"100.25"'));
    const ratio = resolveSweepTarget(set, parseSweepSpec('spec.constraint.target.max=0.7..0.9:0.1'));
    const changed = loadPolicySources(applySweepValue(sources, ratio, new Decimal('0.7'))).set;
    expect(changed.RevenueGoal[0]?.spec.constraint.target.max).toBe(0.7);
    expect(changed.RevenueGoal[0]?.spec.goal.target).toBe('100.50');
  });

  it('adds an absent key through yaml, keeping the comments', () => {
    const set = loadPolicySources(sources).set;
    const min = resolveSweepTarget(set, parseSweepSpec('spec.constraint.target.min=1..2'));
    const out = new TextDecoder().decode(applySweepValue(sources, min, new Decimal(1))[0]?.bytes);
    expect(out).toContain('# the constraint');
    expect((parse(out) as { spec: { constraint: { target: unknown } } }).spec.constraint.target).toEqual({
      max: 0.85,
      min: 1,
    });
  });
});
