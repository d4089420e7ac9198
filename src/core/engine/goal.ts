import { Decimal } from 'decimal.js';
import { DateTime } from 'luxon';
import type { Row } from '../data/types.js';
import type { Policy } from '../policy/types.js';
import type { DealsSection, GoalSection } from '../report/goal.js';
import type { TimeWindow } from './context.js';
import { amountOf } from './deals.js';
import { Dec } from './comp/money.js';
import { ExactSum } from './exact-sum.js';
import { ratio, round } from './stats.js';

const DAY_MS = 86_400_000;

/** The goal period as instants: from its first day's start to the end of its last day, in `timeZone`. */
export function goalPeriodOf(goal: Policy<'RevenueGoal'>, timeZone: string): TimeWindow {
  const { start, end } = goal.spec.goal.period;
  return {
    start: DateTime.fromISO(start, { zone: timeZone }).toMillis(),
    end: DateTime.fromISO(end, { zone: timeZone }).plus({ days: 1 }).toMillis(),
  };
}

/**
 * The goal metric over `[start, end)`: `won_amount` sums the amounts of deals won (closed
 * with won = true) in the span; `won_deals` counts them; `new_arr` sums amount × 12 ÷
 * `term_months` (the amount itself when the term is missing). Deals in another currency than
 * the goal's are left out and counted.
 */
export function measureGoalMetric(goal: Policy<'RevenueGoal'>, opportunities: readonly Row[], span: TimeWindow): { value: Decimal; otherCurrency: number } {
  const { metric, currency } = goal.spec.goal;
  let value = new Decimal(0);
  const amounts = new ExactSum(Dec);
  let otherCurrency = 0;
  for (let i = 0; i < opportunities.length; i++) {
    const opp = opportunities[i] as Row;
    const closed = opp.closed_at;
    if (opp.won !== true || typeof closed !== 'number' || closed < span.start || closed >= span.end) continue;
    if (typeof opp.currency === 'string' && opp.currency !== currency) {
      otherCurrency++;
      continue;
    }
    if (metric === 'won_deals') value = value.plus(1);
    else if (metric === 'new_arr' && typeof opp.term_months === 'number' && opp.term_months > 0) value = value.plus(amountOf(opp).times(12).div(opp.term_months));
    else if (typeof opp.amount === 'string') amounts.add(opp.amount);
  }
  return { value: value.plus(amounts.value()), otherCurrency };
}

/**
 * Attainment of the goal over a span: the metric in the span ÷ the target prorated to the
 * span's share of the goal period (used by comp gates and multipliers per payout period).
 * Deals closed at or after `until` (the end of the evaluated window) do not count.
 */
export function measureGoalAttainment(goal: Policy<'RevenueGoal'>, opportunities: readonly Row[], span: TimeWindow, timeZone: string, until = Infinity): number | null {
  const period = goalPeriodOf(goal, timeZone);
  const share = (span.end - span.start) / (period.end - period.start);
  const target = new Decimal(goal.spec.goal.target).times(share);
  if (target.isZero()) return null;
  const counted = { start: span.start, end: Math.min(span.end, until) };
  return round(measureGoalMetric(goal, opportunities, counted).value.div(target).toNumber(), 4);
}

/**
 * The shared goal at as-of: actual from the period's start to as-of, attainment against the
 * target, elapsed share of the period and pace (attainment ÷ elapsed). Pipeline velocity =
 * open deals × win rate × average won deal ÷ mean won cycle in days (value per day); the
 * forecast adds velocity × the days left in the period to the actual.
 */
export function measureGoal(goal: Policy<'RevenueGoal'>, opportunities: readonly Row[], deals: DealsSection, asOf: number, timeZone: string): { section: GoalSection; warnings: string[] } {
  const spec = goal.spec.goal;
  const period = goalPeriodOf(goal, timeZone);
  const until = Math.min(asOf, period.end);
  // The as-of instant itself has happened: a deal closed at it is won (see `dealState`).
  const { value, otherCurrency } = measureGoalMetric(goal, opportunities, { start: period.start, end: Math.min(asOf + 1, period.end) });
  const target = new Decimal(spec.target);
  const elapsed = Math.min(1, Math.max(0, (until - period.start) / (period.end - period.start)));
  const attainment = target.isZero() ? 0 : round(value.div(target).toNumber(), 4);
  const cycle = deals.cycleDays.won.mean;
  const averageWon = spec.metric === 'won_deals' ? (deals.won > 0 ? '1.00' : null) : deals.averageWonAmount;
  const perDay =
    deals.winRate === null || averageWon === null || cycle === null || cycle <= 0
      ? null
      : new Decimal(deals.open).times(deals.winRate).times(averageWon).div(cycle);
  const remainingDays = Math.max(0, (period.end - Math.max(asOf, period.start)) / DAY_MS);
  const projected = perDay === null ? null : value.plus(perDay.times(remainingDays));
  const warnings = otherCurrency > 0 ? [`${otherCurrency} won deals are not in ${spec.currency} and are left out of the goal.`] : [];
  return {
    section: {
      name: goal.metadata.name,
      metric: spec.metric,
      currency: spec.currency,
      period: { start: spec.period.start, end: spec.period.end },
      target: target.toFixed(2),
      actual: value.toFixed(2),
      attainment,
      elapsed: round(elapsed, 4),
      pace: elapsed === 0 ? null : ratio(attainment, elapsed),
      velocity: {
        openOpportunities: deals.open,
        winRate: deals.winRate,
        averageWonAmount: averageWon,
        cycleDays: cycle,
        perDay: perDay === null ? null : perDay.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      },
      forecast: {
        remainingDays: round(remainingDays, 2),
        projected: projected === null ? null : projected.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
        projectedAttainment: projected === null || target.isZero() ? null : round(projected.div(target).toNumber(), 4),
      },
    },
    warnings,
  };
}
