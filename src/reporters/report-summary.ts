import type { Report, StageLoad } from '../core/report/index.js';
import { describePartialData } from './partial-data.js';
import { formatCount, formatHours, formatMoney, formatNumber, formatPercent, formatRatio, plural } from './figures.js';
import { figureOrUnknown } from './unknown-reasons.js';

/** One labelled fact of the summary; `tone` lets a renderer colour it. */
export interface SummaryLine {
  label: 'Partial' | 'Constraint' | 'Policy' | 'Goal' | 'SLA' | 'Payout' | 'Data';
  text: string;
  tone: 'good' | 'bad' | 'neutral';
}

function stageName(report: Report, id: string): string {
  const stage = report.funnel?.stages.find((s) => s.id === id);
  return stage === undefined || stage.name === id ? id : `${id} (${stage.name})`;
}

function describeLoad(load: StageLoad): string {
  const capacity =
    load.capacityPerWeek === null
      ? 'no capacity'
      : `a capacity of ${formatNumber(load.capacityPerWeek, 0)} (${load.capacityBasis})`;
  const peak = load.peakWeek === null ? '' : `, peak ${formatRatio(load.peakWeekUtilisation)} in ${load.peakWeek}`;
  const queue =
    load.queueGrowthPerWeek !== null && load.queueGrowthPerWeek > 0
      ? `; its queue grows by ${formatNumber(load.queueGrowthPerWeek)} a week`
      : '';
  return `${formatNumber(load.demandPerWeek)} arrivals a week against ${capacity}: utilisation ${formatRatio(load.utilisation)}${peak}${queue}`;
}

/** A constraint target as `≤ 0.85` or `≥ 0.9`. */
export function targetText(target: { max?: number; min?: number }): string {
  if (target.max !== undefined) return `≤ ${target.max}`;
  return target.min !== undefined ? `≥ ${target.min}` : '— (no target)';
}

/**
 * The facts a revenue leader reads first, as plain text (renderers add colour or escape
 * them): where the constraint is and why, whether the policy names the same stage and meets
 * its target, the goal, SLA compliance, the payout and what was read.
 */
export function summariseReport(report: Report): SummaryLine[] {
  const lines: SummaryLine[] = [];
  const partial = describePartialData(report.data);
  if (partial !== undefined) lines.push({ label: 'Partial', text: `${partial}.`, tone: 'bad' });
  const c = report.constraint;
  if (c !== null) {
    const load = c.stages.find((s) => s.stage === c.stage);
    const runnerUp = c.stages.find((s) => s.stage === c.runnerUp);
    if (load !== undefined) {
      const next = runnerUp === undefined ? '' : `. Next: ${runnerUp.stage} at ${formatRatio(runnerUp.utilisation)}`;
      lines.push({
        label: 'Constraint',
        text: `${stageName(report, load.stage)}: ${describeLoad(load)}${next}.`,
        tone: load.isOverCapacity === true ? 'bad' : 'neutral',
      });
    } else if (c.ratesUnknown !== null) {
      const days = formatNumber(c.ratesUnknown.windowDays, 2);
      lines.push({
        label: 'Constraint',
        text: `None can be named: the window is ${days} days long, and a rate per week needs at least ${plural(c.ratesUnknown.minimumWeeks, 'week')} of it (pass an earlier --from or a later --as-of).`,
        tone: 'neutral',
      });
    } else {
      lines.push({
        label: 'Constraint',
        text: 'No stage has a capacity (declared or observed), so none can be named.',
        tone: 'neutral',
      });
    }
    const d = c.declared;
    if (d !== null) {
      const verdict = d.isMet === null ? 'cannot be measured' : d.isMet ? 'target met' : 'target missed';
      const agreement =
        c.agrees === null
          ? ''
          : c.agrees
            ? ' The data agrees.'
            : ` The data disagrees: the constraint is at ${c.stage}.`;
      lines.push({
        label: 'Policy',
        text: `${d.goal} watches ${d.stage} ${d.metric} ${targetText(d.target)}: ${formatNumber(d.value, d.metric === 'utilisation' || d.metric === 'conversion_rate' || d.metric === 'sla_compliance' ? 2 : 1)}, ${verdict}.${agreement}`,
        tone: d.isMet === false || c.agrees === false ? 'bad' : d.isMet === true ? 'good' : 'neutral',
      });
    }
  }
  const g = report.goal;
  if (g !== null) {
    const money =
      g.metric === 'won_deals' ? (v: string) => formatCount(Number(v)) : (v: string) => formatMoney(v, g.currency);
    const forecast =
      g.forecast.projected === null
        ? ''
        : `; velocity forecasts ${money(g.forecast.projected)} (${formatPercent(g.forecast.projectedAttainment)}) by ${g.period.end}`;
    lines.push({
      label: 'Goal',
      text: `${g.name}: ${figureOrUnknown(g.actual, money, g.unknown)} of ${money(g.target)} (${formatPercent(g.attainment)}) with ${formatPercent(g.elapsed)} of the period gone${forecast}.`,
      tone: g.isOnPace === true ? 'good' : 'neutral',
    });
  }
  for (const sla of report.slas) {
    lines.push({
      label: 'SLA',
      text: `${sla.name}: ${formatPercent(sla.compliance)} met${sla.complianceTarget === null ? '' : ` against a target of ${formatPercent(sla.complianceTarget)}`} (${formatCount(sla.met)} of ${formatCount(sla.decided)} decided, ${formatCount(sla.pending)} pending); median response ${formatHours(sla.response.medianHours)} of business time.`,
      tone: sla.isComplianceMet === false ? 'bad' : 'neutral',
    });
  }
  const comp = report.comp;
  if (comp !== null) {
    const overall = comp.totals.overall.map((t) => formatMoney(t.total, t.currency)).join(' + ') || '0';
    const plans = comp.totals.byPlan.map((p) => `${p.plan} ${formatMoney(p.total, null)}`).join(' · ');
    const unknown = comp.countedAsZero;
    const caveat = unknown.length === 0 ? '' : ` Unknown, counted as 0: ${unknown.join(', ')} (see the warnings).`;
    lines.push({
      label: 'Payout',
      text: `${overall} across ${plural(comp.plans.length, 'plan')} (${plans}).${caveat}`,
      tone: unknown.length === 0 ? 'neutral' : 'bad',
    });
  }
  const t = report.data.totals;
  lines.push({
    label: 'Data',
    text: `${plural(report.data.files.length, 'file')}: ${formatCount(t.rowsRead)} rows read, ${formatCount(t.rowsEvaluated)} evaluated, ${formatCount(t.rowsRejected)} rejected.`,
    tone: t.rowsRejected > 0 ? 'bad' : 'neutral',
  });
  return lines;
}
