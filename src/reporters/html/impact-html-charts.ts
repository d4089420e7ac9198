import type { ImpactReport } from '../../core/report/impact.js';
import { formatDecimal, formatPercent, formatRatio } from '../figures.js';
import { tickDigits } from './svg-scale.js';
import { unknownText } from '../impact-projection.js';
import { partLabel } from '../impact-payout-text.js';
import type { BarChartSpec, ChartReference, ChartSeries, LineChartSpec } from './chart-spec.js';
import { countFigure, moneyFigure, percentFigure, quantityFigure, ratioFigure } from './impact-html-figures.js';

/**
 * The impact page's charts as specs: base and head side by side on every one, from the JSON
 * report's own figures (drawn by `chart.ts`).
 */

const LIMIT: ChartReference = {
  label: 'capacity',
  kind: 'limit',
  // A constant of the chart, not a figure of the report.
  value: { path: null, value: 1, text: formatRatio(1) },
};

/** Utilisation per stage with a capacity: base vs head, the 1.0 line and the declared target. */
export function utilisationChart(r: ImpactReport): BarChartSpec {
  const stages = r.stages
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.utilisation.base !== null || s.utilisation.head !== null);
  const side = (key: 'base' | 'head'): ChartSeries => ({
    name: key,
    tone: key,
    values: stages.map(({ s, i }) => ratioFigure(`stages[${i}].utilisation.${key}`, s.utilisation[key])),
  });
  const references = [LIMIT];
  const d = r.constraint.declared?.head;
  if (d !== null && d !== undefined && d.metric === 'utilisation') {
    const bound = d.target.max ?? d.target.min;
    const key = d.target.max !== undefined ? 'max' : 'min';
    if (bound !== undefined)
      references.push({
        label: key === 'max' ? 'target ≤' : 'target ≥',
        kind: 'target',
        value: ratioFigure(`constraint.declared.head.target.${key}`, bound),
      });
  }
  const stage = r.constraint.stage.head ?? r.constraint.stage.base;
  return {
    kind: 'bar',
    id: 'impact-utilisation',
    title: 'Utilisation per stage, base vs head',
    description:
      'Demand divided by capacity at each stage with a capacity. Above the capacity line the queue grows every week; the constraint is marked.',
    orientation: 'horizontal',
    categories: stages.map(({ s }) => s.stage),
    series: [side('base'), side('head')],
    references,
    highlight: stage === null ? null : { category: stage, label: 'constraint' },
    axisLabel: 'utilisation (demand ÷ capacity)',
    formatTick: (v) => formatRatio(v, tickDigits(v, 1)),
  };
}

/** Arrivals per stage over the window, base vs head. */
export function arrivalsChart(r: ImpactReport): BarChartSpec {
  const side = (key: 'base' | 'head'): ChartSeries => ({
    name: key,
    tone: key,
    values: r.stages.map((s, i) => countFigure(`stages[${i}].arrivals.${key}`, s.arrivals[key])),
  });
  const stage = r.constraint.stage.head ?? r.constraint.stage.base;
  return {
    kind: 'bar',
    id: 'impact-arrivals',
    title: 'Arrivals per stage over the window, base vs head',
    description: 'How many leads and deals reach each stage under each policy set, on the same data.',
    orientation: 'horizontal',
    categories: r.stages.map((s) => s.stage),
    series: [side('base'), side('head')],
    references: [],
    highlight: stage === null ? null : { category: stage, label: 'constraint' },
    axisLabel: 'arrivals',
    formatTick: (v) => formatDecimal(v, tickDigits(v, 0)),
  };
}

/** Arrivals at the constraint per period, base vs head, against its weekly capacity; null without the series. */
export function constraintWeeksChart(r: ImpactReport): BarChartSpec | null {
  const c = r.periods?.constraint;
  if (c === undefined || c.stage === null || c.arrivals.length === 0) return null;
  const side = (key: 'base' | 'head'): ChartSeries => ({
    name: key,
    tone: key,
    values: c.arrivals.map((p, i) => countFigure(`periods.constraint.arrivals[${i}].${key}`, p[key])),
  });
  // Weekly capacity compares to weekly arrivals only; one line when both sides have the same.
  const cap = c.capacityPerWeek;
  const sides = (['base', 'head'] as const).filter((k) => cap[k] !== null && (k === 'base' || cap.head !== cap.base));
  const references: ChartReference[] =
    c.periodUnit !== 'week'
      ? []
      : sides.map((k) => ({
          label: sides.length === 1 ? 'capacity' : `capacity ${k}`,
          kind: 'capacity' as const,
          value: quantityFigure(`periods.constraint.capacityPerWeek.${k}`, cap[k]),
        }));
  return {
    kind: 'bar',
    id: 'impact-constraint-weeks',
    title: `Arrivals per ${c.periodUnit ?? 'period'} at the constraint (${c.stage}), base vs head`,
    description:
      'Each period’s arrivals at the constraint under each policy set, against the capacity it can work in a week: periods above the line add to the queue.',
    orientation: 'vertical',
    categories: c.arrivals.map((p) => p.period),
    series: [side('base'), side('head')],
    references,
    highlight: null,
    axisLabel: 'arrivals',
    formatTick: (v) => formatDecimal(v, tickDigits(v, 0)),
  };
}

/** One SLA's compliance per week, base vs head. */
export function slaWeeksCharts(r: ImpactReport): LineChartSpec[] {
  return (r.periods?.slas ?? []).map((s, n) => ({
    kind: 'line',
    id: `impact-sla-${n}`,
    title: `SLA ${s.name}: compliance per week, base vs head`,
    description:
      'Share of the items whose clock started in each week that met their deadline, replayed under each policy set; a week with nothing decided is a gap.',
    xLabels: s.compliance.map((p) => p.period),
    yMax: 1,
    series: (['base', 'head'] as const).map((key) => ({
      name: key,
      tone: key,
      values: s.compliance.map((p, i) => percentFigure(`periods.slas[${n}].compliance[${i}].${key}`, p[key])),
    })),
    references: [],
    axisLabel: 'compliance',
    formatTick: (v) => formatPercent(v, tickDigits(v * 100, 0)),
  }));
}

/** Payout per plan over the replayed window, base vs head (one chart per currency's plans). */
export function payoutChart(r: ImpactReport): BarChartSpec | null {
  if (r.comp.byPlan.length === 0) return null;
  return {
    kind: 'bar',
    id: 'impact-payout-plans',
    title: 'Payout per plan to as-of, base vs head',
    description: 'What each comp plan pays over the replayed window under each policy set.',
    orientation: 'horizontal',
    categories: r.comp.byPlan.map((p) => `${p.plan} (${p.currency})`),
    series: (['base', 'head'] as const).map((key) => ({
      name: key,
      tone: key,
      values: r.comp.byPlan.map((p, i) => moneyFigure(`comp.byPlan[${i}].${key}`, p[key])),
    })),
    references: [],
    highlight: null,
    axisLabel: 'payout',
    formatTick: (v) => formatDecimal(v, tickDigits(v, 0)),
  };
}

/** Payout per component (and multipliers, SPIFs, clawbacks) of each plan that pays on either side, base vs head. */
export function componentChart(r: ImpactReport): BarChartSpec | null {
  const parts = r.comp.plans.flatMap((p, i) =>
    p.parts
      .map((x, j) => ({ p, x, at: `comp.plans[${i}].parts[${j}].payout` }))
      .filter(({ x }) => Number(x.payout.base) !== 0 || Number(x.payout.head) !== 0),
  );
  if (parts.length === 0) return null;
  // The part first, then its plan: a label cut short still tells the bars apart.
  const currencies = new Set(parts.map(({ p }) => p.currency));
  const single = currencies.size === 1 ? [...currencies][0] : undefined;
  return {
    kind: 'bar',
    id: 'impact-payout-components',
    title: 'Payout per plan component to as-of, base vs head',
    description: 'Each part of each plan that pays on either side; the parts add up to the plan’s total.',
    orientation: 'horizontal',
    categories: parts.map(({ p, x }) => {
      // A component by its id alone (its metric is in the money section): the plan stays in sight.
      const name = x.part === 'component' ? (x.id ?? partLabel(x)) : partLabel(x);
      return single === undefined ? `${name} (${p.plan}, ${p.currency})` : `${name} (${p.plan})`;
    }),
    series: (['base', 'head'] as const).map((key) => ({
      name: key,
      tone: key,
      values: parts.map(({ x, at }) => moneyFigure(`${at}.${key}`, x.payout[key])),
    })),
    references: [],
    highlight: null,
    axisLabel: single === undefined ? 'payout' : `payout (${single})`,
    formatTick: (v) => formatDecimal(v, tickDigits(v, 0)),
  };
}

/** The goal forecast from the flow projection: base to head, the head's range as a band, the target as a line. */
export function goalChart(r: ImpactReport): LineChartSpec | null {
  const g = r.projection.goalForecast;
  if (g.base === null && g.head === null) return null;
  const why = unknownText[g.unknown ?? 'not-computed'];
  const at = 'projection.goalForecast';
  return {
    kind: 'line',
    id: 'impact-goal',
    title: 'Goal forecast to the period’s end, base vs head, with the projection’s range',
    description:
      'Actual plus projected won revenue under the base and the head policies; the band is the range of the head’s projection (the marginal leads’ conversion at its low and high bound), the line the goal’s target.',
    xLabels: ['base', 'head'],
    series: [
      {
        name: 'goal forecast',
        tone: 'head',
        values: [moneyFigure(`${at}.base`, g.base, why), moneyFigure(`${at}.head`, g.head, why)],
      },
    ],
    band: {
      name: 'projection range',
      lower: [moneyFigure(`${at}.base`, g.base, why), moneyFigure(`${at}.headLow`, g.headLow, why)],
      upper: [moneyFigure(`${at}.base`, g.base, why), moneyFigure(`${at}.headHigh`, g.headHigh, why)],
    },
    references:
      g.target === null ? [] : [{ label: 'target', kind: 'target', value: moneyFigure(`${at}.target`, g.target) }],
    axisLabel: `won revenue${r.projection.currency === null ? '' : ` (${r.projection.currency})`}`,
    formatTick: (v) => formatDecimal(v, tickDigits(v, 0)),
  };
}
