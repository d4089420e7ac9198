import { describeWaivedDataIssues } from './waived-data-issues.js';
import { renderCacMarkdown } from './report-cac.js';
import { phraseWarning } from './phrase-warning.js';
import type { Report } from '../core/report/index.js';
import { formatHours, formatMoney, formatNumber, formatPercent, formatRatio } from './figures.js';
import { escapeMarkdown, mermaidLabel, renderMarkdownDetails, renderMarkdownTable } from './markdown-escape.js';
import { describePartialData } from './partial-data.js';
import { summariseReport, targetText } from './report-summary.js';
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
import { renderHistoryMarkdown } from './history-markdown.js';

const e = escapeMarkdown;

function table(model: TableModel): string[] {
  return renderMarkdownTable(model.headers, model.rows, model.align);
}

const details = renderMarkdownDetails;

function headline(report: Report): string[] {
  const c = report.constraint;
  const d = c?.declared ?? null;
  const load = c?.stages.find((s) => s.stage === c.stage);
  const first =
    load === undefined
      ? '**No constraint can be named: no stage has a capacity.**'
      : `**Constraint: ${e(load.stage)} at ${formatRatio(load.utilisation)} utilisation**` +
        (d === null
          ? ''
          : ` (${e(d.goal)} watches ${e(d.stage)} ${e(d.metric)} ${targetText(d.target)}: ${formatNumber(d.value, 2)}, target ${d.isMet === null ? 'not measurable' : d.isMet ? 'met' : 'missed'})`) +
        (c?.agrees === false
          ? ` — the data disagrees with the policy, which names ${e(d?.stage ?? '')}.`
          : c?.agrees === true
            ? ' — the data agrees with the policy.'
            : '');
  const parts: string[] = [];
  if (report.goal !== null)
    parts.push(
      `goal ${formatPercent(report.goal.attainment)} of ${e(formatMoney(report.goal.target, report.goal.currency))}`,
    );
  for (const sla of report.slas) parts.push(`${e(sla.name)} ${formatPercent(sla.compliance)} met`);
  // A payout built on a metric counted as 0 is not a known 0.
  const countsUnknown = (report.comp?.countedAsZero.length ?? 0) > 0;
  for (const t of report.comp?.totals.overall ?? [])
    parts.push(
      `payout ${e(formatMoney(t.total, t.currency))}${countsUnknown ? ` ${e('(unknown metrics counted as 0)')}` : ''}`,
    );
  const partial = describePartialData(report.data);
  return [...(partial === undefined ? [] : [`**⚠ ${e(partial)}.**`, '']), first, parts.join(' · '), ''];
}

function funnelChart(report: Report): string[] {
  const f = report.funnel;
  if (f === null || f.stages.length === 0) return [];
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Arrivals per stage over the window"`,
    `  x-axis [${f.stages.map((s) => `"${mermaidLabel(s.id)}"`).join(', ')}]`,
    '  y-axis "arrivals"',
    `  bar [${f.stages.map((s) => s.arrivals).join(', ')}]`,
    '```',
  ];
}

function constraintChart(report: Report): string[] {
  const c = report.constraint;
  const stage = report.funnel?.stages.find((s) => s.id === c?.stage);
  const load = c?.stages.find((s) => s.stage === c.stage);
  if (stage === undefined || load?.capacityPerWeek == null || report.funnel?.periodUnit !== 'week') return [];
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidLabel(stage.id)}: arrivals per week (bars) vs capacity (line)"`,
    `  x-axis [${stage.periods.map((p) => `"${mermaidLabel(p.period.slice(5))}"`).join(', ')}]`,
    '  y-axis "per week"',
    `  bar [${stage.periods.map((p) => p.arrivals).join(', ')}]`,
    `  line [${stage.periods.map(() => load.capacityPerWeek).join(', ')}]`,
    '```',
  ];
}

function funnelSection(report: Report): string[] {
  const f = report.funnel;
  if (f === null) return [];
  return details(`Funnel (${f.funnel})`, [
    ...table(funnelTable(f)),
    '',
    'Conversion to the next stage: *cohort* = of the arrivals, the share that advanced by as-of; *period* = advanced in the window ÷ arrivals. Time in stage: median and p90 of the items that left in the window; *w/ open* counts open items at their age.',
    '',
    ...funnelChart(report),
  ]);
}

function loadSection(report: Report): string[] {
  const c = report.constraint;
  if (c === null) return [];
  return details('Load per stage (per week)', [
    ...table(loadTable(c)),
    '',
    `◀ marks the constraint. *Little's*: average WIP ÷ (throughput × mean time in stage); ! marks a gap over ${formatPercent(c.littlesLawTolerance, 0)}.`,
    '',
    ...constraintChart(report),
  ]);
}

function slaSection(report: Report): string[] {
  if (report.slas.length === 0) return [];
  const body: string[] = [];
  for (const sla of report.slas) {
    body.push(
      `**${e(sla.name)}**: ${e(sla.from)} → ${e(sla.to)}, business time of ${e(sla.calendar)}; median response ${formatHours(sla.response.medianHours)}, p90 ${formatHours(sla.response.p90Hours)}`,
      '',
    );
    body.push(...table(slaTargetsTable(sla)), '');
    if (sla.byTeam.length > 1) body.push(...table(slaGroupsTable(sla, 'team')), '');
    if (sla.byOwner.length > 0) body.push(...table(slaGroupsTable(sla, 'owner')), '');
  }
  return details('SLAs', body);
}

function compSection(report: Report): string[] {
  const comp = report.comp;
  if (comp === null) return [];
  const body: string[] = [];
  for (const plan of comp.plans) {
    body.push(`**${e(plan.name)}** (${e(plan.team)}, per ${plan.periodUnit}, ${e(plan.currency)})`, '');
    body.push(...table(compPlanTable(plan)), '');
  }
  return details('Comp', body);
}

function classesSection(report: Report): string[] {
  const k = report.classification;
  if (k === null) return [];
  return details(`Lead classes (${k.definition})`, table(classesTable(k)));
}

function dataSection(report: Report): string[] {
  const s = report.stamp;
  return details('Data and reproducibility', [
    ...table(dataTable(report)),
    '',
    ...report.warnings.map((w) => `- ⚠ ${e(phraseWarning(w))}`),
    ...describeWaivedDataIssues(report.data).map((line) => `- ${e(line)}`),
    `revops-policy ${e(s.engineVersion)} · as of ${e(s.asOf)} · policies \`${s.policyHash.slice(0, 12)}\` · data \`${s.dataHash.slice(0, 12)}\``,
  ]);
}

/**
 * The report as GitHub-flavoured markdown: a two-line headline, the summary as a table, then
 * collapsible sections with tables and Mermaid charts. Every string that comes from a policy
 * or the data goes through `escapeMarkdown`.
 */
export function renderReportMarkdown(report: Report): string {
  const summary = summariseReport(report).map((l) => [l.label, l.text]);
  const lines = [
    `### Revenue engine as of ${report.stamp.asOf.slice(0, 10)}`,
    '',
    ...headline(report),
    ...renderMarkdownTable(['', 'summary'], summary, ['left', 'left']),
    '',
    ...funnelSection(report),
    ...loadSection(report),
    ...slaSection(report),
    ...compSection(report),
    ...renderHistoryMarkdown(report),
    ...renderCacMarkdown(report),
    ...classesSection(report),
    ...dataSection(report),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
