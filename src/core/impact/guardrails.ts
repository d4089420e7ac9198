import { Decimal } from 'decimal.js';
import { round } from '../engine/stats.js';
import type { Policy } from '../policy/types.js';
import type { GuardrailCrossing, GuardrailResult, ImpactReport, PolicyChange } from '../report/impact.js';

type Figures = Omit<ImpactReport, 'guardrails'>;
type GuardrailRule = Policy<'Guardrails'>['spec']['rules'][number];

/**
 * The value of a guardrail metric for a change (percentages and points are head minus base):
 * - `constraint_utilisation`: the head's utilisation at the stage the head data names as the constraint;
 * - `max_stage_utilisation`: the highest utilisation of any stage under the head;
 * - `constraint_moved`: whether the constraint stage differs between base and head;
 * - `payout_cost_change_pct`: total payout change in % of the base (single currency; else the largest);
 * - `sla_compliance_change_pts`: the worst SLA change in percentage points, modelled where a
 *   queue model applies, else replayed; when the model has no steady state, the replayed change;
 * - `mql_volume_change_pct`: change in MQL arrivals, in %;
 * - `goal_forecast_change_pct`: change in the goal's projected attainment, in % of the base;
 * - `data_changed`: whether the change adds, removes or edits a data file in the repository or a
 *   FieldMapping (the replay reads the base's; a person should still look at such a change).
 */
export function measureGuardrailMetric(metric: string, f: Figures): number | boolean | null {
  switch (metric) {
    case 'constraint_utilisation':
      return f.constraint.utilisation.head;
    case 'max_stage_utilisation': {
      const values = f.stages.map((s) => s.utilisation.head).filter((v): v is number => v !== null);
      return values.length === 0 ? null : Math.max(...values);
    }
    case 'constraint_moved':
      return f.constraint.isMoved;
    case 'payout_cost_change_pct': {
      // A payout built on a metric counted as 0 is no known cost.
      if (f.comp.countedAsZero.base.length > 0 || f.comp.countedAsZero.head.length > 0) return null;
      const pcts = f.comp.total.map((t) => t.deltaPct).filter((v): v is number => v !== null);
      return pcts.length === 0 ? null : pcts.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
    }
    case 'sla_compliance_change_pts': {
      const changes = f.slas
        .map((s) => s.modelledChangePts ?? (s.replayed.delta === null ? null : s.replayed.delta * 100))
        .filter((v): v is number => v !== null);
      return changes.length === 0 ? null : Math.min(...changes);
    }
    case 'mql_volume_change_pct':
      return f.mqlVolume.base === null || f.mqlVolume.head === null || f.mqlVolume.base === 0
        ? null
        : ((f.mqlVolume.head - f.mqlVolume.base) / f.mqlVolume.base) * 100;
    case 'goal_forecast_change_pct': {
      // From the exact attainments: the display figures are rounded to 4 places.
      const g = f.goal?.projectedAttainmentExact;
      if (g === undefined || g.base === null || g.head === null) return null;
      const base = new Decimal(g.base);
      return base.isZero() ? null : new Decimal(g.head).minus(base).div(base).times(100).toNumber();
    }
    case 'data_changed':
      return f.inputs.isChanged;
    default:
      return null;
  }
}

/** A rule's approvers as the report states them: `all` needs one approval per listed approver. */
function readApprovers(a: GuardrailRule['approvers']): GuardrailResult['approvers'] {
  const users = a.users ?? [];
  const teams = a.teams ?? [];
  const requires = a.requires ?? 'any';
  return {
    users,
    teams,
    requires,
    minApprovals: requires === 'all' ? Math.max(1, users.length + teams.length) : (a.minApprovals ?? 1),
  };
}

/** A metric's value as the report keeps it: 4 dp (the comparison uses the exact value). */
function roundValue(value: number): number {
  return round(value, 4);
}

/**
 * Checks every guardrail of the BASE policies (a change cannot loosen the guardrail that
 * judges it) against the change: crossed when its metric is above `above` / below `below`
 * (`constraint_moved` when true), or when a policy of one of `changedKinds` changed. A metric
 * that cannot be measured on the change crosses too: a change must not escape a guardrail by
 * making its figure unknown, so the guardrail's approvers decide. Each reason is a coded
 * crossing; reporters phrase it (`reporters/phrase-guardrail.ts`).
 */
export function checkGuardrails(
  guardrails: readonly Policy<'Guardrails'>[],
  f: Figures,
  changes: readonly PolicyChange[],
): GuardrailResult[] {
  const out: GuardrailResult[] = [];
  for (const policy of guardrails) {
    for (const rule of policy.spec.rules) {
      const crossings: GuardrailCrossing[] = [];
      let value: number | boolean | null = null;
      if (rule.metric !== undefined) {
        const metric = rule.metric;
        value = measureGuardrailMetric(metric, f);
        if (typeof value === 'boolean') {
          if (value) crossings.push(metric === 'data_changed' ? { code: 'data-changed' } : { code: 'is-true', metric });
        } else if (value === null) {
          crossings.push({ code: 'unmeasurable', metric });
        } else {
          const shown = roundValue(value);
          if (rule.above !== undefined && value > rule.above)
            crossings.push({ code: 'above', metric, value: shown, limit: rule.above });
          if (rule.below !== undefined && value < rule.below)
            crossings.push({ code: 'below', metric, value: shown, limit: rule.below });
        }
      }
      const kinds = new Set<string>(rule.changedKinds ?? []);
      const touched = changes.filter((c) => kinds.has(c.kind));
      if (touched.length > 0)
        crossings.push({ code: 'policies-changed', policies: touched.map((c) => ({ kind: c.kind, name: c.name })) });
      out.push({
        id: rule.id,
        description: rule.description ?? null,
        metric: rule.metric ?? null,
        threshold:
          rule.above === undefined && rule.below === undefined
            ? null
            : {
                ...(rule.above === undefined ? {} : { above: rule.above }),
                ...(rule.below === undefined ? {} : { below: rule.below }),
              },
        value: typeof value === 'number' ? roundValue(value) : value,
        isCrossed: crossings.length > 0,
        crossings,
        approvers: readApprovers(rule.approvers),
      });
    }
  }
  return out;
}
