import { describe, expect, it } from 'vitest';
import type { FunnelSpec, PolicySet } from '../../../src/core/policy/types.js';
import { readFunnelStaffing, readPolicyStaffing } from '../../../src/core/sample/staffing.js';
import { buildTeam } from '../../../src/core/sample/users.js';
import { readExamplePolicy } from './collect.js';

const example = readExamplePolicy<{ spec: FunnelSpec }>('funnel.yaml').spec;
/** The example funnel with its stages renamed and re-owned, to show the mapping goes by entry field. */
const renamed: FunnelSpec = {
  ...example,
  teams: [...example.teams, { id: 'bdr', function: 'sales' }],
  stages: example.stages.map((s) => ({ ...s, id: `stage-${s.id}`, owner: s.owner === 'sdr' ? 'bdr' : s.owner })),
};
const withStages = (stages: FunnelSpec['stages']): FunnelSpec => ({ ...example, stages });
const funnelSet = (...specs: FunnelSpec[]) =>
  ({
    Funnel: specs.map((spec, i) => ({
      kind: 'Funnel',
      file: `f${i}.yaml`,
      metadata: { name: `funnel-${i}`, owner: 'x', description: 'x' },
      spec,
    })),
  }) as unknown as PolicySet;

describe('the team and capacities read from a Funnel policy', () => {
  it('takes each capacity from the stage entered by the field the generator sets, whatever its id', () => {
    const { staffing } = readFunnelStaffing(renamed);
    expect(staffing).toEqual(readFunnelStaffing(example).staffing);
    expect(staffing?.capacity).toEqual({ firstTouch: 75, discovery: 36, qualification: 15, deals: 24 });
    expect(staffing?.headcount).toEqual({ sdr: 3, ae: 3 });
  });

  it('counts a team as its largest stage, and scales capacities and people alike (rounding people up)', () => {
    const bigger = withStages(
      example.stages.map((s) => (s.id === 'sal' ? { ...s, capacity: { headcount: 4, perPersonPerWeek: 12 } } : s)),
    );
    expect(readFunnelStaffing(bigger).staffing?.headcount).toEqual({ sdr: 4, ae: 3 });
    const scaled = readFunnelStaffing(example, 2.5).staffing;
    expect(scaled?.capacity).toEqual({ firstTouch: 187.5, discovery: 90, qualification: 37.5, deals: 60 });
    expect(scaled?.headcount).toEqual({ sdr: 8, ae: 8 });
    expect(readFunnelStaffing(example, 0).problem).toMatch(/capacity scale must be above 0/);
  });

  it('names the stage that is missing or has no capacity', () => {
    const noSal = withStages(example.stages.filter((s) => s.id !== 'sal'));
    expect(readFunnelStaffing(noSal).problem).toBe(
      "no stage is entered when a lead's sal_at is set (the SDR discovery stage); add one with a capacity",
    );
    const noCapacity = withStages(
      example.stages.map(({ capacity, ...s }) => (s.id === 'opportunity' ? s : { ...s, capacity })),
    );
    expect(readFunnelStaffing(noCapacity).problem).toBe(
      'stage opportunity (new deals) needs a capacity above zero: headcount and perPersonPerWeek',
    );
    const twice = withStages([...example.stages, { id: 'mql-2', owner: 'sdr', entry: 'mql_reached' }]);
    expect(readFunnelStaffing(twice).problem).toMatch(/^stages mql and mql-2 are both entered at lead\.mql_at/);
  });

  it('needs exactly one Funnel in the policy set', () => {
    expect(readPolicyStaffing(funnelSet(example)).staffing?.capacity.firstTouch).toBe(75);
    expect(readPolicyStaffing(funnelSet()).problem).toMatch(/^there is no Funnel policy/);
    expect(readPolicyStaffing(funnelSet(example, renamed)).problem).toMatch(
      /^there are 2 Funnel policies \(funnel-0, funnel-1\)/,
    );
    const noSql = withStages(example.stages.filter((s) => s.id !== 'sql'));
    expect(readPolicyStaffing(funnelSet(noSql)).problem).toMatch(
      /^Funnel funnel-0 \(f0\.yaml\): no stage is entered when a lead's sql_at is set/,
    );
  });
});

describe('the generated team', () => {
  it('has the SDRs and AEs asked for, one SDR manager per eight, and AE team leads past eight AEs', () => {
    const small = buildTeam('2026-01-01', { sdr: 3, ae: 3 });
    expect(small.users.map((u) => u.role)).toEqual([
      'manager',
      'marketing',
      'marketing',
      'marketing',
      'manager',
      'manager',
      'sdr',
      'sdr',
      'sdr',
      'ae',
      'ae',
      'ae',
    ]);
    expect(small.aeIdsBySegment).toEqual({ smb: ['U010'], mid_market: ['U011'], enterprise: ['U012'] });
    const big = buildTeam('2026-01-01', { sdr: 20, ae: 12 });
    const ids = new Set(big.users.map((u) => u.id));
    expect(ids.size).toBe(big.users.length);
    expect(big.sdrIds).toHaveLength(20);
    expect(big.users.filter((u) => u.role === 'manager' && u.team === 'sdr')).toHaveLength(3);
    expect(big.users.filter((u) => u.role === 'manager' && u.team === 'ae')).toHaveLength(3); // the head of sales and two leads
    expect(big.users.every((u) => u.manager_id === null || ids.has(u.manager_id))).toBe(true);
    expect(Object.values(big.aeIdsBySegment).map((s) => s.length)).toEqual([5, 4, 3]);
  });

  it('lets fewer than three AEs cover every segment', () => {
    const { aeIdsBySegment } = buildTeam('2026-01-01', { sdr: 1, ae: 2 });
    expect(aeIdsBySegment.smb).toEqual(aeIdsBySegment.enterprise);
    expect(aeIdsBySegment.smb).toHaveLength(2);
  });
});
