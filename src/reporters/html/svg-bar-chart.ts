import type { BarChartSpec } from './chart-spec.js';

/** The SVG drawing of a bar chart (being built: the table of `chart.ts` carries its figures meanwhile). */
export function renderBarSvg(spec: BarChartSpec): string {
  void spec;
  return '';
}
