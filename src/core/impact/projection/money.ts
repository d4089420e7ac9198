import { round } from '../../engine/stats.js';
import type { Report } from '../../report/index.js';
import type { ProjectedMoney, ProjectionSection, ProjectionUnknown } from '../../report/projection.js';
import type { FlowResult, FlowStage } from './flow.js';
import { describeDealSample } from './deal-size.js';
import { Exact } from './wilson.js';

/** Average won deal, exact: won amount ÷ won deals carrying an amount (1 per deal for a `won_deals` goal). */
function dealSizeOf(report: Report): { size: Exact | null; deals: number; unknown: ProjectionUnknown | null } {
  const d = report.deals;
  const priced = (d?.won ?? 0) - (d?.wonWithoutAmount ?? 0);
  if (report.goal?.metric === 'won_deals') return { size: new Exact(1), deals: d?.won ?? 0, unknown: null };
  if (report.goal !== null && report.goal.metric !== 'won_amount')
    return { size: null, deals: priced, unknown: 'not-computed' };
  if (d?.wonAmount == null || priced <= 0) return { size: null, deals: priced, unknown: 'no-deal-amounts' };
  return { size: new Exact(d.wonAmount).div(priced), deals: priced, unknown: null };
}

const text = (x: Exact | null) => (x === null ? null : x.toFixed(2));

/** Won revenue over the horizon and the goal forecast it gives, base vs head with the head's range. */
export function projectMoney(
  base: { report: Report; wonAmounts?: readonly string[] },
  head: { report: Report },
  flow: FlowResult,
  horizonWeeks: Exact | null,
): {
  dealSize: Exact | null;
  dealSizeSection: ProjectionSection['dealSize'];
  wonRevenue: ProjectedMoney;
  goalForecast: ProjectionSection['goalForecast'];
  currency: string | null;
} {
  const deal = dealSizeOf(base.report);
  const currency = base.report.goal?.currency ?? base.report.deals?.currency ?? null;
  const won = (f: FlowStage[]) => (f[f.length - 1] as FlowStage).demand;
  // A goal period already over leaves nothing to project: "—", not a projected 0.
  const unknown: ProjectionUnknown | null =
    horizonWeeks === null ? 'no-goal' : horizonWeeks.isZero() ? 'period-over' : deal.unknown;
  const revenue = (f: FlowStage[]) =>
    unknown === null && deal.size !== null && horizonWeeks !== null
      ? won(f).times(horizonWeeks).times(deal.size)
      : null;
  const r = {
    base: revenue(flow.base),
    head: revenue(flow.head),
    low: revenue(flow.headLow),
    high: revenue(flow.headHigh),
  };
  const minus = (x: Exact | null, y: Exact | null) => (x === null || y === null ? null : x.minus(y));
  const build = (v: typeof r, why: ProjectionUnknown | null): ProjectedMoney => ({
    base: text(v.base),
    head: text(v.head),
    delta: text(minus(v.head, v.base)),
    headLow: text(v.low),
    headHigh: text(v.high),
    deltaLow: text(minus(v.low, v.base)),
    deltaHigh: text(minus(v.high, v.base)),
    unknown: why,
  });
  // The forecast: each side's goal actual to as-of plus its projected won revenue.
  const actualOf = (rep: Report) => (rep.goal?.actual == null ? null : new Exact(rep.goal.actual));
  const plus = (x: Exact | null, y: Exact | null) => (x === null || y === null ? null : x.plus(y));
  const [ab, ah] = [actualOf(base.report), actualOf(head.report)];
  // With the period over, the forecast is the actual: nothing is left to add.
  const left = (x: Exact | null) => (unknown === 'period-over' ? new Exact(0) : x);
  const forecast = {
    base: plus(ab, left(r.base)),
    head: plus(ah, left(r.head)),
    low: plus(ah, left(r.low)),
    high: plus(ah, left(r.high)),
  };
  const target = head.report.goal?.target ?? base.report.goal?.target ?? null;
  const attain = (x: Exact | null, rep: Report) =>
    x === null || rep.goal == null || new Exact(rep.goal.target).isZero()
      ? null
      : round(x.div(rep.goal.target).toNumber(), 4);
  const ba = attain(forecast.base, base.report);
  const ha = attain(forecast.head, head.report);
  return {
    dealSize: deal.size,
    dealSizeSection: describeDealSample(
      deal.size,
      deal.deals,
      currency,
      base.report.goal?.metric === 'won_deals' ? null : (base.wonAmounts ?? null),
    ),
    wonRevenue: build(r, unknown),
    goalForecast: {
      ...build(
        forecast,
        (unknown === 'period-over' ? null : unknown) ?? (ab === null || ah === null ? 'not-computed' : null),
      ),
      target,
      attainment: {
        base: ba,
        head: ha,
        delta: ba === null || ha === null ? null : round(ha - ba, 4),
        headLow: attain(forecast.low, head.report),
        headHigh: attain(forecast.high, head.report),
      },
    },
    currency,
  };
}
