import { Decimal } from 'decimal.js';
import { round } from '../engine/stats.js';
import type { Policy } from '../policy/types.js';
import type {
  GuardrailCrossing,
  GuardrailResult,
  ImpactReport,
  PolicyChange,
  UnmeasurableReason,
} from '../report/impact.js';

type Figures = Omit<ImpactReport, 'guardrails'>;
type GuardrailRule = Policy<'Guardrails'>['spec']['rules'][number];

/**
 * A metric's measure: a flag, the highest and the lowest of its values (one figure per SLA or
 * currency; `above` judges the highest, `below` the lowest), or why it cannot be measured.
 */
type Measure = boolean | { high: number; low: number } | { reason: UnmeasurableReason };

const one = (value: number): Measure => ({ high: value, low: value });
const spread = (values: readonly number[]): Measure => ({ high: Math.max(...values), low: Math.min(...values) });

/** The first stage that has a utilisation on one side only: a change must not take a stage out of the measure. */
function findUnmeasuredStage(f: Figures): UnmeasurableReason | null {
  for (const s of f.stages) {
    const { base, head } = s.utilisation;
    if ((base === null) !== (head === null))
      return { code: 'stage-unmeasured', stage: s.stage, side: base === null ? 'base' : 'head' };
  }
  return null;
}

function measurePayoutCost(f: Figures): Measure {
  // A payout built on a metric counted as 0 is no known cost.
  if (f.comp.countedAsZero.base.length > 0 || f.comp.countedAsZero.head.length > 0)
    return { reason: { code: 'counted-as-zero' } };
  if (f.comp.total.length === 0) return { reason: { code: 'no-figure' } };
  // Per currency, exact: a currency paid only under the head is an unbounded increase.
  const pcts: number[] = [];
  for (const t of f.comp.total) {
    const base = new Decimal(t.base);
    const change = new Decimal(t.head).minus(base);
    if (base.isZero()) {
      if (!change.isZero()) return { reason: { code: 'currency-from-zero', currency: t.currency } };
      pcts.push(0);
    } else pcts.push(change.div(base.abs()).times(100).toNumber());
  }
  return spread(pcts);
}

function measureSlaCompliance(f: Figures): Measure {
  if (f.slas.length === 0) return { reason: { code: 'no-figure' } };
  const changes: number[] = [];
  for (const s of f.slas) {
    // An SLA renamed, removed or added has no counterpart to compare with: its approvers decide.
    if (s.measuredOn !== 'both') return { reason: { code: 'sla-one-side', sla: s.name, side: s.measuredOn } };
    const change = s.modelledChangePts ?? (s.replayed.delta === null ? null : s.replayed.delta * 100);
    if (change === null) return { reason: { code: 'sla-unknown', sla: s.name } };
    changes.push(change);
  }
  return spread(changes);
}

function measureMqlVolume(f: Figures): Measure {
  const { stage, base, head } = f.mqlVolume;
  if (stage === null) return { reason: { code: 'no-figure' } };
  if (base === null || head === null)
    return { reason: { code: 'stage-unmeasured', stage, side: base === null ? 'base' : 'head' } };
  if (base === 0) return head === 0 ? one(0) : { reason: { code: 'from-zero' } };
  return one(((head - base) / base) * 100);
}

function measureCacChange(f: Figures): Measure {
  // Unknown on either side (no spend, no customer, mixed currencies) is no figure: the approvers decide.
  const c = f.cac;
  if (c === undefined || c.blended.base.value === null || c.blended.head.value === null)
    return { reason: { code: 'no-figure' } };
  const base = new Decimal(c.blended.base.value);
  if (base.isZero()) return { reason: { code: 'from-zero' } };
  return one(new Decimal(c.blended.head.value).minus(base).div(base).times(100).toNumber());
}

function measureGoalForecast(f: Figures): Measure {
  // From the exact attainments: the display figures are rounded to 4 places.
  const g = f.goal?.projectedAttainmentExact;
  if (g === undefined || g.base === null || g.head === null) return { reason: { code: 'no-figure' } };
  const base = new Decimal(g.base);
  if (base.isZero()) return { reason: { code: 'from-zero' } };
  return one(new Decimal(g.head).minus(base).div(base).times(100).toNumber());
}

/**
 * The measure of a guardrail metric for a change (percentages and points are head minus base):
 * - `constraint_utilisation`: the head's utilisation at the stage the head data names as the constraint;
 * - `max_stage_utilisation`: the highest utilisation of any stage under the head;
 *   both unmeasurable when a stage has a utilisation on one side only (its capacity removed or added);
 * - `constraint_moved`: whether the constraint stage differs between base and head;
 * - `payout_cost_change_pct`: the total payout change in % of the base, per currency (exact);
 *   a currency paid from 0 makes it unmeasurable;
 * - `sla_compliance_change_pts`: per SLA, the change in percentage points, modelled where the
 *   queue model projects one, else replayed; an SLA on one side only makes it unmeasurable;
 * - `mql_volume_change_pct`: change in arrivals at the lead-volume stage, in %;
 * - `goal_forecast_change_pct`: change in the goal's projected attainment, in % of the base;
 * - `cac_change_pct`: change in blended CAC over the window, in % of the base; unknown on
 *   either side (no spend rows, no new customer, mixed currencies) makes it unmeasurable;
 * - `data_changed`: whether the change adds, removes or edits a data file in the repository or a
 *   FieldMapping (the replay reads the base's; a person should still look at such a change).
 */
export function measureGuardrailMetric(metric: string, f: Figures): Measure {
  switch (metric) {
    case 'constraint_utilisation':
    case 'max_stage_utilisation': {
      const gap = findUnmeasuredStage(f);
      if (gap !== null) return { reason: gap };
      const values =
        metric === 'constraint_utilisation' ? [f.constraint.utilisation.head] : f.stages.map((s) => s.utilisation.head);
      const known = values.filter((v): v is number => v !== null);
      return known.length === 0 ? { reason: { code: 'no-figure' } } : one(Math.max(...known));
    }
    case 'constraint_moved':
      return f.constraint.isMoved;
    case 'payout_cost_change_pct':
      return measurePayoutCost(f);
    case 'sla_compliance_change_pts':
      return measureSlaCompliance(f);
    case 'mql_volume_change_pct':
      return measureMqlVolume(f);
    case 'goal_forecast_change_pct':
      return measureGoalForecast(f);
    case 'cac_change_pct':
      return measureCacChange(f);
    case 'data_changed':
      return f.inputs.isChanged;
    default:
      return { reason: { code: 'no-figure' } };
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
        const measure = measureGuardrailMetric(metric, f);
        if (typeof measure === 'boolean') {
          value = measure;
          if (measure)
            crossings.push(metric === 'data_changed' ? { code: 'data-changed' } : { code: 'is-true', metric });
        } else if ('reason' in measure) {
          crossings.push({ code: 'unmeasurable', metric, reason: measure.reason });
        } else {
          // `above` is judged on the highest value (the largest increase), `below` on the lowest.
          value = rule.above === undefined && rule.below !== undefined ? measure.low : measure.high;
          if (rule.above !== undefined && measure.high > rule.above)
            crossings.push({ code: 'above', metric, value: roundValue(measure.high), limit: rule.above });
          if (rule.below !== undefined && measure.low < rule.below)
            crossings.push({ code: 'below', metric, value: roundValue(measure.low), limit: rule.below });
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
        ...(rule.changedKinds === undefined ? {} : { changedKinds: [...rule.changedKinds] }),
      });
    }
  }
  return out;
}
