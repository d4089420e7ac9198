import type { LineChartSpec } from './chart-spec.js';

/** The SVG drawing of a line chart (being built: the table of `chart.ts` carries its figures meanwhile). */
export function renderLineSvg(spec: LineChartSpec): string {
  void spec;
  return '';
}
