import type { HtmlFigure } from './figure.js';
import type { LineChartSpec } from './chart-spec.js';
import { layoutUprightFrame, type UprightFrame } from './svg-frame.js';
import { openSvg, seriesClasses, SMALL_FONT, svgFigureAttributes, svgFigureText } from './svg-parts.js';
import { buildValueAxis, coord, estimateTextWidth, figureNumber, maxOf } from './svg-scale.js';

/**
 * Lines over periods, one per series: a point per known value, the line broken where a value is
 * unknown (a shaded gap, marked `—` below the axis, never drawn as 0), the last known value written at the
 * line's end, the band of a range shaded behind, reference lines (target) across.
 */
export function renderLineSvg(spec: LineChartSpec): string {
  const numbers = [
    ...spec.series.flatMap((s) => s.values.map(figureNumber)),
    ...spec.references.map((r) => figureNumber(r.value)),
    ...(spec.band === undefined ? [] : [...spec.band.lower, ...spec.band.upper].map(figureNumber)),
  ].filter((v): v is number => v !== null);
  const axis = buildValueAxis(numbers, spec.yMax);
  const ends = spec.series.map((s) => lastKnown(s.values));
  const endWidth = maxOf(
    ends.map((e) => (e === null ? 0 : estimateTextWidth(e.figure.text, SMALL_FONT))),
    0,
  );
  const frame = layoutUprightFrame(spec, axis, spec.xLabels, [], 'line', Math.min(110, Math.max(8, endWidth + 10)));
  const classes = seriesClasses(spec.series);
  // A period with no value: shaded across the plot, its `—` below the axis, apart from any data point.
  const gaps = new Set<number>();
  let gapRows = 0;
  const lines = spec.series.map((s, i) => {
    const cls = classes[i] ?? '';
    const segments: string[] = [];
    const marks: string[] = [];
    let open = false;
    spec.xLabels.forEach((_, p) => {
      const figure = s.values[p];
      const v = figureNumber(figure);
      if (figure === undefined || v === null) {
        open = false;
        if (figure !== undefined && figure.value === null) {
          gaps.add(p);
          gapRows = Math.max(gapRows, i + 1);
          marks.push(
            `<text class="value unknown" x="${coord(frame.x(p))}" y="${coord(frame.plotBottom + 27 + i * 11)}" text-anchor="middle"${svgFigureAttributes(figure)}>—</text>`,
          );
        }
        return;
      }
      segments.push(`${open ? 'L' : 'M'}${coord(frame.x(p))} ${coord(frame.y(v))}`);
      open = true;
      marks.push(`<circle class="point ${cls}" cx="${coord(frame.x(p))}" cy="${coord(frame.y(v))}" r="3"/>`);
    });
    const path = segments.length === 0 ? '' : `<path class="line ${cls}" d="${segments.join(' ')}"/>`;
    return `<g class="series">${path}${marks.join('')}</g>`;
  });
  const gapBands = [...gaps].map(
    (p) =>
      `<rect class="gap" x="${coord(frame.x(p) - frame.step / 2)}" y="${coord(frame.plotTop)}" width="${coord(frame.step)}" height="${coord(frame.plotBottom - frame.plotTop)}"/>`,
  );
  return [
    openSvg(spec, frame.height + Math.max(0, gapRows - 1) * 11),
    frame.background,
    gapBands.join(''),
    spec.band === undefined ? '' : renderBand(spec.band.lower, spec.band.upper, spec.xLabels.length, frame),
    lines.join(''),
    renderEndLabels(ends, classes, frame),
    frame.foreground,
    '</svg>',
  ].join('');
}

/** The last value of a series that is known, and where it is. */
function lastKnown(values: HtmlFigure[]): { index: number; figure: HtmlFigure } | null {
  for (let i = values.length - 1; i >= 0; i -= 1) {
    const figure = values[i];
    if (figureNumber(figure) !== null && figure !== undefined) return { index: i, figure };
  }
  return null;
}

/** Each series' last value beside its last point, nudged apart so two labels never overlap. */
function renderEndLabels(
  ends: ({ index: number; figure: HtmlFigure } | null)[],
  classes: string[],
  frame: UprightFrame,
): string {
  const labels = ends
    .map((end, i) =>
      end === null ? null : { ...end, cls: classes[i] ?? '', y: frame.y(figureNumber(end.figure) ?? 0) },
    )
    .filter((e): e is { index: number; figure: HtmlFigure; cls: string; y: number } => e !== null)
    .sort((a, b) => a.y - b.y);
  let previous = -Infinity;
  return labels
    .map((label) => {
      const y = Math.max(label.y + SMALL_FONT / 3, previous + SMALL_FONT + 1);
      previous = y;
      return `<text class="value end-label ${label.cls}" x="${coord(frame.x(label.index) + 6)}" y="${coord(y)}"${svgFigureAttributes(label.figure)}>${svgFigureText(label.figure)}</text>`;
    })
    .join('');
}

/** The range as shaded areas over the runs of periods where both ends are known; a lone period is a bar. */
function renderBand(lower: HtmlFigure[], upper: HtmlFigure[], count: number, frame: UprightFrame): string {
  const runs: { p: number; low: number; high: number }[][] = [];
  let run: { p: number; low: number; high: number }[] = [];
  for (let p = 0; p <= count; p += 1) {
    const low = p < count ? figureNumber(lower[p]) : null;
    const high = p < count ? figureNumber(upper[p]) : null;
    if (low !== null && high !== null) {
      run.push({ p, low, high });
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  const shapes = runs.map((r) => {
    if (r.length === 1 && r[0] !== undefined) {
      const { p, low, high } = r[0];
      return `<rect class="band" x="${coord(frame.x(p) - 4)}" y="${coord(frame.y(Math.max(low, high)))}" width="8" height="${coord(Math.abs(frame.y(low) - frame.y(high)))}"/>`;
    }
    const top = r.map((e) => `${coord(frame.x(e.p))},${coord(frame.y(e.high))}`);
    const bottom = [...r].reverse().map((e) => `${coord(frame.x(e.p))},${coord(frame.y(e.low))}`);
    return `<polygon class="band" points="${[...top, ...bottom].join(' ')}"/>`;
  });
  return `<g class="band-area">${shapes.join('')}</g>`;
}
