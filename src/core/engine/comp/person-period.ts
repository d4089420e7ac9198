import type { CompPart, CompWarningFact } from '../../report/warnings.js';
import type { CompPlanSpec } from '../../policy/types.js';
import type { CompComponentLine, CompGateLine, CompMetric, CompMultiplierLine } from '../../report/comp.js';
import { applyCap, earningFactor, measure, tierBandOf, yearlyTargetOf } from './earning.js';
import type { Measured } from './earning.js';
import type { PeriodValues } from './metric-types.js';
import { compMetricDefinitions } from './metrics.js';
import { formatMoney, formatQuantity, fromPolicyNumber, ONE, roundCents, toRatio, ZERO } from './money.js';
import type { Decimal } from './money.js';

/** One plan's settings and tallied metrics, shared by all its people. */
export interface PlanFrame {
  spec: CompPlanSpec;
  /** The payout period's share of a year. */
  share: Decimal;
  /** Target variable pay of one period: yearly `targetVariable` × share. */
  periodVariable: Decimal;
  values: ReadonlyMap<CompMetric, PeriodValues[]>;
  warn(fact: CompWarningFact): void;
}

/** Variable pay of one person in one period, before SPIFs and clawbacks. */
export interface VariablePay {
  components: CompComponentLine[];
  gates: CompGateLine[];
  multipliers: CompMultiplierLine[];
  multiplier: number;
  componentPay: Decimal;
  variablePay: Decimal;
  /** Rounded payout per component id, for clawbacks. */
  payouts: Map<string, Decimal>;
}

function valuesOf(frame: PlanFrame, metric: CompMetric, k: number): PeriodValues {
  const values = frame.values.get(metric)?.[k];
  if (values === undefined) throw new Error(`internal: metric ${metric} was not tallied`);
  return values;
}

/** The metric's value for one person in period `k`. */
export function personValue(
  frame: PlanFrame,
  metric: CompMetric,
  k: number,
  person: string,
): { value: Decimal; isUnknown: boolean } {
  const values = valuesOf(frame, metric, k);
  return { value: values.shared ?? values.byPerson.get(person) ?? ZERO, isUnknown: values.isUnknown };
}

/**
 * The yearly target a gate or team multiplier measures its metric against: the first component
 * target for that metric, else the quota.
 */
function targetForMetric(spec: CompPlanSpec, metric: CompMetric): Decimal | undefined {
  return yearlyTargetOf(
    spec,
    metric,
    spec.components.find((c) => c.metric === metric && c.target !== undefined)?.target,
  );
}

function formatValue(metric: CompMetric, value: Decimal): string {
  return compMetricDefinitions[metric].kind === 'money' ? formatMoney(value) : formatQuantity(value);
}

function warnMeasure(frame: PlanFrame, part: CompPart, id: string, metric: CompMetric, measured: Measured): void {
  if (measured.problem === 'no-target') frame.warn({ code: 'comp.no-target', part, id, metric });
  if (measured.problem === 'zero-target') frame.warn({ code: 'comp.zero-target', part, id, metric });
}

function componentLine(
  frame: PlanFrame,
  component: CompPlanSpec['components'][number],
  k: number,
  person: string,
): { line: CompComponentLine; payout: Decimal } {
  const metric = component.metric as CompMetric;
  const { value, isUnknown } = personValue(frame, metric, k, person);
  const definition = compMetricDefinitions[metric];
  const measured = measure(
    definition.kind,
    value,
    yearlyTargetOf(frame.spec, metric, component.target),
    frame.share,
    definition.isCostPerUnit,
  );
  warnMeasure(frame, 'component', component.id, metric, measured);
  const raw = measured.attainment === null ? ZERO : earningFactor(measured.attainment, component.tiers);
  const { factor, isCapped } = applyCap(raw, component.cap);
  const payout = roundCents(frame.periodVariable.times(fromPolicyNumber(component.weight)).times(factor));
  const line: CompComponentLine = {
    id: component.id,
    metric,
    value: formatValue(metric, value),
    target: measured.target === null ? null : formatValue(metric, measured.target),
    attainment: measured.attainment === null ? null : toRatio(measured.attainment),
    factor: toRatio(factor),
    tier: measured.attainment === null ? null : tierBandOf(measured.attainment, component.tiers),
    isUnknown,
    isGated: false,
    isCapped,
    payout: formatMoney(payout),
  };
  return { line, payout };
}

function gateLine(
  frame: PlanFrame,
  gate: NonNullable<CompPlanSpec['gates']>[number],
  k: number,
  person: string,
): CompGateLine {
  const metric = gate.metric as CompMetric;
  const { value } = personValue(frame, metric, k, person);
  const { kind, isCostPerUnit } = compMetricDefinitions[metric];
  const measured = measure(kind, value, targetForMetric(frame.spec, metric), frame.share, isCostPerUnit);
  warnMeasure(frame, 'gate', gate.id, metric, measured);
  const isPassed = measured.attainment !== null && measured.attainment.greaterThanOrEqualTo(fromPolicyNumber(gate.min));
  const components = gate.components ?? frame.spec.components.map((c) => c.id);
  const a = measured.attainment;
  return {
    id: gate.id,
    metric,
    value: a === null ? null : toRatio(a),
    valueExact: a === null ? null : a.toFixed(),
    min: gate.min,
    isPassed,
    components,
  };
}

/**
 * Team multipliers of period `k`, the same for everyone on the plan. The team's attainment
 * is the sum of the metric over the people active in the period ÷ the sum of their targets;
 * a value credited to the whole team (or a fraction such as goal_attainment) is taken once,
 * against one person's target.
 */
export function teamMultiplierLines(frame: PlanFrame, k: number, active: readonly string[]): CompMultiplierLine[] {
  return (frame.spec.teamMultipliers ?? []).map((m) => {
    const metric = m.metric as CompMetric;
    const values = valuesOf(frame, metric, k);
    const { kind, isCostPerUnit } = compMetricDefinitions[metric];
    const yearly = targetForMetric(frame.spec, metric);
    let measured: Measured;
    if (values.shared !== null) measured = measure(kind, values.shared, yearly, frame.share, isCostPerUnit);
    else if (active.length === 0) measured = { target: null, attainment: null };
    else {
      const sum = active.reduce((total, id) => total.plus(values.byPerson.get(id) ?? ZERO), ZERO);
      measured = measure(kind, sum, yearly?.times(active.length), frame.share);
    }
    warnMeasure(frame, 'team-multiplier', m.id, metric, measured);
    const isApplied = measured.attainment !== null && measured.attainment.greaterThanOrEqualTo(fromPolicyNumber(m.min));
    const a = measured.attainment;
    return {
      id: m.id,
      metric,
      value: a === null ? null : toRatio(a),
      valueExact: a === null ? null : a.toFixed(),
      min: m.min,
      multiplier: m.multiplier,
      isApplied,
    };
  });
}

/**
 * Variable pay of one person in period `k`: each component pays period target variable ×
 * weight × factor (rounded to cents); a failed gate sets its components to 0; the sum is
 * multiplied by every team multiplier that applies (and rounded to cents).
 */
export function computeVariablePay(
  frame: PlanFrame,
  k: number,
  person: string,
  multipliers: CompMultiplierLine[],
): VariablePay {
  const worked = frame.spec.components.map((c) => componentLine(frame, c, k, person));
  const gates = (frame.spec.gates ?? []).map((g) => gateLine(frame, g, k, person));
  const held = new Set(gates.filter((g) => !g.isPassed).flatMap((g) => g.components));
  const payouts = new Map<string, Decimal>();
  let componentPay = ZERO;
  for (const w of worked) {
    if (held.has(w.line.id)) {
      w.line.isGated = true;
      w.line.payout = formatMoney(ZERO);
      w.payout = ZERO;
    }
    payouts.set(w.line.id, w.payout);
    componentPay = componentPay.plus(w.payout);
  }
  const multiplier = multipliers
    .filter((m) => m.isApplied)
    .reduce((product, m) => product.times(fromPolicyNumber(m.multiplier)), ONE);
  return {
    components: worked.map((w) => w.line),
    gates,
    multipliers,
    multiplier: multiplier.toNumber(),
    componentPay,
    variablePay: roundCents(componentPay.times(multiplier)),
    payouts,
  };
}
