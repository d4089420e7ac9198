import type { Report, SlaResult } from '../../core/report/index.js';
import { formatPercent } from '../figures.js';
import { tickDigits } from './svg-scale.js';
import { renderChart } from './chart.js';
import type { ChartReference, LineChartSpec } from './chart-spec.js';
import { absentFigure, countFigure, hoursFigure, percentFigure } from './figure-builders.js';
import { renderFigure } from './figure.js';
import { labelText, renderHtmlTable } from './html-table.js';
import type { HtmlSection } from './page.js';

const NOT_DECIDED = 'no item decided';

function complianceChart(slas: readonly SlaResult[]): string {
  const weeks = [...new Set(slas.flatMap((s) => s.byWeek.map((w) => w.label)))].sort();
  const references: ChartReference[] = [];
  slas.forEach((s, i) => {
    if (s.complianceTarget !== null)
      references.push({
        label: slas.length === 1 ? 'target' : `target of ${s.name}`,
        kind: 'target',
        value: percentFigure(`slas[${i}].complianceTarget`, s.complianceTarget),
      });
  });
  const spec: LineChartSpec = {
    kind: 'line',
    id: 'chart-sla',
    title: 'SLA compliance per week',
    description:
      'For each SLA, the share of items met on time among those decided (met or breached), by the week their clock started; the lines across are the declared targets.',
    xLabels: weeks,
    yMax: 1,
    series: slas.map((s, i) => ({
      name: s.name,
      tone: i === 0 ? 'current' : 'muted',
      values: weeks.map((week) => {
        const k = s.byWeek.findIndex((w) => w.label === week);
        const row = s.byWeek[k];
        return row === undefined
          ? absentFigure('no item this week')
          : percentFigure(`slas[${i}].byWeek[${k}].compliance`, row.compliance, NOT_DECIDED);
      }),
    })),
    references,
    axisLabel: 'compliance (met ÷ decided)',
    formatTick: (v) => formatPercent(v, tickDigits(v * 100, 0)),
  };
  return renderChart(spec);
}

function slaTable(slas: readonly SlaResult[]): string {
  const rows = slas.map((s, i) => {
    const at = `slas[${i}]`;
    const verdict = s.isComplianceMet === null ? '' : s.isComplianceMet ? 'met' : 'missed';
    return {
      header: s.name,
      className: s.isComplianceMet === false ? 'missed' : undefined,
      cells: [
        `${labelText(s.from)} → ${labelText(s.to)}`,
        renderFigure(percentFigure(`${at}.compliance`, s.compliance, NOT_DECIDED)),
        s.complianceTarget === null
          ? 'none'
          : `${renderFigure(percentFigure(`${at}.complianceTarget`, s.complianceTarget))} ${verdict}`,
        renderFigure(countFigure(`${at}.met`, s.met)),
        renderFigure(countFigure(`${at}.breached`, s.breached)),
        renderFigure(countFigure(`${at}.pending`, s.pending)),
        renderFigure(hoursFigure(`${at}.response.medianHours`, s.response.medianHours, 'no response yet')),
      ],
    };
  });
  return renderHtmlTable({
    columns: ['SLA', 'clock', 'compliance', 'target', 'met', 'breached', 'pending', 'median response'],
    rows,
  });
}

function targetsTable(sla: SlaResult, i: number): string {
  const rows = sla.targets.map((t, k) => {
    const at = `slas[${i}].targets[${k}]`;
    return {
      header: t.id,
      cells: [
        labelText(t.within),
        renderFigure(countFigure(`${at}.eligible`, t.eligible)),
        renderFigure(countFigure(`${at}.met`, t.met)),
        renderFigure(countFigure(`${at}.breached`, t.breached)),
        renderFigure(countFigure(`${at}.pending`, t.pending)),
        renderFigure(countFigure(`${at}.invalidOrder`, t.invalidOrder)),
        renderFigure(percentFigure(`${at}.compliance`, t.compliance, NOT_DECIDED)),
      ],
    };
  });
  return (
    `<h3>${labelText(sla.name)}: by target</h3>` +
    renderHtmlTable({
      columns: ['target', 'within', 'eligible', 'met', 'breached', 'pending', 'out of order', 'compliance'],
      rows,
    })
  );
}

/** SLA compliance per week (one line per SLA, against its target), and each SLA's figures. */
export function renderSlaSection(report: Report): HtmlSection | null {
  if (report.slas.length === 0) return null;
  const note =
    '<p>Response times are in business hours of each SLA’s calendar. Compliance is met ÷ (met + breached); pending items are not yet decided.</p>';
  const targets = report.slas.map((s, i) => targetsTable(s, i)).join('\n');
  return {
    id: 'sla',
    title: 'Handoff SLAs',
    body: [
      slaTable(report.slas),
      complianceChart(report.slas),
      note,
      `<details class="more"><summary>By target</summary>${targets}</details>`,
    ].join('\n'),
  };
}
