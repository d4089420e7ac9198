import type { ChartReference } from './chart-spec.js';

/**
 * The line where demand equals capacity (utilisation 1.0). A constant of the chart, not a figure
 * of the report: it has no path, and the chart writes it as part of the scale.
 */
export function buildLimitReference(label = 'demand = capacity'): ChartReference {
  return { label, kind: 'limit', value: { path: null, value: 1, text: '1.0' } };
}
