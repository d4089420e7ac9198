import { escapeHtml } from '../sanitize.js';
import type { BarChartSpec, ChartReference, ChartSeries, ChartSpec } from './chart-spec.js';
import { MINUS } from '../figures.js';
import { figureAttributes, type HtmlFigure } from './figure.js';
import { coord, estimateTextWidth, truncateLabel } from './svg-scale.js';

/** The drawing's width in SVG units; the page scales it to the column (viewBox), so it never overflows. */
export const SVG_WIDTH = 480;
/** Font sizes of the drawing (SVG units): labels, and small print (ticks, marks). */
export const FONT = 12;
export const SMALL_FONT = 10.5;
/** Height of one legend row, and where the first row's baseline sits. */
const LEGEND_ROW = 16;
/** Longest series name shown in the legend (the table holds the whole name). */
const LEGEND_CHARS = 28;

/**
 * The colour class of each series: its tone (`base`, `head`…), or, when several series share a
 * tone (one line per SLA), a palette slot so they stay apart. Classes only: colours are the page's.
 */
export function seriesClasses(series: ChartSeries[]): string[] {
  const toneCount = new Map<string, number>();
  for (const s of series) toneCount.set(s.tone, (toneCount.get(s.tone) ?? 0) + 1);
  return series.map((s, i) => {
    const shared = (toneCount.get(s.tone) ?? 0) > 1;
    return `series-${i} ${shared ? `palette-${i % 6}` : `tone-${s.tone}`}`;
  });
}

/** The words marking each marked category (`constraint`; `base constraint, head constraint`). */
export function markedCategories(spec: BarChartSpec): Map<string, string> {
  const marks = new Map<string, string>();
  for (const mark of [...(spec.highlight === null ? [] : [spec.highlight]), ...(spec.marks ?? [])]) {
    const known = marks.get(mark.category);
    marks.set(mark.category, known === undefined || known === mark.label ? mark.label : `${known}, ${mark.label}`);
  }
  return marks;
}

/** A tick's text, with the page's one minus sign (U+2212) whatever the formatter wrote. */
export function tickText(spec: ChartSpec, value: number): string {
  return spec.formatTick(value).replace(/^-/u, MINUS);
}

/** The classes of a reference line or label: its kind, and its side's colour when it has one. */
export function referenceClasses(reference: ChartReference): string {
  return `ref-${reference.kind}${reference.tone === undefined ? '' : ` ref-tone-${reference.tone}`}`;
}

/** The attributes of an SVG text that shows a figure; a constant of the chart (no path) is part of its scale. */
export function svgFigureAttributes(figure: HtmlFigure): string {
  return `${figureAttributes(figure)}${figure.path === null ? ' data-tick' : ''}`;
}

/** A figure as SVG text: its text, or `—` and the reason as `renderFigure` writes them (cut short; the table has it whole). */
export function svgFigureText(figure: HtmlFigure): string {
  if (figure.value !== null) return escapeHtml(figure.text);
  return figure.reason === undefined ? '—' : `— (${escapeHtml(truncateLabel(figure.reason, 36))})`;
}

/** The opening of the drawing: an image to assistive technology, named by its own title and description. */
export function openSvg(spec: ChartSpec, height: number): string {
  const id = escapeHtml(spec.id);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg chart-${spec.kind}" viewBox="0 0 ${SVG_WIDTH} ${coord(height)}"`,
    ` role="img" aria-labelledby="${id}-svg-title" aria-describedby="${id}-svg-desc" focusable="false">`,
    `<title id="${id}-svg-title">${escapeHtml(spec.title)}</title>`,
    `<desc id="${id}-svg-desc">${escapeHtml(spec.description)}</desc>`,
  ].join('');
}

/** A legend item: a swatch (a bar, a line, or a band) and a name. */
export interface LegendItem {
  name: string;
  swatch: 'bar' | 'line' | 'band' | 'range';
  classes: string;
}

/** Places legend items in rows across the width; returns the markup and the height it takes. */
export function renderLegend(items: LegendItem[], top: number): { svg: string; height: number } {
  if (items.length === 0) return { svg: '', height: 0 };
  const parts: string[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const name = truncateLabel(item.name, LEGEND_CHARS);
    const width = 18 + estimateTextWidth(name, FONT) + 14;
    if (x > 0 && x + width > SVG_WIDTH) {
      x = 0;
      row += 1;
    }
    const baseline = top + LEGEND_ROW * row + FONT;
    parts.push(renderSwatch(item, x, baseline));
    parts.push(
      `<text class="legend-name" x="${coord(x + 18)}" y="${coord(baseline)}" data-label>${escapeHtml(name)}</text>`,
    );
    x += width;
  }
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: LEGEND_ROW * (row + 1) + 4 };
}

function renderSwatch(item: LegendItem, x: number, baseline: number): string {
  const mid = baseline - FONT / 2 + 2;
  if (item.swatch === 'range') {
    const line = (x1: number, y1: number, x2: number, y2: number): string =>
      `<line class="swatch range" x1="${coord(x1)}" y1="${coord(y1)}" x2="${coord(x2)}" y2="${coord(y2)}"/>`;
    return line(x, mid, x + 14, mid) + line(x, mid - 4, x, mid + 4) + line(x + 14, mid - 4, x + 14, mid + 4);
  }
  if (item.swatch === 'line') {
    return `<line class="swatch line ${item.classes}" x1="${coord(x)}" y1="${coord(mid)}" x2="${coord(x + 14)}" y2="${coord(mid)}"/>`;
  }
  // Not `bar` or `band`: a swatch is no mark of the data.
  const kind = item.swatch === 'band' ? 'band-swatch' : 'bar-swatch';
  return `<rect class="swatch ${kind} ${item.classes}" x="${coord(x)}" y="${coord(mid - 5)}" width="12" height="10"/>`;
}

/** The legend of a chart's series, and of its band when it has one. */
export function buildLegendItems(spec: ChartSpec, swatch: 'bar' | 'line'): LegendItem[] {
  const classes = seriesClasses(spec.series);
  const items: LegendItem[] = spec.series.map((s, i) => ({ name: s.name, swatch, classes: classes[i] ?? '' }));
  if (spec.kind === 'line' && spec.band !== undefined)
    items.push({ name: spec.band.name, swatch: 'band', classes: '' });
  if (spec.kind === 'bar' && spec.range !== undefined)
    items.push({ name: spec.range.name, swatch: 'range', classes: '' });
  return items;
}

/** A reference's words and value as SVG text content: `target 0.85`, or `target — (reason)`. */
export function referenceText(reference: ChartReference): string {
  return (
    `<tspan class="ref-name">${escapeHtml(truncateLabel(reference.label, 24))}</tspan> ` +
    `<tspan${svgFigureAttributes(reference.value)}>${svgFigureText(reference.value)}</tspan>`
  );
}

/** The lines of references that have no value: said in words above the plot, since they cannot be drawn. */
export function renderUnknownReferences(references: ChartReference[], top: number): { svg: string; height: number } {
  const parts = references.map(
    (r, i) =>
      `<text class="ref-label ${referenceClasses(r)}" x="0" y="${coord(top + (i + 1) * LEGEND_ROW - 4)}">${referenceText(r)}</text>`,
  );
  return { svg: parts.join(''), height: parts.length * LEGEND_ROW };
}
