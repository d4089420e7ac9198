import type { PlanPayoutChange } from '../core/report/impact-payouts.js';
import type { ProjectionSection } from '../core/report/projection.js';
import type {
  PayMetricUnknown,
  ProjectedPayMetric,
  ProjectedPayoutTotal,
  ProjectedPlanPayout,
} from '../core/report/projection-payouts.js';
import { formatNumber } from './figures.js';
import { changedParts, describeGateHolds, describePayoutReason, partLabel } from './impact-payout-text.js';
import { money, NONE, signedMoney } from './impact-phrases.js';

/** Why a plan's projected payout is "—", in words. */
const unknownText: Record<PayMetricUnknown, string> = {
  'not-reported': 'a gate or team multiplier measures it per person and no component reports it',
  'observed-unknown': 'its observed value is unknown (won deals without amounts)',
  'goal-unknown': 'the goal attainment cannot be projected (no goal, or its metric is not won deals or won amount)',
  'constraint-not-projected':
    "the constraint's metric is not utilisation, or its stage is not on the flow or has no capacity",
  'cost-not-projected': 'blended_cac is not projected (the projection carries arrivals, not spend)',
};

const noneText = { 'no-goal': 'no goal period left to project to', 'no-flow': 'no flow projection' } as const;

function range(low: string | null, high: string | null): string {
  if (low === null || high === null || low === high) return '';
  return `; range ${signedMoney(low)} to ${signedMoney(high)}`;
}

function totalText(t: ProjectedPayoutTotal): string {
  if (t.base === null || t.head === null || t.delta === null)
    return `${NONE} ${t.currency} (a plan cannot be projected)`;
  return `${money(t.base)} → ${money(t.head, t.currency)} (${signedMoney(t.delta)}${range(t.deltaLow, t.deltaHigh)})`;
}

/** The headline's payout phrase: the change of all plans' projected pay to the period's end, with its range. */
export function describeProjectedPayoutHeadline(p: ProjectionSection): string | null {
  const totals = p.payouts.totals;
  if (totals.length === 0) return null;
  const parts = totals.map((t) => {
    if (t.delta === null) return `${NONE} ${t.currency}`;
    const spread = range(t.deltaLow, t.deltaHigh);
    return `${signedMoney(t.delta, t.currency)}${spread === '' ? '' : ` (${spread.slice(2)})`}`;
  });
  return `projected payouts ${parts.join(', ')} to the period's end`;
}

function planParts(x: PlanPayoutChange): string {
  return changedParts(x)
    .map(
      (part) =>
        `${partLabel(part)} ${signedMoney(part.payout.delta)} (${part.reasons.map((s) => describePayoutReason(s)).join('; ')})`,
    )
    .join('; ');
}

function planText(p: ProjectedPlanPayout): string[] {
  const x = p.payout;
  if (x === null) {
    const metric = p.metrics.find((m) => m.unknown !== null)?.metric ?? NONE;
    return [`${p.plan}: ${NONE} (${metric} cannot be projected: ${unknownText[p.unknown ?? 'not-reported']})`];
  }
  const head = `${p.plan}: ${money(x.total.base)} → ${money(x.total.head, p.currency)} (${signedMoney(x.total.delta)}${range(p.range.deltaLow, p.range.deltaHigh)})`;
  const parts = planParts(x);
  return [`${head}${parts === '' ? '' : `: ${parts}`}`, ...describeGateHolds(x).map((s) => `! ${s}`)];
}

/** The projected payouts as plain lines (callers escape): the total per currency, then each plan with its changed parts, reasons and failed gates. */
export function describeProjectedPayouts(p: ProjectionSection): string[] {
  const pay = p.payouts;
  if (pay.unknown !== null) return [`Payouts on the projected volumes: ${NONE} (${noneText[pay.unknown]}).`];
  if (pay.plans.length === 0) return [];
  const first = pay.plans[0]?.periods;
  const span =
    first === undefined || first.length === 0 ? '' : ` (${first[0]?.label} to ${first[first.length - 1]?.label})`;
  return [
    `Payouts on the projected volumes to the period's end${span}: ${pay.totals.map(totalText).join('; ')}.`,
    ...pay.plans.flatMap(planText),
  ];
}

function metricText(m: ProjectedPayMetric): string {
  switch (m.basis) {
    case 'stage':
      return `${m.metric} by ${m.stage ?? NONE} arrivals`;
    case 'kept':
      return `${m.metric} at its observed rate`;
    case 'goal':
      return `${m.metric} from projected won revenue`;
    case 'constraint':
      return `${m.metric} from ${m.stage ?? NONE} utilisation`;
  }
}

/** The assumptions the projected payouts rest on, from the section's own facts. */
export function describeProjectedPayoutAssumptions(p: ProjectionSection): string[] {
  const pay = p.payouts;
  if (pay.unknown !== null || pay.plans.length === 0) return [];
  const out = [
    'Payouts: each plan is paid per payout period, from the one in progress at as-of (observed so far + the weeks left projected) to the one the goal period ends in, with its own tiers, caps, gates and team multipliers (exact decimals); SPIFs and clawbacks are paid per deal and not projected; the people on a plan at as-of stay on it.',
    "Per-person metrics are shared out by observed share: each person's value over the window per arrival at the metric's stage × that stage's projected arrivals a week; a metric the flow does not carry keeps each person's observed rate a week, alike on both sides.",
    'goal_attainment: observed so far in the period + won a week × deal size for the weeks left, over the goal target prorated to the period; constraint_target_met: met when the constraint stage’s utilisation over the period (observed arrivals so far + projected demand, ÷ capacity × the period’s weeks) meets its target.',
  ];
  for (const plan of pay.plans) {
    const weeks = plan.periods.map((k) => `${k.label} ${formatNumber(k.weeksProjected, 2)}`).join(', ');
    out.push(`Plan ${plan.plan}: ${plan.metrics.map(metricText).join('; ')}; weeks projected per period: ${weeks}.`);
  }
  return out;
}
