import type { CompPlanSpec } from '../../policy/types.js';
import type { CompClawbackLine, CompMetric } from '../../report/comp.js';
import { parseDuration } from '../duration.js';
import type { Period } from '../periods.js';
import type { TallyInput } from './metric-types.js';
import { amountInPlanCurrency } from './metric-types.js';
import { creditOf } from './metrics-deals.js';
import { formatMoney, fromPolicyNumber, ZERO } from './money.js';
import type { Decimal } from './money.js';
import type { PlanMember } from './people.js';
import { personValue } from './person-period.js';
import type { PlanFrame } from './person-period.js';
import { isWon, periodIndexOf, readInstant, readText } from './rows.js';

const commissionMetrics: ReadonlySet<CompMetric> = new Set(['won_amount', 'sourced_won_amount']);

/** What clawbacks are computed from: the plan, its people, and the component payouts of every period. */
export interface ClawbackInput {
  frame: PlanFrame;
  tally: TallyInput;
  periods: readonly Period[];
  members: readonly PlanMember[];
  /** Rounded component payouts per person id, per period index (undefined where not on the plan). */
  payouts: ReadonlyMap<string, (Map<string, Decimal> | undefined)[]>;
}

type Rule = NonNullable<CompPlanSpec['clawbacks']>[number];

/** The first clawback rule (in the order written) whose `within` covers a reversal `elapsed` ms after close. */
function ruleFor(rules: readonly Rule[], elapsed: number): Rule | undefined {
  return rules.find((rule) => elapsed >= 0 && elapsed <= parseDuration(rule.within));
}

/**
 * Clawback lines per person id and period index. A won opportunity whose `cancelled_at` is
 * in a period and no later than `within` after its `closed_at` is clawed back in the period
 * it was cancelled in, under the first rule that covers it. What is taken back is `share` ×
 * the commission the deal earned each person: for every component paying on `won_amount` or
 * `sourced_won_amount` that credited the person with the deal, the component's payout
 * (after gates, before team multipliers) in the deal's close period × deal amount ÷ the
 * person's metric value in that period. A deal closed before the evaluated window cannot be
 * priced and is not clawed back (a warning says so).
 */
export function findClawbacks(input: ClawbackInput): Map<string, CompClawbackLine[][]> {
  const rules = input.frame.spec.clawbacks ?? [];
  const components = input.frame.spec.components.filter((c) => commissionMetrics.has(c.metric as CompMetric));
  const lines = new Map<string, CompClawbackLine[][]>();
  if (rules.length === 0 || components.length === 0) return lines;
  const memberIds = new Set(input.members.map((m) => m.id));
  const { ctx } = input.tally;
  const deals = ctx.data.opportunities
    .filter((o) => isWon(o) && readInstant(o, 'cancelled_at') !== null)
    .sort((a, b) => ((readText(a, 'id') ?? '') < (readText(b, 'id') ?? '') ? -1 : 1));
  for (const deal of deals) {
    const closedAt = readInstant(deal, 'closed_at');
    const cancelledAt = readInstant(deal, 'cancelled_at');
    const cancelledIn = periodIndexOf(cancelledAt, input.periods, ctx.window);
    if (closedAt === null || cancelledAt === null || cancelledIn === -1) continue;
    const rule = ruleFor(rules, cancelledAt - closedAt);
    if (rule === undefined) continue;
    const closedIn = periodIndexOf(closedAt, input.periods, ctx.window);
    const id = readText(deal, 'id') ?? '';
    const commission = new Map<string, Decimal>();
    for (const component of components) {
      const metric = component.metric as CompMetric;
      const credit = creditOf(metric, deal, input.tally);
      const credited =
        credit === null
          ? []
          : credit.kind === 'person'
            ? memberIds.has(credit.id)
              ? [credit.id]
              : []
            : input.members.filter((m) => closedIn === -1 || m.isActiveIn[closedIn]).map((m) => m.id);
      if (credited.length === 0) continue;
      if (closedIn === -1) {
        input.frame.warn({ code: 'comp.clawback-unpriced', opportunityId: id });
        break;
      }
      const amount = amountInPlanCurrency(deal, input.tally);
      if (amount === null || !amount.isPositive() || amount.isZero()) continue;
      for (const person of credited) {
        const payout = input.payouts.get(person)?.[closedIn]?.get(component.id);
        const { value } = personValue(input.frame, metric, closedIn, person);
        if (payout === undefined || payout.isZero() || !value.isPositive() || value.isZero()) continue;
        commission.set(person, (commission.get(person) ?? ZERO).plus(payout.times(amount).dividedBy(value)));
      }
    }
    for (const [person, earned] of commission) {
      const perPeriod = lines.get(person) ?? input.periods.map(() => []);
      lines.set(person, perPeriod);
      const taken = earned.times(fromPolicyNumber(rule.share)).negated();
      perPeriod[cancelledIn]?.push({
        id: rule.id,
        opportunityId: id,
        closedIn: input.periods[closedIn]?.label ?? '',
        amount: formatMoney(taken),
      });
    }
  }
  return lines;
}
