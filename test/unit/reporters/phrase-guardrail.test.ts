import { describe, expect, it } from 'vitest';
import type { GuardrailCrossing, ImpactInputs } from '../../../src/core/report/impact.js';
import { phraseCrossing, phraseGuardrail } from '../../../src/reporters/phrase-guardrail.js';

const noInputs: { inputs: ImpactInputs } = {
  inputs: { dataFrom: 'base', dataDir: 'data', dataChanges: [], mappingChanges: [], isChanged: false, note: null },
};
const phrase = (c: GuardrailCrossing): string => phraseCrossing(c, noInputs);

describe('phraseCrossing', () => {
  it('says a value above its limit, rounded to 2 places', () => {
    expect(phrase({ code: 'above', metric: 'constraint_utilisation', value: 1.0234, limit: 1 })).toBe(
      'constraint_utilisation 1.02 is above 1',
    );
    expect(phrase({ code: 'above', metric: 'payout_cost_change_pct', value: 1234.5, limit: 5 })).toBe(
      'payout_cost_change_pct 1,234.5 is above 5',
    );
  });

  it('says a value below its limit with the minus sign U+2212', () => {
    expect(phrase({ code: 'below', metric: 'sla_compliance_change_pts', value: -4.7912, limit: -3 })).toBe(
      'sla_compliance_change_pts \u22124.79 is below \u22123',
    );
  });

  it('rounds half away from zero (10.075 is 10.08, −4.785 is −4.79, both ways of the sign)', () => {
    // Math.round(x × 100) ÷ 100 said 10.07 and −4.78 here.
    expect(phrase({ code: 'above', metric: 'mql_volume_change_pct', value: 10.075, limit: 10.005 })).toBe(
      'mql_volume_change_pct 10.08 is above 10.01',
    );
    expect(phrase({ code: 'below', metric: 'goal_forecast_change_pct', value: -4.785, limit: -1.005 })).toBe(
      'goal_forecast_change_pct \u22124.79 is below \u22121.01',
    );
    expect(phrase({ code: 'below', metric: 'goal_forecast_change_pct', value: -0.004, limit: 0 })).toBe(
      'goal_forecast_change_pct 0 is below 0',
    );
  });

  it('says a true flag, an unmeasurable metric and changed policies', () => {
    expect(phrase({ code: 'is-true', metric: 'constraint_moved' })).toBe('constraint_moved is true');
    expect(
      phrase({ code: 'unmeasurable', metric: 'payout_cost_change_pct', reason: { code: 'counted-as-zero' } }),
    ).toBe(
      'payout_cost_change_pct cannot be measured on this change (a payout is built on a metric counted as 0), so its approvers decide',
    );
    expect(
      phrase({
        code: 'unmeasurable',
        metric: 'sla_compliance_change_pts',
        reason: { code: 'sla-one-side', sla: 'speed-to-lead', side: 'base' },
      }),
    ).toBe(
      'sla_compliance_change_pts cannot be measured on this change (SLA speed-to-lead is on the base only), so its approvers decide',
    );
    expect(
      phrase({
        code: 'policies-changed',
        policies: [
          { kind: 'CompPlan', name: 'ae-new-business' },
          { kind: 'HandoffSla', name: 'mql-to-sdr' },
        ],
      }),
    ).toBe('changed: CompPlan ae-new-business, HandoffSla mql-to-sdr');
  });

  it('names the changed data files and mappings from the report inputs', () => {
    const inputs: ImpactInputs = {
      ...noInputs.inputs,
      dataChanges: [
        { file: 'data/activities.csv', change: 'changed', rows: { added: 1, removed: 0, changed: 2 }, note: null },
        { file: 'data/leads.csv', change: 'changed', rows: null, note: 'header changed' },
      ],
      mappingChanges: ['FieldMapping hubspot changed'],
      isChanged: true,
    };
    expect(phraseCrossing({ code: 'data-changed' }, { inputs })).toBe(
      'data changed: data/activities.csv changed (+1 \u22120 ~2 rows); data/leads.csv changed, header changed; FieldMapping hubspot changed',
    );
  });
});

describe('phraseGuardrail', () => {
  it('joins the crossings, or says it is not crossed', () => {
    expect(phraseGuardrail({ crossings: [] }, noInputs)).toBe('not crossed');
    expect(
      phraseGuardrail(
        {
          crossings: [
            { code: 'above', metric: 'max_stage_utilisation', value: 1.5, limit: 1 },
            { code: 'policies-changed', policies: [{ kind: 'Funnel', name: 'main' }] },
          ],
        },
        noInputs,
      ),
    ).toBe('max_stage_utilisation 1.5 is above 1; changed: Funnel main');
  });
});
