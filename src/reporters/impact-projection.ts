import { needsApproval } from '../core/waivers/guardrail-waivers.js';
import type { ImpactReport, PolicyChange } from '../core/report/impact.js';
import type { ProjectedStage, ProjectionSection, ProjectionUnknown } from '../core/report/projection.js';
import { formatDecimal, formatMoney, formatNumber, formatPercent } from './figures.js';
import { NONE, signed, signedMoney } from './impact-phrases.js';
import { describeAssumptions } from './projection-assumptions.js';
import {
  describeProjectedPayoutAssumptions,
  describeProjectedPayoutHeadline,
  describeProjectedPayouts,
} from './impact-payouts-projected.js';
import { phraseApprovers } from './phrase-guardrail.js';

/** Why a projected figure is "—", in words. */
export const unknownText: Record<ProjectionUnknown, string> = {
  'no-funnel': 'no funnel path from the qualified stage to a won stage',
  'no-goal': 'no RevenueGoal, so no horizon',
  'period-over': 'the goal period is over: nothing left to project',
  'rates-unknown': 'the data window is too short for weekly rates',
  'no-deal-amounts': 'no won deal carries an amount',
  'no-cost-per-head': 'no cost per head declared and no OTE in a comp plan for the team',
  'not-computed': "the goal's metric is not won deals or won amount",
};

function valueText(v: unknown): string {
  return v === null || v === undefined ? NONE : typeof v === 'string' ? v : JSON.stringify(v);
}

/** The policy change in one line: the first changed value of the first changed policy, and how many more. */
export function describeChange(changes: readonly PolicyChange[]): string | null {
  const first = changes[0];
  if (first === undefined) return null;
  const values = changes.flatMap((c) => c.changes);
  const x = first.changes[0];
  const what =
    x === undefined
      ? `${first.kind} ${first.name} ${first.change}`
      : `${first.kind} ${first.name}: ${x.path} ${valueText(x.before)} → ${valueText(x.after)}`;
  const more = Math.max(values.length - 1, changes.length - 1);
  return `Change: ${what}${more > 0 ? ` (+${more} more)` : ''}`;
}

/** Who must approve, per crossed guardrail, as each requires: "any one of a or b", "all of a and b". */
export function describeApprovers(r: ImpactReport): string {
  const crossed = r.guardrails.filter(needsApproval);
  if (crossed.length === 0)
    return r.guardrails.some((g) => g.isCrossed)
      ? 'no approval needed (the crossed guardrails are waived on the base branch)'
      : 'no approval needed (no guardrail crossed)';
  return `needs approval from ${crossed.map((g) => `${phraseApprovers(g.approvers)} (${g.id})`).join('; ')}`;
}

function revenueText(p: ProjectionSection): string {
  const w = p.wonRevenue;
  if (w.delta === null) return `projected won revenue — (${unknownText[w.unknown ?? 'not-computed']})`;
  const range =
    w.deltaLow === w.deltaHigh
      ? ''
      : ` (range ${signedMoney(w.deltaLow ?? '0', null)} to ${signedMoney(w.deltaHigh ?? '0', null)})`;
  return `projected won revenue ${signedMoney(w.delta, p.currency)}${range} over the ${formatNumber(p.horizonWeeks, 1)} weeks left in the goal period${floorText(p)}`;
}

/**
 * Where the point estimate takes the conservative floor for the leads the change adds (too little
 * history at a stage), said beside the figure: the range's other end is then the evidence's.
 */
export function floorText(
  p: ProjectionSection,
  // The HTML page shows the count as a figure and the stages as labels; plain text by default.
  show: { count: (n: number) => string; stage: (name: string) => string } = { count: String, stage: (s) => s },
): string {
  const floored = p.stages.filter((s) => s.marginal?.basis === 'conservative').map((s) => show.stage(s.stage));
  if (floored.length === 0 || p.marginalLeads.added === 0) return '';
  return ` (the ${show.count(p.marginalLeads.added)} leads it adds taken at the conservative floor at ${floored.join(', ')}: too little history there, see the assumptions)`;
}

/** ` (range low–high)`, or nothing when the range is one value (nothing uncertain moves it). */
function rangeText(low: string, high: string): string {
  return low === high ? '' : ` (range ${low}–${high})`;
}

function forecastText(p: ProjectionSection): string {
  const a = p.goalForecast.attainment;
  if (a.base === null || a.head === null)
    return `flow goal forecast — (${unknownText[p.goalForecast.unknown ?? 'not-computed']})`;
  const range = a.headLow === a.headHigh ? '' : ` (${formatPercent(a.headLow)}–${formatPercent(a.headHigh)})`;
  return `flow goal forecast ${formatPercent(a.base)} → ${formatPercent(a.head)}${range} of target`;
}

function costText(p: ProjectionSection): string {
  if (p.costs.length === 0) return 'no headcount cost';
  if (p.totalCost === null) {
    const why = p.costs.find((c) => c.unknown !== null)?.unknown ?? 'not-computed';
    return `headcount cost — (${unknownText[why]})`;
  }
  const perYear = p.totalCostPerYear === null ? '' : ` (${signedMoney(p.totalCostPerYear, null)} a year)`;
  return `headcount cost ${signedMoney(p.totalCost, p.currency)} to the period's end${perYear}`;
}

/**
 * The first lines of an impact report, as plain text (callers escape): what changed, what it
 * does to won revenue and the goal forecast, the system's throughput, cost and who approves.
 */
export function describeProjectionHeadline(r: ImpactReport): string[] {
  const p = r.projection;
  const out: string[] = [];
  const change = describeChange(r.policyChanges);
  if (change !== null) out.push(change);
  const won = p.wonPerWeek;
  out.push(
    `${revenueText(p)} · ${forecastText(p)} · won ${formatNumber(won.base, 2)} → ${formatNumber(won.head, 2)} a week`,
  );
  const payouts = describeProjectedPayoutHeadline(p);
  out.push(`${costText(p)}${payouts === null ? '' : ` · ${payouts}`} · ${describeApprovers(r)}`);
  return out;
}

/** The rows of the flow table: per stage, base → head per week. */
export function projectionRows(p: ProjectionSection): string[][] {
  const pair = (d: ProjectedStage['demandPerWeek']) => `${formatNumber(d.base, 2)} → ${formatNumber(d.head, 2)}`;
  return p.stages.map((s) => [
    s.stage,
    pair(s.demandPerWeek),
    s.arrivalsToPeriodEnd.base === null
      ? NONE
      : `${formatNumber(s.arrivalsToPeriodEnd.base, 0)} → ${formatNumber(s.arrivalsToPeriodEnd.head, 0)}`,
    s.capacityPerWeek.base === null && s.capacityPerWeek.head === null ? 'unbounded' : pair(s.capacityPerWeek),
    pair(s.throughputPerWeek),
    s.queueGrowthPerWeek.head === 0 && s.queueGrowthPerWeek.base === 0 ? 'none' : pair(s.queueGrowthPerWeek),
  ]);
}

export const projectionHeaders = ['stage', 'demand/wk', 'to period end', 'capacity/wk', 'throughput/wk', 'queue +/wk'];

/** The consequence lines under the table: won, revenue, forecast, cost per team, overloaded stages. */
export function projectionSummary(p: ProjectionSection): string[] {
  const out: string[] = [];
  const w = p.wonPerWeek;
  out.push(
    `System throughput: ${formatNumber(w.base, 2)} → ${formatNumber(w.head, 2)} won a week (${w.delta === null ? NONE : signed(w.delta, (x) => formatDecimal(x, 2))})${rangeText(formatNumber(w.headLow, 2), formatNumber(w.headHigh, 2))}.`,
  );
  const rev = p.wonRevenue;
  out.push(
    rev.base === null || rev.head === null
      ? `Won revenue: — (${unknownText[rev.unknown ?? 'not-computed']}).`
      : `Won revenue to the period's end: ${formatMoney(rev.base, p.currency)} → ${formatMoney(rev.head, p.currency)}${rangeText(formatMoney(rev.headLow ?? '', null), formatMoney(rev.headHigh ?? '', null))}.`,
  );
  const g = p.goalForecast;
  if (g.base !== null && g.head !== null)
    out.push(
      `Goal forecast (actual + flow): ${formatMoney(g.base, p.currency)} → ${formatMoney(g.head, p.currency)}; ${forecastText(p).replace(/^flow goal forecast /, '')}.`,
    );
  for (const c of p.costs)
    out.push(
      `Team ${c.team}: headcount ${formatNumber(c.headcount.base, 1)} → ${formatNumber(c.headcount.head, 1)}, ${
        c.perYear === null
          ? `cost — (${unknownText[c.unknown ?? 'no-cost-per-head']})`
          : `${signedMoney(c.perYear, p.currency)} a year, ${c.overHorizon === null ? NONE : signedMoney(c.overHorizon, p.currency)} to the period's end`
      }.`,
    );
  for (const s of p.stages)
    if (s.queueGrowthPerWeek.head !== null && s.queueGrowthPerWeek.head > 0)
      out.push(
        `${s.stage} is overloaded: its queue grows ${formatNumber(s.queueGrowthPerWeek.head, 2)} a week${
          s.undeliveredRevenuePerWeek === null
            ? ''
            : `, won revenue it cannot deliver ${formatMoney(s.undeliveredRevenuePerWeek, p.currency)} a week`
        }.`,
      );
  return out;
}

/** Why the whole projection is missing, in words; null when it was computed. */
export function projectionUnknown(p: ProjectionSection): string | null {
  return p.unknown === null ? null : `No projection: ${unknownText[p.unknown]}.`;
}

/** The projection section for a terminal: plain lines (the caller sanitises the whole output). */
export function renderProjectionLines(
  r: ImpactReport,
  table: (headers: string[], rows: string[][]) => string[],
  wrap: (text: string) => string[],
): string[] {
  const p = r.projection;
  const title = `Projection to won (steady state, ${formatNumber(p.horizonWeeks, 1)} weeks left in the goal period)`;
  const missing = projectionUnknown(p);
  if (missing !== null) return [title, ...wrap(missing)];
  return [
    title,
    ...table(projectionHeaders, projectionRows(p)),
    ...projectionSummary(p).flatMap(wrap),
    ...describeProjectedPayouts(p).flatMap(wrap),
    'Assumptions',
    ...[...describeAssumptions(p), ...describeProjectedPayoutAssumptions(p)].flatMap((a) => wrap(`- ${a}`)),
  ];
}
