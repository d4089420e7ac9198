import { escapeHtml } from '../sanitize.js';
import type { ChartReference, ChartSpec } from './chart-spec.js';
import {
  buildLegendItems,
  FONT,
  referenceClasses,
  referenceText,
  renderLegend,
  renderUnknownReferences,
  SMALL_FONT,
  SVG_WIDTH,
  tickText,
} from './svg-parts.js';
import {
  coord,
  estimateTextWidth,
  figureNumber,
  maxOf,
  scaleValue,
  truncateLabel,
  type ValueAxis,
} from './svg-scale.js';

/** Height of the plot of a chart whose values go up (vertical bars, lines), in SVG units. */
const PLOT_HEIGHT = 200;
/** Longest category or period label under the plot (the table holds the whole label). */
const X_LABEL_CHARS = 12;
/** Height of a reference's row in the margin above a bar chart's plot. */
const REF_ROW = 14;

/**
 * The frame of a chart whose value axis goes up (vertical bars, lines): legend, the value axis on
 * the left with its ticks and grid, the reference lines labelled, and the x labels underneath.
 * `plotLeft`…`plotRight` and `plotTop`…`plotBottom` bound the marks.
 */
export interface UprightFrame {
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  height: number;
  /** The y of a value. */
  y: (value: number) => number;
  /** The centre x of the i-th category or period. */
  x: (index: number) => number;
  /** Width given to each category or period. */
  step: number;
  /** Legend, grid, axis, references and labels: drawn under the marks. */
  background: string;
  /** The reference lines: drawn over the marks. */
  foreground: string;
}

/** Lays out the frame; `rightMargin` leaves room for labels at the end of lines. */
export function layoutUprightFrame(
  spec: ChartSpec,
  axis: ValueAxis,
  labels: string[],
  marks: { index: number; label: string }[],
  swatch: 'bar' | 'line',
  rightMargin = 8,
): UprightFrame {
  // Lines end on the right with their last value: their references are labelled on the left.
  const referenceSide = swatch === 'line' ? 'left' : 'right';
  const legend = renderLegend(buildLegendItems(spec, swatch), 0);
  const unknown = renderUnknownReferences(
    spec.references.filter((r) => figureNumber(r.value) === null),
    legend.height,
  );
  // Bars reach up to the reference lines: their labels go above the plot, never over a bar.
  const marginRefs = swatch === 'bar' ? renderMarginReferences(spec.references, legend.height + unknown.height) : null;
  const plotTop = legend.height + unknown.height + (marginRefs?.height ?? 0) + 16;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const tickTexts = axis.ticks.map((t) => tickText(spec, t));
  const marked = new Set(marks.map((m) => m.index));
  const tickWidth = maxOf(
    tickTexts.map((t) => estimateTextWidth(t, SMALL_FONT)),
    0,
  );
  const plotLeft = Math.min(90, Math.max(30, tickWidth + 8)) + 18;
  const plotRight = SVG_WIDTH - rightMargin;
  const count = Math.max(1, labels.length);
  const step = (plotRight - plotLeft) / count;
  const y = (value: number): number => scaleValue(axis, value, plotBottom, plotTop);
  const x = (index: number): number => plotLeft + step * (index + 0.5);
  const shown = labels.map((l) => truncateLabel(l, X_LABEL_CHARS));
  const every = Math.max(
    1,
    Math.ceil(
      (maxOf(
        shown.map((l) => estimateTextWidth(l, SMALL_FONT)),
        0,
      ) +
        6) /
        step,
    ),
  );
  const background = [
    legend.svg,
    unknown.svg,
    marginRefs?.svg ?? '',
    ...marks.map(
      (m) =>
        `<rect class="highlight-band" x="${coord(plotLeft + step * m.index)}" y="${coord(plotTop)}" width="${coord(step)}" height="${coord(PLOT_HEIGHT)}"/>`,
    ),
    ...axis.ticks.map(
      (t, i) =>
        `<line class="${t === 0 ? 'axis' : 'grid'}" x1="${coord(plotLeft)}" y1="${coord(y(t))}" x2="${coord(plotRight)}" y2="${coord(y(t))}"/>` +
        `<text class="tick" x="${coord(plotLeft - 4)}" y="${coord(y(t) + SMALL_FONT / 3)}" text-anchor="end" data-tick>${escapeHtml(tickTexts[i] ?? '')}</text>`,
    ),
    `<text class="axis-label" transform="translate(${FONT} ${coord((plotTop + plotBottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(truncateLabel(spec.axisLabel, 36))}</text>`,
    ...shown.map((label, i) => (i % every === 0 || marked.has(i) ? renderXLabel(label, x(i), plotBottom + 14) : '')),
    ...marks.map(
      (m) =>
        `<text class="mark-label" x="${coord(Math.min(plotRight, Math.max(plotLeft, x(m.index))))}" y="${coord(plotBottom + 27)}" text-anchor="middle">${escapeHtml(truncateLabel(m.label, 24))}</text>`,
    ),
  ].join('');
  const foreground =
    marginRefs === null
      ? renderHorizontalReferences(spec.references, y, plotLeft, plotRight, referenceSide)
      : renderReferenceLines(spec.references, y, plotLeft, plotRight);
  return { plotLeft, plotRight, plotTop, plotBottom, height: plotBottom + 34, y, x, step, background, foreground };
}

/** Reference lines across the plot, each labelled at its right end (at the left when two would touch). */
function renderHorizontalReferences(
  references: ChartReference[],
  y: (value: number) => number,
  left: number,
  right: number,
  side: 'left' | 'right',
): string {
  const known = knownReferences(references);
  let lastY = -Infinity;
  return known
    .map(({ r, v }) => {
      const lineY = y(v);
      const onSide = lineY - lastY >= FONT + 2;
      if (onSide) lastY = lineY;
      const atRight = onSide === (side === 'right');
      const labelX = atRight ? right - 2 : left + 4;
      return (
        `<line class="ref ${referenceClasses(r)}" x1="${coord(left)}" y1="${coord(lineY)}" x2="${coord(right)}" y2="${coord(lineY)}"/>` +
        `<text class="ref-label ${referenceClasses(r)}" x="${coord(labelX)}" y="${coord(lineY - 3)}" text-anchor="${atRight ? 'end' : 'start'}">${referenceText(r)}</text>`
      );
    })
    .join('');
}

/** The known references of a chart, highest first. */
function knownReferences(references: ChartReference[]): { r: ChartReference; v: number }[] {
  return references
    .map((r) => ({ r, v: figureNumber(r.value) }))
    .filter((e): e is { r: ChartReference; v: number } => e.v !== null)
    .sort((a, b) => b.v - a.v);
}

/** Reference lines across the plot, unlabelled (their labels are in the margin). */
function renderReferenceLines(
  references: ChartReference[],
  y: (value: number) => number,
  left: number,
  right: number,
): string {
  return knownReferences(references)
    .map(
      ({ r, v }) =>
        `<line class="ref ${referenceClasses(r)}" x1="${coord(left)}" y1="${coord(y(v))}" x2="${coord(right)}" y2="${coord(y(v))}"/>`,
    )
    .join('');
}

/** One row per reference above the plot, right-aligned: a piece of its line, its words and value. */
function renderMarginReferences(references: ChartReference[], top: number): { svg: string; height: number } {
  const rows = knownReferences(references).map(({ r }, i) => {
    const baseline = top + (i + 1) * REF_ROW - 3;
    const width = estimateTextWidth(`${truncateLabel(r.label, 24)} ${r.value.text}`, SMALL_FONT);
    const x2 = SVG_WIDTH - width - 8;
    return (
      `<line class="ref-swatch ${referenceClasses(r)}" x1="${coord(x2 - 16)}" y1="${coord(baseline - 3.5)}" x2="${coord(x2)}" y2="${coord(baseline - 3.5)}"/>` +
      `<text class="ref-label ${referenceClasses(r)}" x="${SVG_WIDTH}" y="${coord(baseline)}" text-anchor="end">${referenceText(r)}</text>`
    );
  });
  return { svg: rows.join(''), height: rows.length * REF_ROW };
}

/** A category or period under the plot, kept inside the drawing at either end. */
function renderXLabel(label: string, centre: number, baseline: number): string {
  const half = estimateTextWidth(label, SMALL_FONT) / 2;
  const anchor = centre + half > SVG_WIDTH ? 'end' : centre - half < 0 ? 'start' : 'middle';
  const x = anchor === 'end' ? SVG_WIDTH : anchor === 'start' ? 0 : centre;
  return `<text class="x-label" x="${coord(x)}" y="${coord(baseline)}" text-anchor="${anchor}" data-label>${escapeHtml(label)}</text>`;
}
