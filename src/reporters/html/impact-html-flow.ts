import type { ImpactReport } from '../../core/report/impact.js';
import { phraseSlaAssumption } from '../phrase-sla-assumption.js';
import { renderChart } from './chart.js';
import { arrivalsChart, constraintWeeksChart, slaWeeksCharts, utilisationChart } from './impact-html-charts.js';
import {
  countChangeFigure,
  countFigure,
  label,
  numberFigure,
  pairHtml,
  percentFigure,
  pointsFigure,
  pointsValueFigure,
  ratioChangeFigure,
  ratioFigure,
  renderTable,
  show,
} from './impact-html-figures.js';
import type { HtmlSection } from './page.js';

/** Sections of the impact page about the flow: the funnel and its constraint, the constraint over time, the SLAs. */

function funnelSection(r: ImpactReport): HtmlSection {
  const constraint = r.constraint.stage.head ?? r.constraint.stage.base;
  const rows = r.stages.map((s, i) => {
    const at = `stages[${i}]`;
    const mark = s.stage === constraint ? ' <span class="mark">constraint</span>' : '';
    const change = (figure: string, delta: number | null) => (delta === null ? '' : ` (${figure})`);
    return [
      `${label(s.stage)}${mark}`,
      pairHtml(
        countFigure(`${at}.arrivals.base`, s.arrivals.base),
        countFigure(`${at}.arrivals.head`, s.arrivals.head),
      ) + change(show(countChangeFigure(`${at}.arrivals.delta`, s.arrivals.delta)), s.arrivals.delta),
      pairHtml(
        percentFigure(`${at}.conversionCohort.base`, s.conversionCohort.base, 'last stage'),
        percentFigure(`${at}.conversionCohort.head`, s.conversionCohort.head, 'last stage'),
      ),
      pairHtml(
        numberFigure(`${at}.throughputPerWeek.base`, s.throughputPerWeek.base, 2, 'no exits measured'),
        numberFigure(`${at}.throughputPerWeek.head`, s.throughputPerWeek.head, 2, 'no exits measured'),
      ),
      pairHtml(
        ratioFigure(`${at}.utilisation.base`, s.utilisation.base),
        ratioFigure(`${at}.utilisation.head`, s.utilisation.head),
      ) + change(show(ratioChangeFigure(`${at}.utilisation.delta`, s.utilisation.delta)), s.utilisation.delta),
    ];
  });
  const t = r.classTransitions;
  const transitions =
    t.moved === 0
      ? '<p>No lead changes class.</p>'
      : [
          `<p>${show(countFigure('classTransitions.moved', t.moved))} of ${show(countFigure('classTransitions.leads', t.leads))} leads change class.</p>`,
          renderTable(
            ['from → to', 'leads', 'examples'],
            t.transitions.map((x, i) => [
              `${label(x.from)} → ${label(x.to)}`,
              show(countFigure(`classTransitions.transitions[${i}].count`, x.count)),
              x.examples.map(label).join(', '),
            ]),
          ),
        ].join('\n');
  return {
    id: 'funnel',
    title: 'The funnel and its constraint, base vs head',
    body: [
      renderChart(utilisationChart(r)),
      renderChart(arrivalsChart(r)),
      '<h3>Stages (base → head)</h3>',
      renderTable(['stage', 'arrivals', 'conversion', 'exits per week', 'utilisation'], rows),
      '<h3>Lead class transitions</h3>',
      transitions,
    ].join('\n'),
  };
}

function constraintWeeksSection(r: ImpactReport): HtmlSection | null {
  const chart = constraintWeeksChart(r);
  if (chart === null) return null;
  return { id: 'constraint-weeks', title: 'The constraint over time', body: renderChart(chart) };
}

function slaSection(r: ImpactReport): HtmlSection | null {
  if (r.slas.length === 0) return null;
  const rows = r.slas.map((s, i) => {
    const at = `slas[${i}]`;
    const steady =
      s.assumption.code === 'no-steady-state' ? 'no steady state: the queue grows every week' : 'not modelled';
    return [
      label(s.name),
      show(percentFigure(`${at}.replayed.base`, s.replayed.base, 'not measured on the base')),
      show(percentFigure(`${at}.replayed.head`, s.replayed.head, 'not measured on the head')),
      show(pointsFigure(`${at}.replayed.delta`, s.replayed.delta)),
      show(percentFigure(`${at}.modelled`, s.modelled, steady)),
      show(pointsValueFigure(`${at}.modelledChangePts`, s.modelledChangePts, steady)),
    ];
  });
  const notes = r.slas.map((s) => `<li>${label(s.name)}: ${label(phraseSlaAssumption(s.assumption))}</li>`);
  return {
    id: 'slas',
    title: 'SLA compliance, base vs head',
    body: [
      renderTable(['SLA', 'replayed base', 'replayed head', 'change', 'modelled head', 'modelled change'], rows),
      `<ul class="notes">${notes.join('')}</ul>`,
      '<p class="note">Replayed measures the head on the data as it is: leads new to a stage were never worked, so they count as breached or pending. Modelled scales the base’s waits by the stage’s new load.</p>',
      ...slaWeeksCharts(r).map(renderChart),
    ].join('\n'),
  };
}

/** The flow sections, in page order. */
export function renderFlowSections(r: ImpactReport): HtmlSection[] {
  return [funnelSection(r), constraintWeeksSection(r), slaSection(r)].filter((s): s is HtmlSection => s !== null);
}
