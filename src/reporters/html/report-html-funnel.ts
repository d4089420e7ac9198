import type { Report, StageLoad } from '../../core/report/index.js';
import { formatRatio } from '../figures.js';
import { tickDigits } from './svg-scale.js';
import { escapeHtml } from '../sanitize.js';
import { renderChart } from './chart.js';
import type { BarChartSpec, ChartReference } from './chart-spec.js';
import {
  constantFigure,
  countFigure,
  hoursFigure,
  numberFigure,
  percentFigure,
  ratioFigure,
} from './figure-builders.js';
import { renderFigure } from './figure.js';
import { labelText, renderHtmlTable } from './html-table.js';
import type { HtmlSection } from './page.js';
import { renderStageFlow } from './stage-flow.js';
import type { FlowStage } from './stage-flow.js';

/** A stage's name from the Funnel policy, else its id. */
export function nameStage(report: Report, id: string): string {
  return report.funnel?.stages.find((s) => s.id === id)?.name ?? id;
}

/** Why a stage's weekly rate or utilisation is unknown. */
function whyNoRate(report: Report, load: StageLoad | undefined): string {
  if (report.constraint?.ratesUnknown != null) return 'window too short for a weekly rate';
  return load?.capacityPerWeek == null ? 'no capacity' : 'not measured';
}

function flowStages(report: Report): FlowStage[] {
  const f = report.funnel;
  const c = report.constraint;
  if (f === null) return [];
  return f.stages.map((s, i) => {
    const at = `funnel.stages[${i}]`;
    const j = c?.stages.findIndex((l) => l.stage === s.id) ?? -1;
    const load = c?.stages[j];
    const facts = [
      { label: 'arrivals', figures: [countFigure(`${at}.arrivals`, s.arrivals)] },
      ...(s.next === null
        ? []
        : [
            {
              label: 'advanced to the next stage',
              figures: [percentFigure(`${at}.conversionCohort`, s.conversionCohort, 'no arrivals')],
            },
          ]),
      // A won or lost stage is the end: no time is spent in it.
      ...(s.terminal !== null
        ? []
        : [
            {
              label: 'median time in stage',
              figures: [hoursFigure(`${at}.timeInStageHours.median`, s.timeInStageHours.median, 'none left the stage')],
            },
          ]),
      ...(load === undefined || load.capacityBasis === 'none'
        ? []
        : [
            {
              label: 'utilisation',
              figures: [ratioFigure(`constraint.stages[${j}].utilisation`, load.utilisation, whyNoRate(report, load))],
            },
          ]),
    ];
    const mark = s.id === c?.stage ? 'constraint' : s.id === c?.declared?.stage ? 'declared constraint' : null;
    return { name: s.name, facts, mark };
  });
}

function utilisationChart(report: Report): string {
  const c = report.constraint;
  if (c === null || c.stages.length === 0) return '';
  const references: ChartReference[] = [
    { label: 'demand equals capacity', kind: 'limit', value: constantFigure(1, formatRatio(1)) },
  ];
  const d = c.declared;
  if (d !== null && d.metric === 'utilisation') {
    const side = d.target.max !== undefined ? 'max' : 'min';
    const value = d.target[side];
    if (value !== undefined)
      references.push({
        label: 'declared target',
        kind: 'target',
        value: ratioFigure(`constraint.declared.target.${side}`, value),
      });
  }
  const spec: BarChartSpec = {
    kind: 'bar',
    id: 'chart-utilisation',
    title: 'Utilisation per stage',
    description:
      'Arrivals per week divided by what the stage can handle per week, over the window. Past the limit line a stage gets more work than its people can do; the busiest stage is the constraint.',
    orientation: 'horizontal',
    categories: c.stages.map((s) => nameStage(report, s.stage)),
    series: [
      {
        name: 'utilisation',
        tone: 'current',
        values: c.stages.map((s, i) =>
          ratioFigure(`constraint.stages[${i}].utilisation`, s.utilisation, whyNoRate(report, s)),
        ),
      },
    ],
    references,
    axisLabel: 'utilisation (demand ÷ capacity)',
    formatTick: (v) => formatRatio(v, tickDigits(v, 1)),
    highlight: c.stage === null ? null : { category: nameStage(report, c.stage), label: 'constraint' },
  };
  return renderChart(spec);
}

function weeklyChart(report: Report): string {
  const c = report.constraint;
  const f = report.funnel;
  if (c === null || f === null || c.stage === null) return '';
  if (f.periodUnit !== 'week')
    return '<p>Arrivals against capacity week by week are shown when the report’s periods are weeks (<code>--period week</code>).</p>';
  const k = f.stages.findIndex((s) => s.id === c.stage);
  const j = c.stages.findIndex((s) => s.stage === c.stage);
  const stage = f.stages[k];
  const load = c.stages[j];
  if (stage === undefined || load === undefined || load.capacityPerWeek === null) return '';
  const capacity = load.capacityPerWeek;
  const spec: BarChartSpec = {
    kind: 'bar',
    id: 'chart-weekly',
    title: 'Weekly arrivals at the constraint against its capacity',
    description:
      'Each bar is a week’s arrivals in the constraint stage; the line is what the stage can handle in a week. Bars above the line are weeks its queue grew. The first and last weeks may be only partly inside the window.',
    orientation: 'vertical',
    categories: stage.periods.map((p) => p.period),
    series: [
      {
        name: 'arrivals',
        tone: 'current',
        values: stage.periods.map((p, i) => countFigure(`funnel.stages[${k}].periods[${i}].arrivals`, p.arrivals)),
      },
    ],
    references: [
      {
        label: `capacity per week (${load.capacityBasis})`,
        kind: 'capacity',
        value: numberFigure(`constraint.stages[${j}].capacityPerWeek`, capacity, Number.isInteger(capacity) ? 0 : 1),
      },
    ],
    axisLabel: 'arrivals per week',
    formatTick: (v) => formatRatio(v, tickDigits(v, 0)),
    highlight: null,
  };
  return renderChart(spec);
}

function loadTable(report: Report): string {
  const c = report.constraint;
  if (c === null) return '';
  const rows = c.stages.map((s, i) => {
    const at = `constraint.stages[${i}]`;
    const why = whyNoRate(report, s);
    return {
      header: nameStage(report, s.stage),
      className: s.stage === c.stage ? 'constraint' : undefined,
      cells: [
        renderFigure(numberFigure(`${at}.demandPerWeek`, s.demandPerWeek, 1, 'window too short for a weekly rate')),
        s.capacityPerWeek === null
          ? renderFigure(numberFigure(`${at}.capacityPerWeek`, null, 1, 'no capacity'))
          : `${renderFigure(numberFigure(`${at}.capacityPerWeek`, s.capacityPerWeek, 1))} (${escapeHtml(s.capacityBasis)})`,
        renderFigure(ratioFigure(`${at}.utilisation`, s.utilisation, why)),
        s.peakWeek === null
          ? '—'
          : `${renderFigure(ratioFigure(`${at}.peakWeekUtilisation`, s.peakWeekUtilisation, why))} in ${labelText(s.peakWeek)}`,
        renderFigure(
          numberFigure(`${at}.queueGrowthPerWeek`, s.queueGrowthPerWeek, 1, 'window too short for a weekly rate'),
        ),
        s.stage === c.stage ? 'constraint' : '',
      ],
    };
  });
  return [
    '<details class="more"><summary>Load per stage</summary>',
    renderHtmlTable({
      columns: [
        'stage',
        'arrivals per week',
        'capacity per week',
        'utilisation',
        'busiest week',
        'queue growth per week',
        '',
      ],
      rows,
    }),
    '</details>',
  ].join('');
}

/** The funnel as a flow with the constraint marked, utilisation per stage, and the constraint's weeks. */
export function renderFunnelSection(report: Report): HtmlSection | null {
  if (report.funnel === null && report.constraint === null) return null;
  const flow = report.funnel === null ? '' : renderStageFlow(flowStages(report), 'Funnel stages in order');
  const intro =
    '<p>Stages in order: arrivals over the window, the share that advanced to the next stage, the median time items spent in the stage, and utilisation where the stage has a capacity.</p>';
  return {
    id: 'funnel',
    title: 'Funnel and constraint',
    body: [intro, flow, utilisationChart(report), weeklyChart(report), loadTable(report)].join('\n'),
  };
}
