import type { GoalSection, Report } from '../../core/report/index.js';
import { formatCount, formatDecimal } from '../figures.js';
import { tickDigits } from './svg-scale.js';
import { describeUnknown } from '../unknown-reasons.js';
import { renderChart } from './chart.js';
import type { BarChartSpec } from './chart-spec.js';
import type { HtmlFigure } from './figure.js';
import { renderFigure } from './figure.js';
import { countFigure, moneyFigure, numberFigure, percentFigure } from './figure-builders.js';
import { labelText } from './html-table.js';
import type { HtmlSection } from './page.js';

/** An amount of the goal's metric: money in its currency, or a count of deals (`won_deals`). */
export function goalAmount(goal: GoalSection, path: string, value: string | null, reason?: string): HtmlFigure {
  if (goal.metric !== 'won_deals') return moneyFigure(path, value, goal.currency, reason);
  return value === null
    ? { path, value: null, text: '—', ...(reason === undefined ? {} : { reason }) }
    : { path, value, text: formatCount(Number(value)) };
}

/** What the goal's `—` means, in words. */
export function whyGoalUnknown(goal: GoalSection): string | undefined {
  return goal.unknown === null ? undefined : describeUnknown(goal.unknown);
}

function goalChart(goal: GoalSection): string {
  const why = whyGoalUnknown(goal);
  const velocityWhy = goal.velocity.unknown === null ? why : describeUnknown(goal.velocity.unknown);
  const spec: BarChartSpec = {
    kind: 'bar',
    id: 'chart-goal',
    title: 'The goal: won so far and the forecast for the period',
    description:
      'Won so far in the goal period, and where the current pipeline velocity takes it by the period’s end; the line is the target.',
    orientation: 'horizontal',
    categories: ['won so far', 'forecast at the period end'],
    series: [
      {
        name: goal.metric === 'won_deals' ? 'won deals' : 'won revenue',
        tone: 'current',
        values: [
          goalAmount(goal, 'goal.actual', goal.actual, why),
          goalAmount(goal, 'goal.forecast.projected', goal.forecast.projected, velocityWhy),
        ],
      },
    ],
    references: [{ label: 'target', kind: 'target', value: goalAmount(goal, 'goal.target', goal.target) }],
    axisLabel: goal.metric === 'won_deals' ? 'won deals' : `won revenue (${goal.currency})`,
    formatTick: (v) => formatDecimal(v, tickDigits(v, 0)),
    highlight: null,
  };
  return renderChart(spec);
}

function velocityFacts(goal: GoalSection): string {
  const v = goal.velocity;
  const why = v.unknown === null ? undefined : describeUnknown(v.unknown);
  const facts: [string, HtmlFigure][] = [
    ['open opportunities', countFigure('goal.velocity.openOpportunities', v.openOpportunities)],
    ['win rate', percentFigure('goal.velocity.winRate', v.winRate, 'no deal has closed')],
    ['average won deal', moneyFigure('goal.velocity.averageWonAmount', v.averageWonAmount, goal.currency, why)],
    ['sales cycle, days (mean of won deals)', numberFigure('goal.velocity.cycleDays', v.cycleDays, 1, why)],
    ['velocity per day', moneyFigure('goal.velocity.perDay', v.perDay, goal.currency, why)],
  ];
  return `<dl class="facts">${facts.map(([label, f]) => `<dt>${label}</dt><dd>${renderFigure(f)}</dd>`).join('')}</dl>`;
}

/** The goal, how far along it is, and where velocity takes it by the end of its period. */
export function renderGoalSection(report: Report): HtmlSection | null {
  const g = report.goal;
  if (g === null) return null;
  const why = whyGoalUnknown(g);
  const pace =
    g.isOnPace === null ? 'Its pace cannot be measured.' : g.isOnPace ? 'It is on pace.' : 'It is behind pace.';
  const lead =
    `<p>${labelText(g.name)}, from ${labelText(g.period.start)} to ${labelText(g.period.end)}: ` +
    `${renderFigure(goalAmount(g, 'goal.actual', g.actual, why))} of ${renderFigure(goalAmount(g, 'goal.target', g.target))} ` +
    `(${renderFigure(percentFigure('goal.attainment', g.attainment, why))}) with ` +
    `${renderFigure(percentFigure('goal.elapsed', g.elapsed))} of the period gone. ${pace}</p>`;
  return {
    id: 'goal',
    title: 'Goal and forecast',
    body: [lead, goalChart(g), velocityFacts(g)].join('\n'),
  };
}
