import { describe, expect, it } from 'vitest';
import { checkGuardrails } from '../../../src/core/impact/guardrails.js';
import type { Policy } from '../../../src/core/policy/types.js';
import type { ImpactInputs, ImpactReport } from '../../../src/core/report/impact.js';

type Figures = Omit<ImpactReport, 'guardrails'>;

const figures = {
  constraint: {
    stage: { base: 'mql', head: 'mql', delta: null },
    isMoved: false,
    utilisation: { base: 0.87, head: 1.02, delta: 0.15 },
    declared: null,
  },
  stages: [
    { stage: 'mql', utilisation: { base: 0.87, head: 1.02, delta: 0.15 } },
    { stage: 'sal', utilisation: { base: 0.5, head: 0.5, delta: 0 } },
  ],
  comp: {
    total: [{ currency: 'USD', base: '100.00', head: '104.00', delta: '4.00', deltaPct: 4 }],
    byPlan: [],
    byTeam: [],
    byPerson: [],
    countedAsZero: { base: [], head: [] },
  },
  slas: [
    {
      name: 'speed-to-lead',
      measuredOn: 'both',
      modelledChangePts: null,
      replayed: { base: 0.32, head: 0.27, delta: -0.05 },
    },
  ],
  mqlVolume: { stage: 'mql', stageName: 'Marketing qualified', base: 800, head: 1000, delta: 200 },
  goal: {
    projectedAttainment: { base: 0.8, head: 0.8, delta: 0 },
    projectedAttainmentExact: { base: '0.8', head: '0.8', delta: '0' },
  },
} as unknown as Figures;

function guardrails(rules: unknown[]): Policy<'Guardrails'>[] {
  return [
    {
      kind: 'Guardrails',
      file: 'g.yaml',
      metadata: { name: 'g', owner: 'cro', description: 'd' },
      spec: { rules },
    } as unknown as Policy<'Guardrails'>,
  ];
}

const who = { users: ['vp-sales'] };

describe('checkGuardrails', () => {
  it.each([
    ['constraint_utilisation above 1.0', { metric: 'constraint_utilisation', above: 1 }, true, 1.02],
    ['max_stage_utilisation above 1.1', { metric: 'max_stage_utilisation', above: 1.1 }, false, 1.02],
    ['constraint_moved', { metric: 'constraint_moved' }, false, false],
    ['payout cost above +5 %', { metric: 'payout_cost_change_pct', above: 5 }, false, 4],
    ['payout cost above +3 %', { metric: 'payout_cost_change_pct', above: 3 }, true, 4],
    [
      'SLA compliance below −3 points (replayed, no model)',
      { metric: 'sla_compliance_change_pts', below: -3 },
      true,
      -5,
    ],
    ['MQL volume above +20 %', { metric: 'mql_volume_change_pct', above: 20 }, true, 25],
    ['goal forecast below −1 %', { metric: 'goal_forecast_change_pct', below: -1 }, false, 0],
  ])('%s', (_name, rule, isCrossed, value) => {
    const [result] = checkGuardrails(guardrails([{ id: 'r', ...rule, approvers: who }]), figures, []);
    expect(result).toMatchObject({ isCrossed, value, approvers: { users: ['vp-sales'], teams: [], minApprovals: 1 } });
  });

  it('is crossed when its metric cannot be measured on the change: a change cannot escape a guardrail by making its figure unknown', () => {
    const unknownPay = {
      ...figures,
      comp: { ...figures.comp, countedAsZero: { base: [], head: ['won_amount'] } },
    } as Figures;
    const [pay] = checkGuardrails(
      guardrails([{ id: 'pay', metric: 'payout_cost_change_pct', above: 5, approvers: who }]),
      unknownPay,
      [],
    );
    expect(pay).toMatchObject({
      isCrossed: true,
      value: null,
      crossings: [{ code: 'unmeasurable', metric: 'payout_cost_change_pct' }],
    });
    const noVolume = {
      ...figures,
      mqlVolume: { stage: 'mql', stageName: 'Marketing qualified', base: 800, head: null, delta: null },
    } as Figures;
    const [volume] = checkGuardrails(
      guardrails([{ id: 'volume', metric: 'mql_volume_change_pct', above: 20, approvers: who }]),
      noVolume,
      [],
    );
    expect(volume).toMatchObject({ isCrossed: true, value: null });
    const noGoal = { ...figures, goal: null } as Figures;
    const [goal] = checkGuardrails(
      guardrails([{ id: 'goal', metric: 'goal_forecast_change_pct', below: -1, approvers: who }]),
      noGoal,
      [],
    );
    expect(goal).toMatchObject({ isCrossed: true, value: null });
  });

  it('cannot measure utilisation when a stage has it on one side only (its capacity removed or added)', () => {
    const stages = [
      { stage: 'mql', utilisation: { base: 0.87, head: null, delta: null } },
      { stage: 'sal', utilisation: { base: 0.5, head: 0.5, delta: 0 } },
    ];
    const noCapacity = { ...figures, stages } as unknown as Figures;
    for (const metric of ['constraint_utilisation', 'max_stage_utilisation'])
      expect(
        checkGuardrails(guardrails([{ id: 'u', metric, above: 1, approvers: who }]), noCapacity, [])[0]?.crossings,
      ).toEqual([{ code: 'unmeasurable', metric, reason: { code: 'stage-unmeasured', stage: 'mql', side: 'head' } }]);
  });

  it('judges payouts per currency: `above` on the largest increase, `below` on the largest decrease', () => {
    const total = [
      { currency: 'CAD', base: '1000.00', head: '0.00', delta: '-1000.00', deltaPct: -100 },
      { currency: 'USD', base: '1000.00', head: '1553.70', delta: '553.70', deltaPct: 55.37 },
    ];
    const mixed = { ...figures, comp: { ...figures.comp, total } } as Figures;
    const rules = guardrails([
      { id: 'up', metric: 'payout_cost_change_pct', above: 5, approvers: who },
      { id: 'down', metric: 'payout_cost_change_pct', below: -50, approvers: who },
    ]);
    const [up, down] = checkGuardrails(rules, mixed, []);
    expect(up).toMatchObject({ isCrossed: true, value: 55.37 });
    expect(down).toMatchObject({ isCrossed: true, value: -100 });
    const fromZero = {
      ...figures,
      comp: {
        ...figures.comp,
        total: [...total, { currency: 'EUR', base: '0.00', head: '5.00', delta: '5.00', deltaPct: null }],
      },
    } as Figures;
    expect(checkGuardrails(rules, fromZero, [])[0]?.crossings).toEqual([
      {
        code: 'unmeasurable',
        metric: 'payout_cost_change_pct',
        reason: { code: 'currency-from-zero', currency: 'EUR' },
      },
    ]);
  });

  it('judges the goal forecast on the exact attainments, not the 4-place display figures', () => {
    // Displayed, both sides read 0.8 (no change); exactly, 0.79996 is 0.8 − 0.005 % of it:
    // (0.79996 − 0.8) ÷ 0.8 × 100 = −0.005, below −0.004.
    const near = {
      ...figures,
      goal: {
        projectedAttainment: { base: 0.8, head: 0.8, delta: 0 },
        projectedAttainmentExact: { base: '0.8', head: '0.79996', delta: '-0.00004' },
      },
    } as Figures;
    const [result] = checkGuardrails(
      guardrails([{ id: 'goal', metric: 'goal_forecast_change_pct', below: -0.004, approvers: who }]),
      near,
      [],
    );
    expect(result).toMatchObject({
      isCrossed: true,
      value: -0.005,
      crossings: [{ code: 'below', metric: 'goal_forecast_change_pct', value: -0.005, limit: -0.004 }],
    });
  });

  it('is crossed by a change to a policy of a listed kind, naming it', () => {
    const [result] = checkGuardrails(
      guardrails([
        { id: 'comp', changedKinds: ['CompPlan'], approvers: { teams: ['org/people-ops'], minApprovals: 2 } },
      ]),
      figures,
      [{ kind: 'CompPlan', name: 'ae-new-business', file: 'ae.yaml', change: 'changed', changes: [] }],
    );
    expect(result).toMatchObject({
      isCrossed: true,
      crossings: [{ code: 'policies-changed', policies: [{ kind: 'CompPlan', name: 'ae-new-business' }] }],
      approvers: { users: [], teams: ['org/people-ops'], minApprovals: 2 },
    });
  });

  it('crosses data_changed when a data file or a mapping changed, naming them, and not otherwise', () => {
    const rule = guardrails([{ id: 'data', metric: 'data_changed', approvers: { teams: ['org/revops'] } }]);
    const none: ImpactInputs = {
      dataFrom: 'base',
      dataDir: 'data',
      dataChanges: [],
      mappingChanges: [],
      isChanged: false,
      note: null,
    };
    expect(checkGuardrails(rule, { ...figures, inputs: none }, [])[0]).toMatchObject({
      isCrossed: false,
      value: false,
      crossings: [],
    });
    const changed: ImpactInputs = {
      ...none,
      dataChanges: [
        { file: 'data/activities.csv', change: 'changed', rows: { added: 1, removed: 0, changed: 2 }, note: null },
      ],
      mappingChanges: ['FieldMapping hubspot changed'],
      isChanged: true,
    };
    expect(checkGuardrails(rule, { ...figures, inputs: changed }, [])[0]).toMatchObject({
      isCrossed: true,
      value: true,
      crossings: [{ code: 'data-changed' }],
      approvers: { teams: ['org/revops'] },
    });
  });
});
