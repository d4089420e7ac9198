import type { GuardrailResult, ImpactReport } from '../../core/report/impact.js';
import { needsApproval } from '../../core/waivers/guardrail-waivers.js';
import { describePayoutReason, partLabel } from '../impact-payout-text.js';
import { selectSlaShifts } from '../impact-headline.js';
import { floorText, unknownText } from '../impact-projection.js';
import { joinNames } from '../phrase-guardrail.js';
import type { HtmlFigure } from './figure.js';
import {
  countFigure,
  label,
  moneyChangeFigure,
  moneyFigure,
  numberFigure,
  percentChangeFigure,
  percentFigure,
  ratioFigure,
  show,
} from './impact-html-figures.js';

/**
 * The headline a CFO reads in a minute: what the change is, what it does to won revenue given the
 * constraint, what it costs, where the constraint goes, and whose approval the merge needs. HTML,
 * every number a figure of the JSON report.
 */

/** `a → b` with the change and, when the range is wider than one value, its low and high. */
function range(low: HtmlFigure, high: HtmlFigure, lowValue: unknown, highValue: unknown): string {
  return lowValue === highValue ? '' : `; range ${show(low)} to ${show(high)}`;
}

/** A declared target, `≤ 0.85` or `≥ 0.9`, as a figure. */
export function targetHtml(path: string, target: { max?: number; min?: number }): string {
  return target.max !== undefined
    ? `≤ ${show(ratioFigure(`${path}.max`, target.max))}`
    : `≥ ${show(ratioFigure(`${path}.min`, target.min ?? null))}`;
}

function changeLine(r: ImpactReport): string | null {
  const first = r.policyChanges[0];
  if (first === undefined) return null;
  const x = first.changes[0];
  const value = (v: unknown, path: string) =>
    typeof v === 'number'
      ? show(numberFigure(path, v, Number.isInteger(v) ? 0 : 2))
      : label(v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  const what =
    x === undefined
      ? `${label(first.kind)} ${label(first.name)} ${label(first.change)}`
      : `${label(first.kind)} ${label(first.name)}: ${label(x.path)} ${value(x.before, 'policyChanges[0].changes[0].before')} → ${value(x.after, 'policyChanges[0].changes[0].after')}`;
  const more = r.policyChanges.reduce((n, c) => n + c.changes.length, 0) > 1 ? ' (and more, listed below)' : '';
  return `<strong>The change</strong> ${what}${more}.`;
}

function revenueLine(r: ImpactReport): string {
  const p = r.projection;
  const w = p.wonRevenue;
  const at = p.entryStage === null ? '' : ` at ${label(r.constraint.stage.head ?? r.constraint.stage.base ?? '—')}`;
  const why = unknownText[w.unknown ?? 'not-computed'];
  const currency = p.currency === null ? '' : ` ${label(p.currency)}`;
  const a = p.goalForecast.attainment;
  const forecast =
    a.base === null && a.head === null
      ? ''
      : ` Goal forecast (flow projection) ${show(percentFigure('projection.goalForecast.attainment.base', a.base, why))} → ${show(percentFigure('projection.goalForecast.attainment.head', a.head, why))} of target${range(percentFigure('projection.goalForecast.attainment.headLow', a.headLow), percentFigure('projection.goalForecast.attainment.headHigh', a.headHigh), a.headLow, a.headHigh).replace('; range', ', range')}.`;
  return (
    `<strong>Won revenue</strong> to the goal period's end, given the constraint${at}: ` +
    `${show(moneyFigure('projection.wonRevenue.base', w.base, why))} → ${show(moneyFigure('projection.wonRevenue.head', w.head, why))}${currency} ` +
    `(${show(moneyChangeFigure('projection.wonRevenue.delta', w.delta, why))}${range(moneyChangeFigure('projection.wonRevenue.deltaLow', w.deltaLow), moneyChangeFigure('projection.wonRevenue.deltaHigh', w.deltaHigh), w.deltaLow, w.deltaHigh)}) ` +
    `over the ${show(numberFigure('projection.horizonWeeks', p.horizonWeeks, 1, 'no goal period'))} weeks left` +
    `${floorText(p, { count: (n) => show(countFigure('projection.marginalLeads.added', n)), stage: label })}.${forecast}`
  );
}

/**
 * The projected part that moves most, with why, as the terminal phrases it
 * (`marketing-revenue (won_amount) −38,030.49 (gate … fails under the head: …)`).
 */
function biggestPartChange(r: ImpactReport): string | null {
  let best: { i: number; j: number; size: number } | null = null;
  r.projection.payouts.plans.forEach((p, i) =>
    p.payout?.parts.forEach((x, j) => {
      const size = Math.abs(Number(x.payout.delta));
      if (size > 0 && (best === null || size > best.size)) best = { i, j, size };
    }),
  );
  if (best === null) return null;
  const { i, j } = best;
  const plan = r.projection.payouts.plans[i];
  const part = plan?.payout?.parts[j];
  if (plan === undefined || part === undefined) return null;
  const at = `projection.payouts.plans[${i}].payout.parts[${j}].payout.delta`;
  const why = part.reasons.map((s) => label(describePayoutReason(s))).join('; ');
  return `largest change: ${label(plan.plan)} · ${label(partLabel(part))} ${show(moneyChangeFigure(at, part.payout.delta))}${why === '' ? '' : ` (${why})`}`;
}

function costLine(r: ImpactReport): string {
  const p = r.projection;
  const parts: string[] = [];
  if (p.costs.length === 0) parts.push('no headcount change');
  else {
    const why = unknownText[p.costs.find((c) => c.unknown !== null)?.unknown ?? 'no-cost-per-head'];
    parts.push(`headcount ${show(moneyChangeFigure('projection.totalCost', p.totalCost, why))} to the period's end`);
  }
  p.payouts.totals.forEach((t, i) => {
    const at = `projection.payouts.totals[${i}]`;
    const why = 'a plan cannot be projected';
    parts.push(
      `projected payouts ${show(moneyFigure(`${at}.base`, t.base, why))} → ${show(moneyFigure(`${at}.head`, t.head, why))} ${label(t.currency)} ` +
        `(${show(moneyChangeFigure(`${at}.delta`, t.delta, why))}${range(moneyChangeFigure(`${at}.deltaLow`, t.deltaLow), moneyChangeFigure(`${at}.deltaHigh`, t.deltaHigh), t.deltaLow, t.deltaHigh)})`,
    );
  });
  const biggest = biggestPartChange(r);
  if (biggest !== null) parts.push(biggest);
  r.comp.total.forEach((t, i) =>
    parts.push(
      `payouts to as-of, replayed ${show(moneyChangeFigure(`comp.total[${i}].delta`, t.delta))} ${label(t.currency)} (${show(percentChangeFigure(`comp.total[${i}].deltaPct`, t.deltaPct))})`,
    ),
  );
  return `<strong>What it costs</strong> ${parts.join('; ')}.`;
}

function constraintLine(r: ImpactReport): string {
  const c = r.constraint;
  const u = `utilisation ${show(ratioFigure('constraint.utilisation.base', c.utilisation.base))} → ${show(ratioFigure('constraint.utilisation.head', c.utilisation.head))}`;
  const where = c.isMoved
    ? `moves from ${label(c.stage.base ?? 'none')} to ${label(c.stage.head ?? 'none')}`
    : `stays at ${label(c.stage.head ?? c.stage.base ?? 'no stage')}`;
  const crossed =
    c.crossesCapacity === 'over'
      ? ' — <strong class="bad">over capacity</strong>'
      : c.crossesCapacity === 'under'
        ? ' — back within capacity'
        : '';
  const head = c.declared?.head;
  const target =
    head === null || head === undefined
      ? ''
      : ` (declared target ${targetHtml('constraint.declared.head.target', head.target)})`;
  return `<strong>The constraint</strong> ${where}: ${u}${crossed}${target}.`;
}

/** One line per SLA whose modelled compliance changes or whose queue grows every week, as the terminal says it. */
function slaLines(r: ImpactReport): string[] {
  return selectSlaShifts(r).map(({ sla, index, shift }) =>
    shift === 'modelled'
      ? `<strong>SLA</strong> ${label(sla.name)} ${show(percentFigure(`slas[${index}].replayed.base`, sla.replayed.base))} → ${show(percentFigure(`slas[${index}].modelled`, sla.modelled))} modelled.`
      : `<strong>SLA</strong> ${label(sla.name)}: queue grows every week.`,
  );
}

/** Who must approve a guardrail, in words, each approver a label and a count a figure. */
export function approversHtml(g: GuardrailResult, index: number): string {
  const a = g.approvers;
  const all = [...a.users, ...a.teams].map(label);
  if (all.length === 0) return 'nobody (no approver is listed)';
  if (a.requires === 'all') return all.length === 1 ? (all[0] ?? '') : `all of ${joinNames(all, 'and')}`;
  if (a.minApprovals <= 1) return all.length === 1 ? (all[0] ?? '') : `any one of ${joinNames(all, 'or')}`;
  return `${show(countFigure(`guardrails[${index}].approvers.minApprovals`, a.minApprovals))} of ${joinNames(all, 'or')}`;
}

function approvalLine(r: ImpactReport): string {
  const needed = r.guardrails.map((g, i) => ({ g, i })).filter(({ g }) => needsApproval(g));
  if (needed.length === 0)
    return r.guardrails.some((g) => g.isCrossed)
      ? '<strong>Approval</strong> none needed: the crossed guardrails are waived on the base branch.'
      : '<strong>Approval</strong> none needed: no guardrail is crossed.';
  const who = needed.map(({ g, i }) => `${approversHtml(g, i)} (${label(g.id)})`).join('; ');
  return `<strong class="bad">Approval required</strong> before merging, from ${who}.`;
}

/** The headline lines, in the order a reader needs them. */
export function renderImpactHeadline(r: ImpactReport): string[] {
  if (!r.hasChanges && !r.inputs.isChanged)
    return [
      'The policies mean the same before and after this change (formatting and comments aside); nothing to approve.',
    ];
  const change = changeLine(r);
  return [
    ...(change === null ? [] : [change]),
    revenueLine(r),
    costLine(r),
    constraintLine(r),
    ...slaLines(r),
    approvalLine(r),
  ];
}
