import { escapeHtml } from '../sanitize.js';
import type { BarChartSpec, ChartReference } from './chart-spec.js';
import {
  buildLegendItems,
  FONT,
  markedCategories,
  openSvg,
  referenceClasses,
  referenceText,
  renderLegend,
  renderUnknownReferences,
  seriesClasses,
  SMALL_FONT,
  SVG_WIDTH,
  svgFigureAttributes,
  svgFigureText,
  tickText,
} from './svg-parts.js';
import { rangeAt, rangeValues, renderWhisker } from './svg-range.js';
import {
  buildValueAxis,
  coord,
  estimateTextWidth,
  figureNumber,
  maxOf,
  scaleValue,
  truncateLabel,
} from './svg-scale.js';

const BAR = 16;
const BAR_GAP = 2;
const LABEL_CHARS = 17;
const REF_ROW = 14;
/** How much wider bold text is than the estimate of regular text. */
const BOLD = 1.1;
/** Widest the names' column gets: a name of LABEL_CHARS, bold, fits in it. */
const LABEL_MAX = 165;

/**
 * Bars along the width, one row per category (stages, plans): names on the left, each bar from
 * the 0 line to its value with the figure at its end (beside the 0 line for a negative or unknown
 * value), reference lines upright and labelled above the plot, the highlighted row shaded and marked.
 */
export function renderHorizontalBarSvg(spec: BarChartSpec): string {
  const values = spec.series.flatMap((s) => s.values.map(figureNumber));
  const refValues = spec.references.map((r) => figureNumber(r.value));
  const axis = buildValueAxis([...values, ...refValues, ...rangeValues(spec)].filter((v): v is number => v !== null));
  const names = spec.categories.map((c) => truncateLabel(c, LABEL_CHARS));
  const marks = markedCategories(spec);
  // Marked names and mark labels are bold: about a tenth wider than the estimate.
  const markWidths = [...marks.values()].map(
    (m) => estimateTextWidth(truncateLabel(m, LABEL_CHARS), SMALL_FONT) * BOLD,
  );
  const nameWidths = names.map((n, c) => estimateTextWidth(n, FONT) * (marks.has(spec.categories[c] ?? '') ? BOLD : 1));
  const labelWidth = Math.min(
    LABEL_MAX,
    maxOf([...nameWidths.map((w) => w + 10), ...markWidths.map((w) => w + 10)], 60),
  );
  const valueTexts = spec.series.flatMap((s) => s.values.map((f) => (f === undefined ? '' : svgFigureText(f))));
  const rightPad = Math.min(
    130,
    maxOf(
      valueTexts.map((t) => estimateTextWidth(t, SMALL_FONT) + 8),
      24,
    ),
  );
  const left = labelWidth;
  const right = SVG_WIDTH - rightPad;
  const x = (v: number): number => scaleValue(axis, v, left, right);

  const legend = renderLegend(buildLegendItems(spec, 'bar'), 0);
  const unknown = renderUnknownReferences(
    spec.references.filter((r) => figureNumber(r.value) === null),
    legend.height,
  );
  const refs = placeReferenceLabels(spec.references, x, left);
  const plotTop = legend.height + unknown.height + refs.rows * REF_ROW + 8;
  const seriesCount = Math.max(1, spec.series.length);
  const band = Math.max(marks.size === 0 ? 0 : 34, seriesCount * BAR + (seriesCount - 1) * BAR_GAP + 12);
  const plotBottom = plotTop + band * spec.categories.length;
  const classes = seriesClasses(spec.series);
  const zero = x(0);

  const rows = spec.categories.map((category, c) => {
    const top = plotTop + band * c;
    const mark = marks.get(category);
    const isMarked = mark !== undefined;
    const centre = top + band / 2;
    const parts = [
      `<text class="category${isMarked ? ' marked' : ''}" x="${coord(left - 6)}" y="${coord(isMarked ? centre - 2 : centre + 4)}" text-anchor="end" data-label>${escapeHtml(names[c] ?? '')}</text>`,
      mark !== undefined
        ? `<text class="mark-label" x="${coord(left - 6)}" y="${coord(centre + 11)}" text-anchor="end">${escapeHtml(truncateLabel(mark, LABEL_CHARS))}</text>`
        : '',
    ];
    spec.series.forEach((s, i) => {
      const figure = s.values[c];
      if (figure === undefined) return;
      const barTop = top + (band - (seriesCount * BAR + (seriesCount - 1) * BAR_GAP)) / 2 + i * (BAR + BAR_GAP);
      const v = figureNumber(figure);
      if (v !== null) {
        const end = x(v);
        parts.push(
          `<rect class="bar ${classes[i] ?? ''}" x="${coord(Math.min(zero, end))}" y="${coord(barTop)}" width="${coord(Math.abs(end - zero))}" height="${BAR}"/>`,
        );
      }
      const range = rangeAt(spec, i, c);
      if (range !== null) parts.push(renderWhisker('horizontal', x(range.low), x(range.high), barTop + BAR / 2));
      const textX = v !== null && v > 0 ? Math.max(x(v), range === null ? -Infinity : x(range.high)) + 4 : zero + 4;
      parts.push(
        `<text class="value${v === null ? ' unknown' : ''}" x="${coord(textX)}" y="${coord(barTop + BAR / 2 + SMALL_FONT / 3)}"${svgFigureAttributes(figure)}>${svgFigureText(figure)}</text>`,
      );
    });
    return `<g class="category-row">${parts.join('')}</g>`;
  });

  const grid = axis.ticks.map(
    (t) =>
      `<line class="${t === 0 ? 'axis' : 'grid'}" x1="${coord(x(t))}" y1="${coord(plotTop)}" x2="${coord(x(t))}" y2="${coord(plotBottom)}"/>` +
      `<text class="tick" x="${coord(x(t))}" y="${coord(plotBottom + 14)}" text-anchor="middle" data-tick>${escapeHtml(tickText(spec, t))}</text>`,
  );
  const refLines = refs.placed.map(
    (p) =>
      `<line class="ref ${referenceClasses(p.reference)}" x1="${coord(p.x)}" y1="${coord(plotTop - 4)}" x2="${coord(p.x)}" y2="${coord(plotBottom)}"/>` +
      `<text class="ref-label ${referenceClasses(p.reference)}" x="${coord(p.labelX)}" y="${coord(plotTop - 8 - p.row * REF_ROW)}" text-anchor="${p.anchor}">${referenceText(p.reference)}</text>`,
  );
  const axisLabel = `<text class="axis-label" x="${coord((left + right) / 2)}" y="${coord(plotBottom + 32)}" text-anchor="middle">${escapeHtml(truncateLabel(spec.axisLabel, 60))}</text>`;
  const height = plotBottom + 40;
  return [
    openSvg(spec, height),
    legend.svg,
    unknown.svg,
    spec.categories
      .map((category, c) =>
        marks.has(category)
          ? `<rect class="highlight-band" x="0" y="${coord(plotTop + band * c)}" width="${SVG_WIDTH}" height="${coord(band)}"/>`
          : '',
      )
      .join(''),
    grid.join(''),
    // References under the rows: a bar's figure stays readable where a line runs through it.
    refLines.join(''),
    rows.join(''),
    axisLabel,
    '</svg>',
  ].join('');
}

interface PlacedReference {
  reference: ChartReference;
  x: number;
  labelX: number;
  anchor: 'start' | 'middle' | 'end';
  row: number;
}

/** Labels of the upright reference lines, stacked in rows above the plot so none overlaps another. */
function placeReferenceLabels(
  references: ChartReference[],
  x: (v: number) => number,
  left: number,
): { placed: PlacedReference[]; rows: number } {
  const rowEnds: number[] = [];
  const placed: PlacedReference[] = [];
  const known = references
    .map((reference) => ({ reference, v: figureNumber(reference.value) }))
    .filter((e): e is { reference: ChartReference; v: number } => e.v !== null)
    .sort((a, b) => a.v - b.v);
  for (const { reference, v } of known) {
    const lineX = x(v);
    const width = estimateTextWidth(`${reference.label} ${reference.value.text}`, SMALL_FONT);
    const anchor = lineX + width / 2 > SVG_WIDTH ? 'end' : lineX - width / 2 < left ? 'start' : 'middle';
    const start = anchor === 'end' ? lineX - width : anchor === 'start' ? lineX : lineX - width / 2;
    let row = rowEnds.findIndex((end) => end + 6 <= start);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = start + width;
    placed.push({ reference, x: lineX, labelX: lineX, anchor, row });
  }
  return { placed, rows: rowEnds.length };
}
