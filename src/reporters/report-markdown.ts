import { Decimal } from 'decimal.js';
import type { Report } from '../core/report/index.js';
import { formatCount, formatHours, formatMoney, formatNumber, formatPercent, formatRatio } from './figures.js';
import { escapeMarkdown, mermaidLabel, renderMarkdownTable } from './markdown-escape.js';
import { summariseReport } from './report-summary.js';

const e = escapeMarkdown;

function details(summary: string, body: readonly string[]): string[] {
  return ['<details>', `<summary>${e(summary)}</summary>`, '', ...body, '', '</details>', ''];
}

function headline(report: Report): string[] {
  const c = report.constraint;
  const d = c?.declared ?? null;
  const load = c?.stages.find((s) => s.stage === c.stage);
  const first =
    load === undefined
      ? '**No constraint can be named: no stage has a capacity.**'
      : `**Constraint: ${e(load.stage)} at ${formatRatio(load.utilisation)} utilisation**` +
        (d === null ? '' : ` (${e(d.goal)} watches ${e(d.stage)} ${e(d.metric)}: ${formatNumber(d.value, 2)}, target ${d.isMet === null ? 'not measurable' : d.isMet ? 'met' : 'missed'})`) +
        (c?.agrees === false ? ` — the data disagrees with the policy, which names ${e(d?.stage ?? '')}.` : c?.agrees === true ? ' — the data agrees with the policy.' : '');
  const parts: string[] = [];
  if (report.goal !== null) parts.push(`goal ${formatPercent(report.goal.attainment)} of ${e(formatMoney(report.goal.target, report.goal.currency))}`);
  for (const sla of report.slas) parts.push(`${e(sla.name)} ${formatPercent(sla.compliance)} met`);
  for (const t of report.comp?.totals.overall ?? []) parts.push(`payout ${e(formatMoney(t.total, t.currency))}`);
  return [first, parts.join(' · '), ''];
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
  const rows = f.stages.map((s) => [
    s.id,
    formatCount(s.arrivals),
    s.terminal === null ? formatCount(s.advanced) : '',
    s.terminal === null ? formatCount(s.openAtAsOf) : '',
    formatPercent(s.conversionCohort),
    formatPercent(s.conversionPeriod),
    s.terminal === null ? formatHours(s.timeInStageHours.median) : '',
    s.terminal === null ? formatHours(s.timeInStageHours.p90) : '',
  ]);
  return details(`Funnel (${f.funnel})`, [
    ...renderMarkdownTable(['stage', 'arrivals', 'advanced', 'open now', 'conversion (cohort)', 'conversion (period)', 'median time', 'p90 time'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']),
    '',
    ...funnelChart(report),
  ]);
}

function loadSection(report: Report): string[] {
  const c = report.constraint;
  if (c === null) return [];
  const rows = c.stages.map((s) => [
    s.stage === c.stage ? `${s.stage} (constraint)` : s.stage,
    formatNumber(s.demandPerWeek),
    s.capacityPerWeek === null ? '—' : `${formatNumber(s.capacityPerWeek, 0)} (${s.capacityBasis})`,
    formatRatio(s.utilisation),
    s.peakWeek === null ? '—' : `${formatRatio(s.peakWeekUtilisation)} in ${s.peakWeek}`,
    formatNumber(s.queueGrowthPerWeek),
    s.littlesLaw.ratio === null ? '—' : `${formatRatio(s.littlesLaw.ratio)}${s.littlesLaw.isFlagged ? ' ⚠' : ''}`,
  ]);
  return details('Load per stage', [
    ...renderMarkdownTable(['stage', 'demand / week', 'capacity / week', 'utilisation', 'peak week', 'queue growth / week', "Little's law"], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right']),
    '',
    ...constraintChart(report),
  ]);
}

function slaSection(report: Report): string[] {
  if (report.slas.length === 0) return [];
  const body: string[] = [];
  for (const sla of report.slas) {
    body.push(`**${e(sla.name)}**: ${e(sla.from)} → ${e(sla.to)}, business time of ${e(sla.calendar)}; median response ${formatHours(sla.response.medianHours)}, p90 ${formatHours(sla.response.p90Hours)}`, '');
    const rows = sla.targets.map((t) => [t.id, t.within, formatCount(t.eligible), formatCount(t.met), formatCount(t.breached), formatCount(t.pending), formatPercent(t.compliance)]);
    rows.push(['all', '', formatCount(sla.eligible), formatCount(sla.met), formatCount(sla.breached), formatCount(sla.pending), formatPercent(sla.compliance)]);
    body.push(...renderMarkdownTable(['target', 'within', 'eligible', 'met', 'breached', 'pending', 'compliance'], rows, ['left', 'left', 'right', 'right', 'right', 'right', 'right']), '');
  }
  return details('SLAs', body);
}

function compSection(report: Report): string[] {
  const comp = report.comp;
  if (comp === null) return [];
  const body: string[] = [];
  for (const plan of comp.plans) {
    body.push(`**${e(plan.name)}** (${e(plan.team)}, per ${plan.periodUnit}, ${e(plan.currency)})`, '');
    const rows = plan.people.map((p) => [
      p.name === null ? p.id : `${p.id} ${p.name}`,
      ...plan.periods.map((k) => {
        const line = p.periods.find((x) => x.period === k.label);
        return line === undefined ? '' : formatMoney(line.total, null);
      }),
      formatMoney(p.periods.reduce((sum, k) => sum.plus(k.total), new Decimal(0)).toFixed(2), null),
    ]);
    rows.push(['total', ...plan.totals.periods.map((k) => formatMoney(k.total, null)), formatMoney(plan.totals.total, null)]);
    body.push(...renderMarkdownTable(['person', ...plan.periods.map((k) => k.label), 'total'], rows, ['left', ...plan.periods.map(() => 'right' as const), 'right']), '');
  }
  return details('Comp', body);
}

function classesSection(report: Report): string[] {
  const k = report.classification;
  if (k === null) return [];
  const rows = k.classes.map((r) => [r.class, r.stage ?? '', formatCount(r.count), formatPercent(r.share)]);
  return details(`Lead classes (${k.definition})`, renderMarkdownTable(['class', 'stage', 'leads', 'share'], rows, ['left', 'left', 'right', 'right']));
}

function dataSection(report: Report): string[] {
  const rows = report.data.files.map((f) => [f.file, f.entity, formatCount(f.rowsRead), formatCount(f.rowsEvaluated), formatCount(f.rowsRejected)]);
  const s = report.stamp;
  return details('Data and reproducibility', [
    ...renderMarkdownTable(['file', 'entity', 'read', 'evaluated', 'rejected'], rows, ['left', 'left', 'right', 'right', 'right']),
    '',
    ...report.warnings.map((w) => `- ⚠ ${e(w)}`),
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
    ...classesSection(report),
    ...dataSection(report),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
