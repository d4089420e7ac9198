import type { EngineWarning } from '../report/warnings.js';
import type { Decimal } from 'decimal.js';
import { DateTime } from 'luxon';
import type { Row } from '../data/types.js';
import type { Policy } from '../policy/types.js';
import type { DealsSection, GoalSection, GoalUnknown, VelocityUnknown } from '../report/goal.js';
import type { TimeWindow } from './context.js';
import type { DealsExact } from './deals.js';
import { Dec, formatMoney, toRatio } from './comp/money.js';
import { ExactSum } from './exact-sum.js';

const DAY_MS = 86_400_000;

/** The goal period as instants: from its first day's start to the end of its last day, in `timeZone`. */
export function goalPeriodOf(goal: Policy<'RevenueGoal'>, timeZone: string): TimeWindow {
  const { start, end } = goal.spec.goal.period;
  return {
    start: DateTime.fromISO(start, { zone: timeZone }).toMillis(),
    end: DateTime.fromISO(end, { zone: timeZone }).plus({ days: 1 }).toMillis(),
  };
}

/** The goal metric over a span, exactly; null when it is a sum of amounts and none of the deals counted carries one. */
export interface GoalMetric {
  value: Decimal | null;
  /** Won deals in another currency than the goal's, left out. */
  otherCurrency: number;
  /** Won deals counted that carry no amount (they add nothing to a sum of amounts). */
  withoutAmount: number;
}

/**
 * The goal metric over `[start, end)`: `won_amount` sums the amounts of deals won (closed
 * with won = true) in the span; `won_deals` counts them; `new_arr` sums amount × 12 ÷
 * `term_months` (the amount itself when the term is missing). Deals in another currency than
 * the goal's are left out and counted. A sum over won deals none of which carries an amount
 * is unknown (null), not 0.
 */
export function measureGoalMetric(
  goal: Policy<'RevenueGoal'>,
  opportunities: readonly Row[],
  span: TimeWindow,
): GoalMetric {
  const { metric, currency } = goal.spec.goal;
  let value: Decimal = new Dec(0);
  const amounts = new ExactSum(Dec);
  let otherCurrency = 0;
  let counted = 0;
  let withoutAmount = 0;
  for (let i = 0; i < opportunities.length; i++) {
    const opp = opportunities[i] as Row;
    const closed = opp.closed_at;
    if (opp.won !== true || typeof closed !== 'number' || closed < span.start || closed >= span.end) continue;
    if (typeof opp.currency === 'string' && opp.currency !== currency) {
      otherCurrency++;
      continue;
    }
    counted++;
    if (metric === 'won_deals') value = value.plus(1);
    else if (typeof opp.amount !== 'string') withoutAmount++;
    else if (metric === 'new_arr' && typeof opp.term_months === 'number' && opp.term_months > 0)
      value = value.plus(new Dec(opp.amount).times(12).div(opp.term_months));
    else amounts.add(opp.amount);
  }
  const isUnknown = metric !== 'won_deals' && counted > 0 && withoutAmount === counted;
  return { value: isUnknown ? null : value.plus(amounts.value()), otherCurrency, withoutAmount };
}

/**
 * Attainment of the goal over a span, as an exact decimal: the metric in the span ÷ the
 * target prorated to the span's share of the goal period (used by comp gates and multipliers
 * per payout period; never rounded, so a gate compares the exact figure). Deals closed at or
 * after `until` (the end of the evaluated window) do not count. null when the prorated target
 * is 0 or the metric is unknown.
 */
export function measureGoalAttainment(
  goal: Policy<'RevenueGoal'>,
  opportunities: readonly Row[],
  span: TimeWindow,
  timeZone: string,
  until = Infinity,
): Decimal | null {
  const period = goalPeriodOf(goal, timeZone);
  const target = new Dec(goal.spec.goal.target);
  if (target.isZero() || span.end <= span.start) return null;
  const counted = { start: span.start, end: Math.min(span.end, until) };
  const { value } = measureGoalMetric(goal, opportunities, counted);
  // value ÷ (target × span ÷ period), as one division so that nothing is rounded before it.
  return value === null ? null : value.times(period.end - period.start).div(target.times(span.end - span.start));
}

/**
 * Pipeline velocity per day from the exact figures: open × win rate × average won deal ÷
 * mean won cycle in days, where win rate = won ÷ (won + lost), average = Σ won amount ÷ won
 * deals with an amount (1 for `won_deals`) and cycle = Σ won cycle ÷ won; null with a reason.
 */
export function measureVelocity(
  metric: string,
  deals: DealsSection,
  exact: DealsExact,
): { perDay: Decimal | null; unknown: VelocityUnknown | null } {
  const { won, lost, open } = deals;
  if (won + lost === 0) return { perDay: null, unknown: 'none-closed' };
  if (won === 0) return { perDay: null, unknown: 'none-won' };
  if (metric !== 'won_deals' && exact.wonAmount === null) return { perDay: null, unknown: 'no-amounts' };
  const cycleMs = new Dec(exact.wonCycleMs);
  if (!cycleMs.isPositive() || cycleMs.isZero()) return { perDay: null, unknown: 'zero-cycle' };
  const winRate = new Dec(won).div(won + lost);
  const average =
    metric === 'won_deals' ? new Dec(1) : new Dec(exact.wonAmount as string).div(won - deals.wonWithoutAmount);
  const cycleDays = cycleMs.div(won).div(DAY_MS);
  return { perDay: new Dec(open).times(winRate).times(average).div(cycleDays), unknown: null };
}

/**
 * The shared goal at as-of: actual from the period's start to as-of, attainment against the
 * target, elapsed share of the period and pace (attainment ÷ elapsed). Pipeline velocity =
 * open deals × win rate × average won deal ÷ mean won cycle in days (value per day); the
 * forecast adds velocity × the days left in the period to the actual. Everything is computed
 * from exact figures and rounded once, for display.
 */
export function measureGoal(
  goal: Policy<'RevenueGoal'>,
  opportunities: readonly Row[],
  deals: { section: DealsSection; exact: DealsExact },
  asOf: number,
  timeZone: string,
  isOpportunitiesMissing = false,
): { section: GoalSection; warnings: EngineWarning[] } {
  const spec = goal.spec.goal;
  const period = goalPeriodOf(goal, timeZone);
  const until = Math.min(asOf, period.end);
  // The as-of instant itself has happened: a deal closed at it is won (see `dealState`).
  const measured = measureGoalMetric(goal, opportunities, {
    start: period.start,
    end: Math.min(asOf + 1, period.end),
  });
  const { otherCurrency, withoutAmount } = measured;
  // With the opportunities left out of a partial run, nothing won is known: unknown, never 0.
  const value = isOpportunitiesMissing ? null : measured.value;
  const target = new Dec(spec.target);
  const periodMs = period.end - period.start;
  const elapsed = Dec.min(1, Dec.max(0, new Dec(until - period.start).div(periodMs)));
  const unknown: GoalUnknown | null = isOpportunitiesMissing
    ? 'opportunities-missing'
    : target.isZero()
      ? 'zero-target'
      : value === null
        ? 'no-amounts'
        : null;
  const attainment = unknown !== null || value === null ? null : value.div(target);
  const { perDay, unknown: velocityUnknown } = measureVelocity(spec.metric, deals.section, deals.exact);
  const remaining = new Dec(Math.max(0, period.end - Math.max(asOf, period.start))).div(DAY_MS);
  const projected = perDay === null || value === null ? null : value.plus(perDay.times(remaining));
  const warnings: EngineWarning[] =
    otherCurrency > 0 ? [{ code: 'goal.other-currency', count: otherCurrency, currency: spec.currency }] : [];
  if (unknown === 'no-amounts') warnings.push({ code: 'goal.amounts-unknown', goal: goal.metadata.name });
  else if (withoutAmount > 0 && spec.metric !== 'won_deals')
    warnings.push({ code: 'goal.without-amount', goal: goal.metadata.name, count: withoutAmount });
  return {
    section: {
      name: goal.metadata.name,
      metric: spec.metric,
      currency: spec.currency,
      period: { start: spec.period.start, end: spec.period.end },
      target: target.toFixed(2),
      actual: value === null ? null : value.toFixed(2),
      attainment: attainment === null ? null : toRatio(attainment),
      attainmentExact: attainment === null ? null : attainment.toFixed(),
      unknown,
      elapsed: toRatio(elapsed),
      pace: attainment === null || elapsed.isZero() ? null : toRatio(attainment.div(elapsed)),
      isOnPace: attainment === null || elapsed.isZero() ? null : attainment.greaterThanOrEqualTo(elapsed),
      velocity: {
        openOpportunities: deals.section.open,
        winRate: deals.section.winRate,
        averageWonAmount:
          spec.metric === 'won_deals' ? (deals.section.won > 0 ? '1.00' : null) : deals.section.averageWonAmount,
        cycleDays: deals.section.cycleDays.won.mean,
        perDay: perDay === null ? null : formatMoney(perDay),
        unknown: velocityUnknown,
      },
      forecast: {
        remainingDays: remaining.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber(),
        remainingDaysExact: remaining.toFixed(),
        projected: projected === null ? null : formatMoney(projected),
        projectedAttainment: projected === null || target.isZero() ? null : toRatio(projected.div(target)),
        projectedAttainmentExact: projected === null || target.isZero() ? null : projected.div(target).toFixed(),
      },
    },
    warnings,
  };
}
