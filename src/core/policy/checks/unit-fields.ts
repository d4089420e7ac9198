import { compMetricUnits } from '../../schemas/comp-plan.js';
import { guardrailMetricUnits } from '../../schemas/guardrails.js';
import type { PolicyKind } from '../../schemas/index.js';
import { constraintMetricUnits, goalMetricUnits } from '../../schemas/revenue-goal.js';
import type { UnitKind } from '../../schemas/units.js';

/**
 * The sane range of one field: a value outside it is a unit mistake or a typo. Durations are in
 * minutes. `min`/`max` are inclusive; `isPositive` also refuses 0.
 */
export interface UnitRange {
  unit: UnitKind;
  /** What the field is, for messages: "the utilisation target". */
  what: string;
  min: number;
  max: number;
  isPositive?: boolean;
}

/** The spec object that holds a field, and the metric named beside it when the unit depends on one. */
type Resolve = (holder: Record<string, unknown>, spec: Record<string, unknown>) => UnitRange | undefined;

/** One row: a path pattern under the kind's document (`*` = any list index or map key) and its range. */
export interface UnitField {
  kind: PolicyKind;
  path: readonly string[];
  range: UnitRange | Resolve;
}

const minutes = { h: 60, d: 24 * 60, w: 7 * 24 * 60 } as const;
const money = (what: string): UnitRange => ({ unit: 'money', what, min: 0, max: Number.MAX_VALUE, isPositive: true });

/** Per unit, the range a metric value of that unit may take; counts and hours are open-ended but positive. */
function metricRange(unit: UnitKind | undefined, what: string, ratioMax = 1): UnitRange | undefined {
  switch (unit) {
    case 'ratio':
      return { unit, what, min: 0, max: ratioMax, isPositive: true };
    case 'money':
      return money(what);
    case 'count':
      return { unit, what, min: 0, max: 10_000_000, isPositive: true };
    case 'hours':
      return { unit, what, min: 0, max: 24 * 366, isPositive: true };
    case 'percent':
      // A change cannot go below -100 %; under 1 % either way is noise (checked by the caller).
      return { unit, what, min: -100, max: 100_000 };
    case 'points':
      return { unit, what, min: -100, max: 100 };
    default:
      return undefined;
  }
}

const metricOf = (holder: Record<string, unknown>): string => String(holder.metric);

/** Utilisation is arrivals ÷ capacity: above 1 is an overload, above 3 no sane target. */
const constraintTarget: Resolve = (_holder, spec) => {
  const constraint = spec.constraint as { metric: string };
  const unit = constraintMetricUnits[constraint.metric as keyof typeof constraintMetricUnits];
  return metricRange(unit, `the \`${constraint.metric}\` target`, constraint.metric === 'utilisation' ? 3 : 1);
};

const guardrailThreshold: Resolve = (holder) => {
  const unit = guardrailMetricUnits[metricOf(holder) as keyof typeof guardrailMetricUnits];
  return metricRange(unit, `the \`${metricOf(holder)}\` threshold`, 3);
};

const compTarget: Resolve = (holder) => {
  const unit = compMetricUnits[metricOf(holder) as keyof typeof compMetricUnits];
  // A fraction metric is attainment already: its target is not read.
  return unit === 'ratio' ? undefined : metricRange(unit, `the \`${metricOf(holder)}\` target`);
};

/** Every unit-bearing field of the policy kinds, with its sane range. */
export const unitFields: readonly UnitField[] = [
  {
    kind: 'RevenueGoal',
    path: ['spec', 'goal', 'target'],
    range: (holder) =>
      metricRange(goalMetricUnits[metricOf(holder) as keyof typeof goalMetricUnits], 'the goal target'),
  },
  {
    kind: 'RevenueGoal',
    path: ['spec', 'sharedOutcome', 'minShare'],
    range: { unit: 'ratio', what: 'the shared-outcome share', min: 0, max: 1 },
  },
  { kind: 'RevenueGoal', path: ['spec', 'constraint', 'target', 'max'], range: constraintTarget },
  { kind: 'RevenueGoal', path: ['spec', 'constraint', 'target', 'min'], range: constraintTarget },
  { kind: 'Guardrails', path: ['spec', 'rules', '*', 'above'], range: guardrailThreshold },
  { kind: 'Guardrails', path: ['spec', 'rules', '*', 'below'], range: guardrailThreshold },
  { kind: 'CompPlan', path: ['spec', 'onTargetEarnings'], range: money('on-target earnings') },
  { kind: 'CompPlan', path: ['spec', 'targetVariable'], range: money('target variable pay') },
  { kind: 'CompPlan', path: ['spec', 'quota', 'amount'], range: compTarget },
  { kind: 'CompPlan', path: ['spec', 'components', '*', 'target'], range: compTarget },
  {
    kind: 'CompPlan',
    path: ['spec', 'components', '*', 'weight'],
    range: { unit: 'ratio', what: 'a component weight', min: 0, max: 1 },
  },
  {
    kind: 'CompPlan',
    path: ['spec', 'components', '*', 'tiers', 'bands', '*', 'from'],
    range: { unit: 'ratio', what: 'a band start', min: 0, max: 10 },
  },
  {
    kind: 'CompPlan',
    path: ['spec', 'components', '*', 'tiers', 'bands', '*', 'to'],
    range: { unit: 'ratio', what: 'a band end', min: 0, max: 10 },
  },
  {
    kind: 'CompPlan',
    path: ['spec', 'components', '*', 'tiers', 'bands', '*', 'rate'],
    range: { unit: 'multiplier', what: 'a tier rate', min: 0, max: 10 },
  },
  {
    kind: 'CompPlan',
    path: ['spec', 'components', '*', 'cap'],
    range: { unit: 'multiplier', what: 'a cap', min: 0, max: 10, isPositive: true },
  },
  {
    kind: 'CompPlan',
    path: ['spec', 'gates', '*', 'min'],
    range: { unit: 'ratio', what: 'a gate', min: 0, max: 2, isPositive: true },
  },
  {
    kind: 'CompPlan',
    path: ['spec', 'teamMultipliers', '*', 'min'],
    range: { unit: 'ratio', what: 'a team multiplier threshold', min: 0, max: 2, isPositive: true },
  },
  {
    kind: 'CompPlan',
    path: ['spec', 'teamMultipliers', '*', 'multiplier'],
    range: { unit: 'multiplier', what: 'a team multiplier', min: 0, max: 3, isPositive: true },
  },
  { kind: 'CompPlan', path: ['spec', 'spiffs', '*', 'amount'], range: money('a SPIF amount') },
  {
    kind: 'CompPlan',
    path: ['spec', 'clawbacks', '*', 'within'],
    range: { unit: 'duration', what: 'a clawback window', min: 0, max: 104 * minutes.w, isPositive: true },
  },
  {
    kind: 'CompPlan',
    path: ['spec', 'clawbacks', '*', 'share'],
    range: { unit: 'ratio', what: 'a clawback share', min: 0, max: 1, isPositive: true },
  },
  {
    kind: 'HandoffSla',
    path: ['spec', 'complianceTarget'],
    range: { unit: 'ratio', what: 'the compliance target', min: 0, max: 1, isPositive: true },
  },
  {
    kind: 'HandoffSla',
    path: ['spec', 'targets', '*', 'within'],
    range: { unit: 'duration', what: 'an SLA deadline', min: 0, max: 30 * minutes.d, isPositive: true },
  },
  {
    kind: 'HandoffSla',
    path: ['spec', 'escalation', '*', 'after'],
    range: { unit: 'duration', what: 'an escalation step', min: 0, max: 60 * minutes.d, isPositive: true },
  },
  {
    kind: 'HandoffSla',
    path: ['spec', 'recycle', 'after'],
    range: { unit: 'duration', what: 'the recycle time', min: 0, max: 366 * minutes.d, isPositive: true },
  },
  {
    kind: 'Funnel',
    path: ['spec', 'stages', '*', 'capacity', 'headcount'],
    range: { unit: 'count', what: 'a headcount', min: 0, max: 10_000, isPositive: true },
  },
  {
    kind: 'Funnel',
    path: ['spec', 'stages', '*', 'capacity', 'perPersonPerWeek'],
    range: { unit: 'count', what: 'items per person per week', min: 0, max: 10_000, isPositive: true },
  },
  {
    kind: 'Funnel',
    path: ['spec', 'projection', 'marginalConversion', '*'],
    range: { unit: 'ratio', what: 'a marginal conversion', min: 0, max: 1 },
  },
  // 0 is allowed: an assumption the base branch judges (impact reads it from the base).
  {
    kind: 'Funnel',
    path: ['spec', 'projection', 'costPerHead', '*'],
    range: { ...money('a cost per head'), isPositive: false },
  },
  {
    kind: 'LeadDefinition',
    path: ['spec', 'scoring', '*', 'decay', 'halfLife'],
    range: { unit: 'duration', what: 'a decay half-life', min: 0, max: 260 * minutes.w, isPositive: true },
  },
];
