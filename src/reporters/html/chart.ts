import { escapeHtml } from '../sanitize.js';
import type { ChartSpec } from './chart-spec.js';
import { renderFigure, type HtmlFigure } from './figure.js';
import { renderBarSvg } from './svg-bar-chart.js';
import { renderLineSvg } from './svg-line-chart.js';

/**
 * A chart of the HTML report: its title, the SVG drawing, the sentence that says what it shows,
 * and the same figures as a table (the text alternative for screen readers, and what a printed
 * page or a copy-paste keeps).
 */
export function renderChart(spec: ChartSpec): string {
  const svg = spec.kind === 'bar' ? renderBarSvg(spec) : renderLineSvg(spec);
  return [
    `<figure class="chart" id="${escapeHtml(spec.id)}" aria-labelledby="${escapeHtml(spec.id)}-title">`,
    `<figcaption id="${escapeHtml(spec.id)}-title">${escapeHtml(spec.title)}</figcaption>`,
    `<div class="chart-scroll">${svg}</div>`,
    `<p class="chart-description" id="${escapeHtml(spec.id)}-desc">${escapeHtml(spec.description)}</p>`,
    renderChartTable(spec),
    `</figure>`,
  ].join('\n');
}

/** The chart's figures as a table: one row per category or period, one column per series. */
export function renderChartTable(spec: ChartSpec): string {
  const rows = spec.kind === 'bar' ? spec.categories : spec.xLabels;
  const band = spec.kind === 'line' ? spec.band : spec.range;
  // Series and band names come from the report (a plan, an SLA): labels, not figures.
  const head = [
    `<th scope="col">${spec.kind === 'bar' ? '' : 'period'}</th>`,
    ...spec.series.map((s) => `<th scope="col" data-label>${escapeHtml(s.name)}</th>`),
    ...(band === undefined
      ? []
      : [
          `<th scope="col"><span data-label>${escapeHtml(band.name)}</span> low</th>`,
          `<th scope="col"><span data-label>${escapeHtml(band.name)}</span> high</th>`,
        ]),
  ];
  const body = rows.map((row, i) => {
    const cells = [
      ...spec.series.map((s) => s.values[i]),
      ...(band === undefined ? [] : [band.lower[i], band.upper[i]]),
    ].map((figure) => `<td>${figure === undefined ? '—' : renderChartFigure(figure)}</td>`);
    return `<tr><th scope="row" data-label>${escapeHtml(row)}</th>${cells.join('')}</tr>`;
  });
  const references = spec.references.map((r) => `<li>${escapeHtml(r.label)}: ${renderChartFigure(r.value)}</li>`);
  return [
    `<details class="chart-data"><summary>Figures of “${escapeHtml(spec.title)}”</summary>`,
    `<div class="table-scroll"><table>`,
    `<thead><tr>${head.join('')}</tr></thead>`,
    `<tbody>${body.join('')}</tbody></table></div>`,
    references.length === 0 ? '' : `<ul class="chart-references">${references.join('')}</ul>`,
    `</details>`,
  ].join('');
}

/** A figure of a chart; a constant of the chart (the 1.0 line: no path in the report) is part of its scale. */
function renderChartFigure(figure: HtmlFigure): string {
  return figure.path === null ? `<span data-tick>${renderFigure(figure)}</span>` : renderFigure(figure);
}
