import type { CompPlanResult, CompSection } from '../../core/report/comp.js';
import type { Report } from '../../core/report/index.js';
import { escapeHtml } from '../sanitize.js';
import { renderChart } from './chart.js';
import { renderFigure } from './figure.js';
import { moneyFigure } from './figure-builders.js';
import { labelText, renderHtmlTable } from './html-table.js';
import type { HtmlSection } from './page.js';
import { buildPayoutSpec, namePayoutPart } from './payout-specs.js';

function planTotalsCharts(comp: CompSection): string[] {
  const currencies = [...new Set(comp.totals.byPlan.map((p) => p.currency))];
  return currencies.map((currency, c) => {
    const rows = comp.totals.byPlan.map((p, i) => ({ p, i })).filter(({ p }) => p.currency === currency);
    return renderChart(
      buildPayoutSpec({
        id: `chart-payout-plans-${c}`,
        title: currencies.length === 1 ? 'Payout per plan' : `Payout per plan in ${currency}`,
        description: 'What each comp plan pays over the window, all people and periods together.',
        currency,
        categories: rows.map(({ p }) => p.plan),
        series: [
          {
            name: 'payout',
            tone: 'current',
            values: rows.map(({ p, i }) => moneyFigure(`comp.totals.byPlan[${i}].total`, p.total, p.currency)),
          },
        ],
      }),
    );
  });
}

/** Whether a gate held the component back in some person-period (it then paid 0 there). */
function isHeldByGate(plan: CompPlanResult, component: string): boolean {
  return plan.people.some((person) =>
    person.periods.some((line) => line.components.some((c) => c.id === component && c.isGated)),
  );
}

function planParts(plan: CompPlanResult, p: number): string {
  const at = `comp.plans[${p}]`;
  const chart = renderChart(
    buildPayoutSpec({
      id: `chart-payout-parts-${p}`,
      title: 'Payout per component',
      description:
        'What each component paid over the window after gates, then what team multipliers, SPIFs and clawbacks added or took back; together they make the plan’s total.',
      currency: plan.currency,
      categories: plan.totals.parts.map((part) => namePayoutPart(part)),
      series: [
        {
          name: 'payout',
          tone: 'current',
          values: plan.totals.parts.map((part, k) =>
            moneyFigure(`${at}.totals.parts[${k}].total`, part.total, plan.currency),
          ),
        },
      ],
    }),
  );
  const held = plan.totals.parts.filter((part) => part.part === 'component' && isHeldByGate(plan, part.id ?? ''));
  const gates =
    held.length === 0
      ? ''
      : `<p>Held back by a failed gate in some periods: ${held.map((part) => labelText(part.id ?? '')).join(', ')}.</p>`;
  const people = renderHtmlTable({
    columns: ['person', 'team', 'payout'],
    rows: plan.people.map((person, k) => ({
      header: person.name ?? person.id,
      cells: [
        person.team === null ? '' : labelText(person.team),
        renderFigure(moneyFigure(`${at}.people[${k}].total`, person.total, plan.currency)),
      ],
    })),
  });
  return [
    `<h3>${labelText(plan.name)}: ${renderFigure(moneyFigure(`${at}.totals.total`, plan.totals.total, plan.currency))}</h3>`,
    `<p class="plan-meta">Team ${labelText(plan.team)}, paid per ${escapeHtml(plan.periodUnit)}.</p>`,
    chart,
    gates,
    `<details class="more"><summary>Per person</summary>${people}</details>`,
  ].join('\n');
}

/** Payout per plan, then per component of each plan, with who is paid what. */
export function renderCompSection(report: Report): HtmlSection | null {
  const comp = report.comp;
  if (comp === null) return null;
  const overall = comp.totals.overall
    .map((t, i) => renderFigure(moneyFigure(`comp.totals.overall[${i}].total`, t.total, t.currency)))
    .join(' + ');
  const caveat =
    comp.countedAsZero.length === 0
      ? ''
      : `<p class="alert">Some metrics could not be known and were counted as zero, so these payouts are not known figures: ${comp.countedAsZero.map((m) => escapeHtml(m)).join(', ')}. See the warnings.</p>`;
  return {
    id: 'payout',
    title: 'Payout',
    body: [
      `<p>All plans together pay ${overall === '' ? 'nothing' : overall} over the window.</p>`,
      caveat,
      ...planTotalsCharts(comp),
      ...comp.plans.map((plan, p) => planParts(plan, p)),
    ].join('\n'),
  };
}
