import type { BarChartSpec, ChartSeries, LineChartSpec } from '../../../../src/reporters/html/chart-spec.js';
import type { HtmlFigure } from '../../../../src/reporters/html/figure.js';

/** A figure at a path; `null` is an unknown value with its reason. */
export function fig(path: string, value: number | string | null, text = String(value)): HtmlFigure {
  return value === null ? { path, value: null, text: '—', reason: 'no steady state' } : { path, value, text };
}

/** One series of figures at `prefix[i]`. */
export function series(
  name: string,
  tone: ChartSeries['tone'],
  prefix: string,
  values: (number | string | null)[],
): ChartSeries {
  return { name, tone, values: values.map((v, i) => fig(`${prefix}[${i}]`, v)) };
}

/** Utilisation per stage, base vs head, with the 1.0 limit (a constant: no path) and a target. */
export function utilisationSpec(overrides: Partial<BarChartSpec> = {}): BarChartSpec {
  return {
    kind: 'bar',
    orientation: 'horizontal',
    id: 'utilisation',
    title: 'Utilisation per stage',
    description: 'Demand over capacity per stage.',
    categories: ['mql', 'sql', 'sal', 'won'],
    series: [
      series('base', 'base', 'base.constraint.stages', [0.5, 1, 0.25, null]),
      series('head', 'head', 'head.constraint.stages', [0.4, 1.5, 0.75, 0.1]),
    ],
    references: [
      { label: 'capacity', kind: 'limit', value: { path: null, value: 1, text: '1.0' } },
      { label: 'target', kind: 'target', value: fig('constraint.target', 0.85, '0.85') },
    ],
    axisLabel: 'utilisation (demand ÷ capacity)',
    formatTick: (v) => v.toFixed(1),
    highlight: { category: 'sql', label: 'constraint' },
    ...overrides,
  };
}

/** Weekly arrivals at the constraint against its capacity. */
export function weeklySpec(overrides: Partial<BarChartSpec> = {}): BarChartSpec {
  const weeks = Array.from({ length: 13 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`);
  return {
    kind: 'bar',
    orientation: 'vertical',
    id: 'weekly',
    title: 'Weekly arrivals at the constraint',
    description: 'Arrivals per week against the weekly capacity.',
    categories: weeks,
    series: [
      series(
        'arrivals',
        'current',
        'funnel.stages[1].periods',
        weeks.map((_, i) => (i === 4 ? null : (i % 5) * 2.5)),
      ),
    ],
    references: [{ label: 'capacity', kind: 'capacity', value: fig('constraint.stages[1].capacity', 8, '8') }],
    axisLabel: 'leads a week',
    formatTick: (v) => String(v),
    highlight: null,
    ...overrides,
  };
}

/** SLA compliance per period, one line per SLA, a gap where a period has no handoffs. */
export function complianceSpec(overrides: Partial<LineChartSpec> = {}): LineChartSpec {
  return {
    kind: 'line',
    id: 'compliance',
    title: 'SLA compliance per week',
    description: 'Share of handoffs within each SLA.',
    xLabels: ['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05'],
    series: [
      series('mql to sdr', 'current', 'sla.slas[0].periods', [0.6, 0.8, null, 0.4, 0.5]),
      series('sql to ae', 'current', 'sla.slas[1].periods', [0.2, 0.4, 0.6, 0.8, 0.7]),
    ],
    references: [{ label: 'target', kind: 'target', value: fig('sla.target', 0.9, '90%') }],
    axisLabel: 'share within the SLA',
    formatTick: (v) => `${Math.round(v * 100)}%`,
    yMax: 1,
    ...overrides,
  };
}
