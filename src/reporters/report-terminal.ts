import { Decimal } from 'decimal.js';
import { createColors } from 'picocolors';
import type { Report } from '../core/report/index.js';
import { formatCount, formatHours, formatInstant, formatMoney, formatNumber, formatPercent, formatRatio } from './figures.js';
import { summariseReport } from './report-summary.js';
import type { SummaryLine } from './report-summary.js';
import { renderTextTable, wrapText } from './text-table.js';

const WIDTH = 100;
const LABEL_WIDTH = 12;

type Colors = ReturnType<typeof createColors>;

function renderSummary(lines: readonly SummaryLine[], c: Colors): string[] {
  const tone = { good: c.green, bad: c.red, neutral: (s: string) => s };
  return lines.flatMap((line) => {
    const wrapped = wrapText(line.text, WIDTH - LABEL_WIDTH, '');
    return wrapped.map((text, i) => (i === 0 ? c.bold(line.label.toUpperCase().padEnd(LABEL_WIDTH)) : ' '.repeat(LABEL_WIDTH)) + tone[line.tone](text));
  });
}

/** A dim explanatory note, wrapped to the width. */
function note(text: string, c: Colors): string[] {
  return wrapText(text, WIDTH - 2, '  ').map((l, i) => c.dim(i === 0 ? `  ${l}` : l));
}

function section(title: string, c: Colors): string[] {
  return ['', c.bold(title)];
}

function renderClasses(report: Report, c: Colors): string[] {
  const k = report.classification;
  if (k === null) return [];
  const out = [...section(`Lead classes (${k.definition}, ${formatCount(k.leads)} leads)`, c)];
  out.push(...renderTextTable(['class', 'stage', 'leads', 'share'], k.classes.map((r) => [r.class, r.stage ?? '', formatCount(r.count), formatPercent(r.share)]), ['left', 'left', 'right', 'right']));
  for (const m of k.modelledEntries) {
    const not = k.notQualified.find((n) => n.stage === m.stage)?.count ?? 0;
    if (m.count > 0 || not > 0) {
      const text = `${m.stage}: ${formatCount(m.count)} leads qualify under this policy with no time in the CRM (entry from ${m.basis}); ${formatCount(not)} the CRM has in ${m.stage} do not qualify.`;
      out.push(...note(text, c));
    }
  }
  return out;
}

function renderFunnel(report: Report, c: Colors): string[] {
  const f = report.funnel;
  if (f === null) return [];
  const rows = f.stages.map((s) => [
    s.id,
    formatCount(s.arrivals),
    s.terminal === null ? formatCount(s.advanced) : '',
    s.terminal === null ? formatCount(s.dropped) : '',
    s.terminal === null ? formatCount(s.openAtAsOf) : '',
    formatPercent(s.conversionCohort),
    formatPercent(s.conversionPeriod),
    s.terminal === null ? formatHours(s.timeInStageHours.median) : '',
    s.terminal === null ? formatHours(s.timeInStageHours.p90) : '',
    s.terminal === null ? formatHours(s.timeInStageWithOpenHours.median) : '',
  ]);
  return [
    ...section(`Funnel (${f.funnel}), over the window`, c),
    ...renderTextTable(
      ['stage', 'arrivals', 'advanced', 'dropped', 'open now', 'cohort', 'period', 'median', 'p90', 'w/ open'],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    ...note('Conversion to the next stage: cohort = of the arrivals, the share that advanced by as-of; period = next-stage arrivals ÷ arrivals. Time in stage: median and p90 of the items that left in the window; "w/ open" is the median with open items counted at their age.', c),
  ];
}

function renderLoad(report: Report, c: Colors): string[] {
  const k = report.constraint;
  if (k === null) return [];
  const rows = k.stages.map((s) => [
    s.stage === k.stage ? `${s.stage} ◀` : s.stage,
    formatNumber(s.demandPerWeek),
    s.capacityPerWeek === null ? '—' : `${formatNumber(s.capacityPerWeek, 0)} ${s.capacityBasis}`,
    formatRatio(s.utilisation),
    s.peakWeek === null ? '—' : `${formatRatio(s.peakWeekUtilisation)} ${s.peakWeek}`,
    formatNumber(s.queueGrowthPerWeek),
    `${formatCount(s.wipStart)} → ${formatCount(s.wipEnd)}`,
    s.littlesLaw.ratio === null ? '—' : `${formatRatio(s.littlesLaw.ratio)}${s.littlesLaw.isFlagged ? ' !' : ''}`,
  ]);
  return [
    ...section('Load per stage (per week)', c),
    ...renderTextTable(['stage', 'demand', 'capacity', 'util', 'peak week', 'queue +/wk', 'WIP', "Little's"], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']),
    ...note("Little's: average WIP ÷ (throughput × mean time in stage); ! marks a gap over 20 % (not in a steady state).", c),
  ];
}

function renderSlas(report: Report, c: Colors): string[] {
  const out: string[] = [];
  for (const sla of report.slas) {
    out.push(...section(`SLA ${sla.name}: ${sla.from} → ${sla.to} in business time of ${sla.calendar}`, c));
    const rows = sla.targets.map((t) => [t.id, t.within, formatCount(t.eligible), formatCount(t.met), formatCount(t.breached), formatCount(t.pending), formatPercent(t.compliance)]);
    rows.push(['all', '', formatCount(sla.eligible), formatCount(sla.met), formatCount(sla.breached), formatCount(sla.pending), formatPercent(sla.compliance)]);
    out.push(...renderTextTable(['target', 'within', 'eligible', 'met', 'breached', 'pending', 'compliance'], rows, ['left', 'left', 'right', 'right', 'right', 'right', 'right']));
    const escalations = sla.escalations.map((e) => `${formatCount(e.reached)} reached ${e.notify} (after ${e.after})`).join('; ');
    out.push(...wrapText(`response median ${formatHours(sla.response.medianHours)}, p90 ${formatHours(sla.response.p90Hours)}; recycled ${formatCount(sla.recycled)}${escalations === '' ? '' : `; ${escalations}`}`, WIDTH - 2, '  ').map((l, i) => (i === 0 ? `  ${l}` : l)));
    if (sla.untargeted > 0 || sla.invalidOrder > 0) out.push(c.yellow(`  ${formatCount(sla.untargeted)} matched no target; ${formatCount(sla.invalidOrder)} stopped before they started.`));
  }
  return out;
}

function renderComp(report: Report, c: Colors): string[] {
  const comp = report.comp;
  if (comp === null) return [];
  const out: string[] = [];
  for (const plan of comp.plans) {
    out.push(...section(`Comp ${plan.name} (${plan.team}, paid per ${plan.periodUnit}, ${plan.currency})`, c));
    const labels = plan.periods.map((p) => (p.covered < 1 ? `${p.label}*` : p.label));
    const rows = plan.people.map((person) => [
      person.name === null ? person.id : `${person.id} ${person.name}`,
      ...plan.periods.map((p) => {
        const line = person.periods.find((x) => x.period === p.label);
        return line === undefined ? '' : formatMoney(line.total, null);
      }),
      formatMoney(person.periods.reduce((sum, p) => sum.plus(p.total), new Decimal(0)).toFixed(2), null),
    ]);
    rows.push(['total', ...plan.totals.periods.map((p) => formatMoney(p.total, null)), formatMoney(plan.totals.total, null)]);
    out.push(...renderTextTable(['person', ...labels, 'total'], rows, ['left', ...labels.map(() => 'right' as const), 'right']));
    if (plan.periods.some((p) => p.covered < 1)) out.push(...note('* period only partly inside the window; targets are not reduced for it.', c));
  }
  return out;
}

function renderDeals(report: Report, c: Colors): string[] {
  const d = report.deals;
  const line =
    `${formatCount(d.total)} deals: ${formatCount(d.open)} open, ${formatCount(d.won)} won (${formatMoney(d.wonAmount, d.currency)}), ${formatCount(d.lost)} lost; ` +
    `win rate ${formatPercent(d.winRate)}, average won ${d.averageWonAmount === null ? '—' : formatMoney(d.averageWonAmount, d.currency)}, ` +
    `won in ${formatNumber(d.cycleDays.won.median)} days (median); open deals' median age ${formatNumber(d.openAgeDays.median)} days, ${formatCount(d.openAgeDays.over90)} over 90.`;
  return [...section('Deals', c), ...wrapText(line, WIDTH - 2, '  ').map((l, i) => (i === 0 ? `  ${l}` : l))];
}

function renderData(report: Report, c: Colors): string[] {
  const out = [...section('Data', c)];
  const rows = report.data.files.map((f) => [f.file, f.entity, formatCount(f.rowsRead), formatCount(f.rowsEvaluated), formatCount(f.rowsRejected), f.status]);
  out.push(...renderTextTable(['file', 'entity', 'read', 'evaluated', 'rejected', 'status'], rows, ['left', 'left', 'right', 'right', 'right', 'left']));
  for (const issue of report.data.issues.slice(0, 5)) out.push(c.yellow(`  ${issue.file}:${issue.line}${issue.column > 0 ? `:${issue.column}` : ''} ${issue.message}`));
  const more = report.data.totals.issueCount - Math.min(5, report.data.issues.length);
  if (more > 0) out.push(c.dim(`  … and ${formatCount(more)} more data issues (see --format json).`));
  for (const warning of report.warnings) out.push(...wrapText(`! ${warning}`, WIDTH - 2, '    ').map((l, i) => c.yellow(i === 0 ? `  ${l}` : l)));
  return out;
}

/** The report for a terminal, at most 100 columns: a one-screen summary first, then each section. */
export function renderReportTerminal(report: Report, options: { color: boolean }): string {
  const c = createColors(options.color);
  const s = report.stamp;
  const head = [
    c.bold(`revops evaluate · as of ${formatInstant(s.asOf)}${s.asOfSource === 'data' ? ' (the latest timestamp in the data)' : ''}`),
    c.dim(`window ${report.window.start.slice(0, 10)} → ${report.window.end.slice(0, 10)} (${formatNumber(report.window.weeks)} weeks), periods in ${report.window.timeZone}${report.isMasked ? ', identifiers masked' : ''}`),
    '',
  ];
  const body = [
    ...renderSummary(summariseReport(report), c),
    ...renderClasses(report, c),
    ...renderFunnel(report, c),
    ...renderLoad(report, c),
    ...renderSlas(report, c),
    ...renderComp(report, c),
    ...renderDeals(report, c),
    ...renderData(report, c),
    '',
    c.dim(`revops-policy ${s.engineVersion} · policies ${s.policyHash.slice(0, 12)} · data ${s.dataHash.slice(0, 12)}`),
  ];
  return `${[...head, ...body].join('\n')}\n`;
}
