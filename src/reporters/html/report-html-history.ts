import type { Report } from '../../core/report/index.js';
import { renderFigure } from './figure.js';
import { absentFigure, ratioFigure } from './figure-builders.js';
import { labelText, renderHtmlTable } from './html-table.js';
import type { HtmlSection } from './page.js';
import { nameStage } from './report-html-funnel.js';

const UNKNOWN = { 'period-too-short': 'under a week of the window', 'no-capacity': 'no stage has a capacity' } as const;

/** Where the constraint was, month by month: utilisation per stage and the stage that led. */
export function renderHistorySection(report: Report): HtmlSection | null {
  const h = report.constraintHistory;
  if (h === null || h.periods.length === 0) return null;
  const stages = [...new Set(h.periods.flatMap((p) => p.stages.map((s) => s.stage)))];
  const rows = h.periods.map((p, i) => {
    const cells = stages.map((stage) => {
      const k = p.stages.findIndex((s) => s.stage === stage);
      const s = p.stages[k];
      return renderFigure(
        s === undefined
          ? absentFigure('not measured')
          : ratioFigure(`constraintHistory.periods[${i}].stages[${k}].utilisation`, s.utilisation, 'not measured'),
      );
    });
    const leader =
      p.constraint === null
        ? `none (${UNKNOWN[p.unknown ?? 'no-capacity']})`
        : labelText(nameStage(report, p.constraint));
    const verdict = p.declared?.isMet == null ? '' : p.declared.isMet ? 'met' : 'missed';
    return { header: p.period, cells: [...cells, leader, verdict] };
  });
  const declared = h.declared === null ? '' : 'declared target';
  const moved =
    h.moves.length === 0
      ? '<p>The constraint did not move between months.</p>'
      : `<p>The constraint moved: ${h.moves.map((m) => `${labelText(nameStage(report, m.from))} → ${labelText(nameStage(report, m.to))} in ${labelText(m.after.period)}`).join('; ')}.</p>`;
  return {
    id: 'history',
    title: 'Constraint over time',
    body: [
      '<p>Utilisation of each stage with a capacity, month by month; the busiest stage of each month is its constraint.</p>',
      renderHtmlTable({
        columns: ['month', ...stages.map((s) => ({ label: nameStage(report, s) })), 'constraint', declared],
        rows,
      }),
      moved,
    ].join('\n'),
  };
}
