import { phraseWaiver } from './phrase-waiver.js';
import { describeWaivedDataIssues } from './waived-data-issues.js';
import { phraseWarning } from './phrase-warning.js';
import { renderCacTerminal } from './report-cac.js';
import { createColors } from 'picocolors';
import type { Report } from '../core/report/index.js';
import { formatCount, formatHours, formatInstant, formatMoney, formatNumber, formatPercent } from './figures.js';
import { summariseReport } from './report-summary.js';
import {
  classesTable,
  compPlanTable,
  dataTable,
  funnelTable,
  loadTable,
  slaGroupsTable,
  slaTargetsTable,
} from './report-tables.js';
import type { TableModel } from './report-tables.js';
import type { SummaryLine } from './report-summary.js';
import { terminalOutput, terminalText as t } from './sanitize.js';
import { renderTextTable, wrapText } from './text-table.js';
import { describeUnknown } from './unknown-reasons.js';
import { renderHistoryTerminal } from './history-terminal.js';

const WIDTH = 100;
const LABEL_WIDTH = 12;

type Colors = ReturnType<typeof createColors>;

function renderSummary(lines: readonly SummaryLine[], c: Colors): string[] {
  const tone = { good: c.green, bad: c.red, neutral: (s: string) => s };
  return lines.flatMap((line) => {
    const wrapped = wrapText(line.text, WIDTH - LABEL_WIDTH, '');
    return wrapped.map(
      (text, i) =>
        (i === 0 ? c.bold(line.label.toUpperCase().padEnd(LABEL_WIDTH)) : ' '.repeat(LABEL_WIDTH)) +
        tone[line.tone](text),
    );
  });
}

function table(model: TableModel): string[] {
  return renderTextTable(model.headers, model.rows, model.align);
}

/** A dim explanatory note, wrapped to the width. */
function note(text: string, c: Colors): string[] {
  return wrapText(text, WIDTH - 2, '  ').map((l, i) => c.dim(i === 0 ? `  ${l}` : l));
}

function section(title: string, c: Colors): string[] {
  return ['', c.bold(t(title))];
}

function renderClasses(report: Report, c: Colors): string[] {
  const k = report.classification;
  if (k === null) return [];
  const out = [...section(`Lead classes (${k.definition}, ${formatCount(k.leads)} leads)`, c)];
  out.push(...table(classesTable(k)));
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
  return [
    ...section(`Funnel (${f.funnel}), over the window`, c),
    ...table(funnelTable(f)),
    ...note(
      'Conversion to the next stage: cohort = of the arrivals, the share that advanced by as-of; period = advanced in the window ÷ arrivals. Time in stage: median and p90 of the items that left in the window; "w/ open" is the median with open items counted at their age.',
      c,
    ),
  ];
}

function renderLoad(report: Report, c: Colors): string[] {
  const k = report.constraint;
  if (k === null) return [];
  return [
    ...section('Load per stage (per week)', c),
    ...table(loadTable(k)),
    ...note(
      `Little's: average WIP ÷ (throughput × mean time in stage); ! marks a gap over ${formatPercent(k.littlesLawTolerance, 0)} (not in a steady state).`,
      c,
    ),
  ];
}

function renderSlas(report: Report, c: Colors): string[] {
  const out: string[] = [];
  for (const sla of report.slas) {
    out.push(...section(`SLA ${sla.name}: ${sla.from} → ${sla.to} in business time of ${sla.calendar}`, c));
    out.push(...table(slaTargetsTable(sla)));
    const escalations = sla.escalations
      .map((e) => `${formatCount(e.reached)} reached ${e.notify} (after ${e.after})`)
      .join('; ');
    out.push(
      ...wrapText(
        `response median ${formatHours(sla.response.medianHours)}, p90 ${formatHours(sla.response.p90Hours)}; recycled ${formatCount(sla.recycled)}${escalations === '' ? '' : `; ${escalations}`}`,
        WIDTH - 2,
        '  ',
      ).map((l, i) => (i === 0 ? `  ${l}` : l)),
    );
    if (sla.untargeted > 0 || sla.invalidOrder > 0)
      out.push(
        c.yellow(
          `  ${formatCount(sla.untargeted)} matched no target; ${formatCount(sla.invalidOrder)} stopped before they started.`,
        ),
      );
    if (sla.byTeam.length > 1) out.push('', ...table(slaGroupsTable(sla, 'team')));
    if (sla.byOwner.length > 0) out.push('', ...table(slaGroupsTable(sla, 'owner')));
  }
  return out;
}

function renderComp(report: Report, c: Colors): string[] {
  const comp = report.comp;
  if (comp === null) return [];
  const out: string[] = [];
  for (const plan of comp.plans) {
    out.push(...section(`Comp ${plan.name} (${plan.team}, paid per ${plan.periodUnit}, ${plan.currency})`, c));
    out.push(...table(compPlanTable(plan)));
    if (plan.periods.some((p) => p.covered < 1))
      out.push(...note('* period only partly inside the window; targets are not reduced for it.', c));
  }
  return out;
}

function renderDeals(report: Report, c: Colors): string[] {
  const d = report.deals;
  const line =
    `${formatCount(d.total)} deals: ${formatCount(d.open)} open, ${formatCount(d.won)} won (${d.wonAmount === null ? `amount —: ${d.amountUnknown === null ? 'unknown' : describeUnknown(d.amountUnknown)}` : formatMoney(d.wonAmount, d.currency)}), ${formatCount(d.lost)} lost; ` +
    `win rate ${formatPercent(d.winRate)}, average won ${d.averageWonAmount === null ? '—' : formatMoney(d.averageWonAmount, d.currency)}, ` +
    `won in ${formatNumber(d.cycleDays.won.median)} days (median); open deals' median age ${formatNumber(d.openAgeDays.median)} days, ${formatCount(d.openAgeDays.over90)} over 90.`;
  return [...section('Deals', c), ...wrapText(line, WIDTH - 2, '  ').map((l, i) => (i === 0 ? `  ${l}` : l))];
}

function renderData(report: Report, c: Colors): string[] {
  const out = [...section('Data', c)];
  out.push(...table(dataTable(report)));
  for (const issue of report.data.issues.slice(0, 5))
    out.push(
      (issue.waiver === undefined ? c.yellow : c.dim)(
        `  ${t(issue.file)}:${issue.line}${issue.column > 0 ? `:${issue.column}` : ''} ${t(issue.message)}${issue.waiver === undefined ? '' : ` — ${t(phraseWaiver(issue.waiver))}`}`,
      ),
    );
  for (const line of describeWaivedDataIssues(report.data)) out.push(c.dim(`  ${t(line)}`));
  const count = report.data.totals.issueCount;
  if (count > Math.min(5, report.data.issues.length))
    out.push(c.dim(`  … ${formatCount(count)} data issues in all (see --format json).`));
  for (const warning of report.warnings)
    out.push(
      ...wrapText(`! ${t(phraseWarning(warning))}`, WIDTH - 2, '    ').map((l, i) => c.yellow(i === 0 ? `  ${l}` : l)),
    );
  return out;
}

/** The report for a terminal, at most 100 columns: a one-screen summary first, then each section. */
export function renderReportTerminal(report: Report, options: { color: boolean }): string {
  const c = createColors(options.color);
  const s = report.stamp;
  const head = [
    c.bold(
      `revops evaluate · as of ${formatInstant(s.asOf)}${s.asOfSource === 'data' ? ' (the latest timestamp in the data)' : ''}`,
    ),
    c.dim(
      `window ${report.window.start.slice(0, 10)} → ${report.window.end.slice(0, 10)} (${formatNumber(report.window.weeks)} weeks), periods in ${t(report.window.timeZone)}${report.isMasked ? ', identifiers masked' : ''}`,
    ),
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
    ...renderHistoryTerminal(report, c),
    ...renderCacTerminal(report, c),
    ...renderData(report, c),
    '',
    c.dim(
      `revops-policy ${t(s.engineVersion)} · policies ${s.policyHash.slice(0, 12)} · data ${s.dataHash.slice(0, 12)}`,
    ),
  ];
  return terminalOutput(`${[...head, ...body].join('\n')}\n`);
}
