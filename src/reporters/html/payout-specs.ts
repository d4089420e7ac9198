import type { CompPartTotal } from '../../core/report/comp.js';
import { formatDecimal } from '../figures.js';
import { tickDigits } from './svg-scale.js';
import type { BarChartSpec, ChartSeries } from './chart-spec.js';

/** A part of a plan's pay in words: the component's id, or what the other parts are. */
export function namePayoutPart(part: Pick<CompPartTotal, 'part' | 'id'>): string {
  if (part.part === 'component') return part.id ?? 'component';
  return { multipliers: 'team multipliers', spiffs: 'SPIFs', clawbacks: 'clawbacks' }[part.part];
}

/**
 * A horizontal bar chart of payouts (per plan, or per part of one plan) in one currency: one
 * series for an evaluation, base and head for an impact. Negative amounts (clawbacks) are bars
 * left of 0. The evaluation and the impact page build their payout charts with it.
 */
export function buildPayoutSpec(options: {
  id: string;
  title: string;
  description: string;
  currency: string;
  categories: string[];
  series: ChartSeries[];
}): BarChartSpec {
  return {
    kind: 'bar',
    orientation: 'horizontal',
    id: options.id,
    title: options.title,
    description: options.description,
    categories: options.categories,
    series: options.series,
    references: [],
    axisLabel: `payout (${options.currency})`,
    formatTick: (v) => formatDecimal(v, tickDigits(v, 0)),
    highlight: null,
  };
}
