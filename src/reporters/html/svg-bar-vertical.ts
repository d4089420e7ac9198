import type { BarChartSpec } from './chart-spec.js';
import { layoutUprightFrame } from './svg-frame.js';
import { rangeAt, rangeValues, renderWhisker } from './svg-range.js';
import {
  markedCategories,
  openSvg,
  seriesClasses,
  SMALL_FONT,
  svgFigureAttributes,
  svgFigureText,
} from './svg-parts.js';
import { buildValueAxis, coord, estimateTextWidth, figureNumber } from './svg-scale.js';

/**
 * Bars going up, one group per category (weeks) with one bar per series side by side, from the 0
 * line to the value; the figure above each bar when there is one series and every figure fits its bar, else none (the table always has them),
 * `—` where a value is unknown, reference lines (capacity) across.
 */
export function renderVerticalBarSvg(spec: BarChartSpec): string {
  const values = spec.series.flatMap((s) => s.values.map(figureNumber));
  const refValues = spec.references.map((r) => figureNumber(r.value));
  const axis = buildValueAxis([...values, ...refValues, ...rangeValues(spec)].filter((v): v is number => v !== null));
  const marked = [...markedCategories(spec)]
    .map(([category, label]) => ({ index: spec.categories.indexOf(category), label }))
    .filter((m) => m.index >= 0);
  const frame = layoutUprightFrame(spec, axis, spec.categories, marked, 'bar');
  const seriesCount = Math.max(1, spec.series.length);
  const barWidth = (frame.step * 0.8) / seriesCount;
  const classes = seriesClasses(spec.series);
  const zero = frame.y(0);
  const marks: string[] = [];
  // Figures over the reference lines, so a line never runs through one.
  const labels: string[] = [];
  // All bars labelled or none (the table has every figure): one series only, and every figure fits its bar.
  const labelled =
    spec.series.length === 1 &&
    spec.series.every((s) =>
      s.values.every(
        (f) => figureNumber(f) === null || estimateTextWidth(svgFigureText(f), SMALL_FONT) <= barWidth + 2,
      ),
    );
  spec.categories.forEach((_, c) => {
    spec.series.forEach((s, i) => {
      const figure = s.values[c];
      if (figure === undefined) return;
      const left = frame.x(c) - frame.step * 0.4 + i * barWidth;
      const centre = left + barWidth / 2;
      const v = figureNumber(figure);
      if (v === null) {
        marks.push(
          `<text class="value unknown" x="${coord(centre)}" y="${coord(zero - 4)}" text-anchor="middle"${svgFigureAttributes(figure)}>—</text>`,
        );
        return;
      }
      const end = frame.y(v);
      marks.push(
        `<rect class="bar ${classes[i] ?? ''}" x="${coord(left)}" y="${coord(Math.min(zero, end))}" width="${coord(barWidth)}" height="${coord(Math.abs(zero - end))}"/>`,
      );
      const range = rangeAt(spec, i, c);
      if (range !== null) marks.push(renderWhisker('vertical', frame.y(range.low), frame.y(range.high), centre));
      const text = svgFigureText(figure);
      if (labelled) {
        // Above a bar going up (and its range); for one going down, just above the 0 line.
        const textY = v > 0 ? Math.min(end, range === null ? Infinity : frame.y(range.high)) - 3 : zero - 3;
        labels.push(
          `<text class="value" x="${coord(centre)}" y="${coord(textY)}" text-anchor="middle"${svgFigureAttributes(figure)}>${text}</text>`,
        );
      }
    });
  });
  return [
    openSvg(spec, frame.height),
    frame.background,
    marks.join(''),
    frame.foreground,
    labels.join(''),
    '</svg>',
  ].join('');
}
