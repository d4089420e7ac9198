import type { HtmlFigure } from './figure.js';

/**
 * What a chart shows, as data: sections of the HTML report build these from the JSON report, and
 * `chart.ts` draws them (SVG, with the same figures as a table for screen readers and print).
 * Every value is an {@link HtmlFigure}, so the drawn and the written figure are the JSON's.
 */

/** How a series is drawn: one side of an impact (`base`, `head`), or the one side of an evaluation (`current`). */
export type SeriesTone = 'current' | 'base' | 'head' | 'muted';

/** One named series: one figure per category (bar chart) or per x label (line chart). */
export interface ChartSeries {
  name: string;
  tone: SeriesTone;
  values: HtmlFigure[];
}

/** A horizontal (or, on a horizontal bar chart, vertical) line across the chart at a value. */
export interface ChartReference {
  /**
   * Words shown beside the line, e.g. `capacity` or `target`; the chart writes the value after them
   * (`target 0.85`) from `value`, so the label itself holds no figure.
   */
  label: string;
  /** `limit`: demand equals capacity (1.0); `target`: the policy's declared target; `capacity`: a stage's weekly capacity. */
  kind: 'limit' | 'target' | 'capacity';
  value: HtmlFigure;
  /** Colours the line like a series (`base`, `head`) when each side has its own (capacity base vs head). */
  tone?: SeriesTone;
}

interface ChartCommon {
  /** Unique in the page; used for ids (`aria-labelledby`). Built from our own words, never from data. */
  id: string;
  title: string;
  /** One or two sentences saying what the chart shows and what to read from it (the text alternative). */
  description: string;
  series: ChartSeries[];
  references: ChartReference[];
  /** What the value axis measures, e.g. `utilisation (demand ÷ capacity)`. */
  axisLabel: string;
  /** Formats an axis tick. */
  formatTick: (value: number) => string;
}

/** Bars per category, one bar per series in each; the value axis starts at 0. */
export interface BarChartSpec extends ChartCommon {
  kind: 'bar';
  /** `horizontal`: categories down the side (stages, plans); `vertical`: categories along the bottom (weeks). */
  orientation: 'horizontal' | 'vertical';
  categories: string[];
  /** A category to mark (the constraint), with the words of the mark. */
  highlight: { category: string; label: string } | null;
  /** More categories to mark the same way (impact: the base's and the head's constraint when they differ). */
  marks?: { category: string; label: string }[];
  /**
   * A range around one series' bars (a projection's low and high), one figure pair per category,
   * drawn as a whisker across the bar of `series[seriesIndex]`.
   */
  range?: { name: string; seriesIndex: number; lower: HtmlFigure[]; upper: HtmlFigure[] };
}

/** Lines over x labels (periods); the value axis starts at 0 unless `yMax` bounds it too. */
export interface LineChartSpec extends ChartCommon {
  kind: 'line';
  xLabels: string[];
  /** A fixed top of the value axis (1 for a share); otherwise from the data and references. */
  yMax?: number;
  /** A range drawn as a shaded band (a projection's low and high), one figure pair per x label. */
  band?: { name: string; lower: HtmlFigure[]; upper: HtmlFigure[] };
}

export type ChartSpec = BarChartSpec | LineChartSpec;
