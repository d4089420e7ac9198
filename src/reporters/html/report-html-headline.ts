import type { Report } from '../../core/report/index.js';
import { describePartialData } from '../partial-data.js';
import { escapeHtml } from '../sanitize.js';
import { renderFigure } from './figure.js';
import { countFigure, moneyFigure, numberFigure, percentFigure, ratioFigure } from './figure-builders.js';
import { labelText } from './html-table.js';
import { nameStage } from './report-html-funnel.js';
import { goalAmount, whyGoalUnknown } from './report-html-goal.js';

const f = renderFigure;

function constraintLines(report: Report): string[] {
  const c = report.constraint;
  if (c === null) return [];
  const j = c.stages.findIndex((s) => s.stage === c.stage);
  const load = c.stages[j];
  const lines: string[] = [];
  if (load !== undefined) {
    const at = `constraint.stages[${j}]`;
    const peak =
      load.peakWeek === null
        ? ''
        : `; busiest week ${labelText(load.peakWeek)} at ${f(ratioFigure(`${at}.peakWeekUtilisation`, load.peakWeekUtilisation))}`;
    lines.push(
      `<strong>Constraint: ${labelText(nameStage(report, load.stage))}</strong> — utilisation ` +
        `${f(ratioFigure(`${at}.utilisation`, load.utilisation, 'no capacity'))}: ` +
        `${f(numberFigure(`${at}.demandPerWeek`, load.demandPerWeek, 1))} arrivals a week against a capacity of ` +
        `${f(numberFigure(`${at}.capacityPerWeek`, load.capacityPerWeek, Number.isInteger(load.capacityPerWeek) ? 0 : 1))}${peak}.` +
        (load.isOverCapacity === true ? ' It receives more than it can handle.' : ''),
    );
  } else if (c.ratesUnknown !== null) {
    lines.push(
      `<strong>Constraint:</strong> none can be named — the window is ` +
        `${f(numberFigure('constraint.ratesUnknown.windowDays', c.ratesUnknown.windowDays, 2))} days long and a weekly rate needs ` +
        `${f(countFigure('constraint.ratesUnknown.minimumWeeks', c.ratesUnknown.minimumWeeks))} weeks of it.`,
    );
  } else {
    lines.push('<strong>Constraint:</strong> none can be named — no stage has a capacity.');
  }
  const d = c.declared;
  if (d !== null) {
    const side = d.target.max !== undefined ? 'max' : 'min';
    const bound = d.target[side] ?? null;
    const digits = ['utilisation', 'conversion_rate', 'sla_compliance'].includes(d.metric) ? 2 : 1;
    const verdict = d.isMet === null ? 'it cannot be measured' : d.isMet ? 'target met' : 'target missed';
    const agreement =
      c.agrees === null ? '' : c.agrees ? ' The data agrees.' : ` The data disagrees: the constraint is elsewhere.`;
    lines.push(
      `<strong>Policy:</strong> ${labelText(d.goal)} wants ${labelText(nameStage(report, d.stage))} ${escapeHtml(d.metric)} ` +
        `${side === 'max' ? 'at most' : 'at least'} ${f(numberFigure(`constraint.declared.target.${side}`, bound, digits))}: ` +
        `${f(numberFigure('constraint.declared.value', d.value, digits, 'not measurable'))}, ${verdict}.${agreement}`,
    );
  }
  return lines;
}

function goalLine(report: Report): string[] {
  const g = report.goal;
  if (g === null) return [];
  const why = whyGoalUnknown(g);
  const forecast =
    g.forecast.projected === null
      ? ''
      : `; at the current velocity ${f(goalAmount(g, 'goal.forecast.projected', g.forecast.projected))} ` +
        `(${f(percentFigure('goal.forecast.projectedAttainment', g.forecast.projectedAttainment))}) by ${labelText(g.period.end)}`;
  return [
    `<strong>Goal:</strong> ${f(goalAmount(g, 'goal.actual', g.actual, why))} of ${f(goalAmount(g, 'goal.target', g.target))} ` +
      `(${f(percentFigure('goal.attainment', g.attainment, why))}) with ${f(percentFigure('goal.elapsed', g.elapsed))} of the period gone${forecast}.`,
  ];
}

function payoutLine(report: Report): string[] {
  const comp = report.comp;
  if (comp === null) return [];
  const overall = comp.totals.overall.map((t, i) =>
    f(moneyFigure(`comp.totals.overall[${i}].total`, t.total, t.currency)),
  );
  const plans = comp.totals.byPlan.map(
    (p, i) => `${labelText(p.plan)} ${f(moneyFigure(`comp.totals.byPlan[${i}].total`, p.total, p.currency))}`,
  );
  const caveat =
    comp.countedAsZero.length === 0 ? '' : ' <span class="alert">Some metrics were unknown and counted as zero.</span>';
  return [
    `<strong>Payout:</strong> ${overall.join(' + ') || 'nothing'} across the plans (${plans.join(' · ')}).${caveat}`,
  ];
}

function slaLines(report: Report): string[] {
  return report.slas.map((s, i) => {
    const target =
      s.complianceTarget === null
        ? ''
        : ` against a target of ${f(percentFigure(`slas[${i}].complianceTarget`, s.complianceTarget))}`;
    return (
      `<strong>SLA ${labelText(s.name)}:</strong> ${f(percentFigure(`slas[${i}].compliance`, s.compliance, 'no item decided'))} met${target} ` +
      `(${f(countFigure(`slas[${i}].met`, s.met))} of ${f(countFigure(`slas[${i}].decided`, s.decided))} decided).`
    );
  });
}

function dataLine(report: Report): string {
  const t = report.data.totals;
  const warned = report.warnings.length + report.policies.warnings.length > 0 ? ' See the warnings at the end.' : '';
  return (
    `<strong>Data:</strong> ${f(countFigure('data.totals.rowsRead', t.rowsRead))} rows read, ` +
    `${f(countFigure('data.totals.rowsEvaluated', t.rowsEvaluated))} evaluated, ` +
    `${f(countFigure('data.totals.rowsRejected', t.rowsRejected))} rejected.${warned}`
  );
}

/**
 * The headline, in the order a revenue leader reads it: a partial run first, then where the
 * constraint is and whether the policy agrees, the goal, the payout, the SLAs and the data.
 */
export function renderReportHeadline(report: Report): string[] {
  const partial = describePartialData(report.data);
  return [
    ...(partial === undefined ? [] : [`<strong class="alert">Partial run.</strong> ${labelText(`${partial}.`)}`]),
    ...constraintLines(report),
    ...goalLine(report),
    ...payoutLine(report),
    ...slaLines(report),
    dataLine(report),
  ];
}
