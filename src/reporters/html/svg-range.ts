import type { BarChartSpec } from './chart-spec.js';
import { coord, figureNumber } from './svg-scale.js';

/** Half the height (or width) of a whisker's end caps, in SVG units. */
const CAP = 4;

/** The known low and high of the range on a category's bar of a series, or null. */
export function rangeAt(
  spec: BarChartSpec,
  seriesIndex: number,
  category: number,
): { low: number; high: number } | null {
  const range = spec.range;
  if (range === undefined || range.seriesIndex !== seriesIndex) return null;
  const low = figureNumber(range.lower[category]);
  const high = figureNumber(range.upper[category]);
  return low === null || high === null ? null : { low: Math.min(low, high), high: Math.max(low, high) };
}

/** Every known end of the range, for the value axis. */
export function rangeValues(spec: BarChartSpec): number[] {
  const range = spec.range;
  if (range === undefined) return [];
  return [...range.lower, ...range.upper].map(figureNumber).filter((v): v is number => v !== null);
}

/** A whisker from `from` to `to` along the value axis, at `across` on the other, with end caps. */
export function renderWhisker(
  orientation: 'horizontal' | 'vertical',
  from: number,
  to: number,
  across: number,
): string {
  const line = (x1: number, y1: number, x2: number, y2: number): string =>
    `<line class="range" x1="${coord(x1)}" y1="${coord(y1)}" x2="${coord(x2)}" y2="${coord(y2)}"/>`;
  return orientation === 'horizontal'
    ? line(from, across, to, across) +
        line(from, across - CAP, from, across + CAP) +
        line(to, across - CAP, to, across + CAP)
    : line(across, from, across, to) +
        line(across - CAP, from, across + CAP, from) +
        line(across - CAP, to, across + CAP, to);
}
