import type { BarChartSpec } from './chart-spec.js';
import { renderHorizontalBarSvg } from './svg-bar-horizontal.js';
import { renderVerticalBarSvg } from './svg-bar-vertical.js';

/** The SVG drawing of a bar chart: categories down the side (stages, plans) or along the bottom (weeks). */
export function renderBarSvg(spec: BarChartSpec): string {
  return spec.orientation === 'horizontal' ? renderHorizontalBarSvg(spec) : renderVerticalBarSvg(spec);
}
