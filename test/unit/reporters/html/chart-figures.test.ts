import { describe, expect, it } from 'vitest';
import { renderChart } from '../../../../src/reporters/html/chart.js';
import type { BarChartSpec, LineChartSpec } from '../../../../src/reporters/html/chart-spec.js';
import { renderBarSvg } from '../../../../src/reporters/html/svg-bar-chart.js';
import { checkFigures, findFiguresAsLabels, findStrayDigits } from '../../../helpers/html-figures.js';
import type { FigureProblem } from '../../../helpers/html-figures.js';

/**
 * A chart follows the figure convention wherever it shows a number: the drawing (SVG text), the
 * table and the reference lines; stage names and weeks are labels, ticks are ticks.
 */
const REPORT = {
  constraint: {
    target: 0.85,
    stages: [
      { stage: 'mql', utilisation: 0.8688 },
      { stage: 'sal', utilisation: 0.5412 },
    ],
  },
  slas: [{ periods: [{ compliance: 0.323 }, { compliance: null }] }],
};

const tick = (value: number): string => value.toFixed(1);

const BAR: BarChartSpec = {
  kind: 'bar',
  id: 'utilisation',
  title: 'Utilisation per stage',
  description: 'Demand over capacity per stage, against the limit and the declared target.',
  orientation: 'horizontal',
  categories: ['mql', 'sal'],
  highlight: { category: 'mql', label: 'constraint' },
  series: [
    {
      name: 'utilisation',
      tone: 'current',
      values: [
        { path: 'constraint.stages[0].utilisation', value: 0.8688, text: '0.87' },
        { path: 'constraint.stages[1].utilisation', value: 0.5412, text: '0.54' },
      ],
    },
  ],
  references: [
    { label: 'limit', kind: 'limit', value: { path: null, value: 1, text: '1.00' } },
    { label: 'target', kind: 'target', value: { path: 'constraint.target', value: 0.85, text: '0.85' } },
  ],
  axisLabel: 'utilisation (demand ÷ capacity)',
  formatTick: tick,
};

const LINE: LineChartSpec = {
  kind: 'line',
  id: 'sla-compliance',
  title: 'SLA compliance per week',
  description: 'Share of handoffs within the SLA, per week.',
  xLabels: ['2026-W01', '2026-W02'],
  yMax: 1,
  series: [
    {
      name: 'speed-to-lead',
      tone: 'current',
      values: [
        { path: 'slas[0].periods[0].compliance', value: 0.323, text: '32.3 %' },
        { path: 'slas[0].periods[1].compliance', value: null, text: '—', reason: 'no handoff decided' },
      ],
    },
  ],
  references: [],
  axisLabel: 'share within the SLA',
  formatTick: tick,
};

const listed = (problems: FigureProblem[]): string => problems.map((p) => `[${p.kind}] ${p.message}`).join('\n');
const page = (body: string): string =>
  `<!DOCTYPE html><html><head><title>Chart</title></head><body>${body}</body></html>`;

describe.each([
  ['bar', BAR],
  ['line', LINE],
] as const)('a %s chart and the figure convention', (_kind, spec) => {
  it('every figure it shows is the JSON value, with its path', () => {
    const html = page(renderChart(spec));
    expect(listed([...checkFigures(html, REPORT), ...findFiguresAsLabels(html)])).toBe('');
  });

  it('shows no digit outside a figure, a label or a tick', () => {
    expect(renderBarSvg(BAR)).toContain('<svg');
    expect(listed(findStrayDigits(page(renderChart(spec))))).toBe('');
  });
});
