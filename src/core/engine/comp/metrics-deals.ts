import type { Row } from '../../data/types.js';
import type { CompMetric } from '../../report/comp.js';
import type { MetricDefinition, PeriodValues, TallyInput } from './metric-types.js';
import { isInPlanCurrency, PeriodSums } from './metric-types.js';
import { isWon, periodIndexOf, readInstant, readText } from './rows.js';

/** Who an opportunity credits under a metric: one person, the whole team on the plan, or nobody. */
export type Credit = { kind: 'person'; id: string } | { kind: 'team' } | null;

const sourcedMetrics: ReadonlySet<CompMetric> = new Set(['sourced_won_amount', 'sourced_pipeline_amount']);

/**
 * Credit rules. `won_amount`: the opportunity's owner. `opportunities_created`,
 * `sourced_pipeline_amount`, `sourced_won_amount`: the sourcer (the lead's owner when the
 * lead is in the data and owned, else the opportunity's owner). For a plan whose people own
 * no leads (marketing), the sourced metrics credit the whole team with every inbound
 * opportunity instead (lead source set and not `outbound`).
 */
export function creditOf(metric: CompMetric, opportunity: Row, input: TallyInput): Credit {
  if (metric === 'won_amount') {
    const owner = readText(opportunity, 'owner_id');
    return owner === null ? null : { kind: 'person', id: owner };
  }
  if (input.isTeamCredit && sourcedMetrics.has(metric))
    return input.credit.isInbound(opportunity) ? { kind: 'team' } : null;
  const sourcer = input.credit.sourcerOf(opportunity);
  return sourcer === null ? null : { kind: 'person', id: sourcer };
}

interface DealTally {
  metric: CompMetric;
  /** Which instant places the opportunity in a period. */
  at: 'closed_at' | 'created_at';
  isWonOnly: boolean;
  measure: 'amount' | 'count';
}

/**
 * Sums per person and period. A sum of amounts over a period in which opportunities were
 * credited but none carries an amount is unknown (it counts as 0, `isUnknown`, with a
 * warning), not a measured 0.
 */
function tallyDeals(spec: DealTally, input: TallyInput): PeriodValues[] {
  const sums = new PeriodSums(input);
  const credited = new Int32Array(input.periods.length);
  const withAmount = new Int32Array(input.periods.length);
  const opportunities = input.ctx.data.opportunities;
  for (let i = 0; i < opportunities.length; i++) {
    const opportunity = opportunities[i] as Row;
    if (spec.isWonOnly && !isWon(opportunity)) continue;
    const k = periodIndexOf(readInstant(opportunity, spec.at), input.periods, input.ctx.window);
    if (k < 0) continue;
    const credit = creditOf(spec.metric, opportunity, input);
    if (credit === null || (credit.kind === 'person' && !input.people.has(credit.id))) continue;
    let amount = '1';
    if (spec.measure === 'amount') {
      if (!isInPlanCurrency(opportunity, input)) continue;
      const text = readText(opportunity, 'amount');
      credited[k] = (credited[k] ?? 0) + 1;
      if (text !== null) withAmount[k] = (withAmount[k] ?? 0) + 1;
      amount = text ?? '0';
    }
    if (credit.kind === 'team') sums.addTeam(k, amount);
    else sums.add(k, credit.id, amount);
  }
  const values = sums.values(input.isTeamCredit && sourcedMetrics.has(spec.metric));
  const unknown = input.periods.filter((_, k) => (credited[k] as number) > 0 && withAmount[k] === 0);
  if (unknown.length > 0) {
    unknown.forEach((period) => ((values[input.periods.indexOf(period)] as PeriodValues).isUnknown = true));
    input.warn({ code: 'comp.amounts-unknown', metric: spec.metric, periods: unknown.map((p) => p.label) });
  }
  return values;
}

/**
 * `won_amount`: Σ `amount` of opportunities with `won = true` and `closed_at` in the period,
 * credited to the opportunity's `owner_id`.
 */
export const wonAmount: MetricDefinition = {
  kind: 'money',
  tally: (input) => tallyDeals({ metric: 'won_amount', at: 'closed_at', isWonOnly: true, measure: 'amount' }, input),
};

/**
 * `sourced_won_amount`: Σ `amount` of opportunities with `won = true` and `closed_at` in the
 * period, credited to the sourcer; for a plan whose people own no leads, every person on the
 * plan is credited with the whole of the inbound won amount.
 */
export const sourcedWonAmount: MetricDefinition = {
  kind: 'money',
  tally: (input) =>
    tallyDeals({ metric: 'sourced_won_amount', at: 'closed_at', isWonOnly: true, measure: 'amount' }, input),
};

/**
 * `sourced_pipeline_amount`: Σ `amount` of opportunities with `created_at` in the period (won or
 * not), credited like `sourced_won_amount`.
 */
export const sourcedPipelineAmount: MetricDefinition = {
  kind: 'money',
  tally: (input) =>
    tallyDeals({ metric: 'sourced_pipeline_amount', at: 'created_at', isWonOnly: false, measure: 'amount' }, input),
};

/** `opportunities_created`: number of opportunities with `created_at` in the period, credited to the sourcer. */
export const opportunitiesCreated: MetricDefinition = {
  kind: 'count',
  tally: (input) =>
    tallyDeals({ metric: 'opportunities_created', at: 'created_at', isWonOnly: false, measure: 'count' }, input),
};
