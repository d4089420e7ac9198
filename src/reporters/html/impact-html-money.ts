import type { ImpactReport } from '../../core/report/impact.js';
import type { PayoutPartChange } from '../../core/report/impact-payouts.js';
import { describeCacUnknown } from '../cac-tables.js';
import { unknownText } from '../impact-projection.js';
import { describeGateHolds, describePayoutReason, partLabel } from '../impact-payout-text.js';
import { renderChart } from './chart.js';
import { componentChart, goalChart, payoutChart } from './impact-html-charts.js';
import {
  countChangeFigure,
  countFigure,
  label,
  moneyChangeFigure,
  moneyFigure,
  percentChangeFigure,
  percentFigure,
  pointsFigure,
  renderTable,
  show,
} from './impact-html-figures.js';
import type { HtmlSection } from './page.js';

/** Sections of the impact page about money: pay per plan and component, the goal forecast, CAC and attribution. */

/** One row per part of a plan's pay (`plan · part`, base, head, change, why); `at(j)` is the JSON path of part j's payout. */
function partRows(plan: string, parts: readonly PayoutPartChange[], at: (j: number) => string): string[][] {
  return parts.map((x, j) => [
    `${label(plan)} · ${label(partLabel(x))}`,
    show(moneyFigure(`${at(j)}.base`, x.payout.base)),
    show(moneyFigure(`${at(j)}.head`, x.payout.head)),
    show(moneyChangeFigure(`${at(j)}.delta`, x.payout.delta)),
    x.reasons.map((s) => label(describePayoutReason(s))).join('; '),
  ]);
}

/** A person as the page names them: the id and name, or the pseudonym once when masked (id and name are then the same). */
function personName(p: { personId: string; name: string | null }): string {
  return p.name === null || p.name === p.personId ? p.personId : `${p.personId} ${p.name}`;
}

function payoutSection(r: ImpactReport): HtmlSection {
  const chart = payoutChart(r);
  const components = r.comp.plans.flatMap((p, i) =>
    partRows(p.plan, p.parts, (j) => `comp.plans[${i}].parts[${j}].payout`),
  );
  const holds = r.comp.plans.flatMap((p) => describeGateHolds(p)).map((s) => `<li>${label(s)}</li>`);
  const people = r.comp.byPerson.map((p, i) => [
    `${label(p.plan)} · ${label(personName(p))}`,
    show(moneyFigure(`comp.byPerson[${i}].base`, p.base)),
    show(moneyFigure(`comp.byPerson[${i}].head`, p.head)),
    show(moneyChangeFigure(`comp.byPerson[${i}].delta`, p.delta)),
  ]);
  const projected = r.projection.payouts.plans.flatMap((p, i) => {
    const t = p.payout?.total;
    const why = 'a metric of the plan cannot be projected';
    const at = `projection.payouts.plans[${i}].payout.total`;
    const total = [
      `${label(p.plan)} (${label(p.currency)})`,
      show(moneyFigure(`${at}.base`, t?.base ?? null, why)),
      show(moneyFigure(`${at}.head`, t?.head ?? null, why)),
      show(moneyChangeFigure(`${at}.delta`, t?.delta ?? null, why)),
      p.range.deltaLow === p.range.deltaHigh
        ? ''
        : `${show(moneyChangeFigure(`projection.payouts.plans[${i}].range.deltaLow`, p.range.deltaLow))} to ${show(moneyChangeFigure(`projection.payouts.plans[${i}].range.deltaHigh`, p.range.deltaHigh))}`,
      '',
    ];
    // Each part with why it moves (a gate failing, a metric moving), as in the replayed table; no range per part.
    const parts = partRows(
      p.plan,
      p.payout?.parts ?? [],
      (j) => `projection.payouts.plans[${i}].payout.parts[${j}].payout`,
    ).map(([name = '', base = '', head = '', change = '', reasons = '']) => [name, base, head, change, '', reasons]);
    return [total, ...parts];
  });
  const zero = r.comp.countedAsZero;
  const caveat =
    zero.base.length === 0 && zero.head.length === 0
      ? ''
      : `<p class="notice">⚠ Payouts count unknown metrics as zero — base: ${label(zero.base.join(', ') || 'none')}; head: ${label(zero.head.join(', ') || 'none')} (see the warnings).</p>`;
  return {
    id: 'payouts',
    title: 'Pay, base vs head',
    body: [
      caveat,
      chart === null ? '<p>No comp plan.</p>' : renderChart(chart),
      ...[componentChart(r)].flatMap((c) => (c === null ? [] : [renderChart(c)])),
      '<h3>By plan and component, to as-of (replayed)</h3>',
      renderTable(['plan · part', 'base', 'head', 'change', 'why'], components),
      holds.length === 0 ? '' : `<ul class="notes">${holds.join('')}</ul>`,
      '<h3>People paid differently</h3>',
      people.length === 0
        ? '<p>No person is paid differently.</p>'
        : renderTable(['plan · person', 'base', 'head', 'change'], people),
      ...(projected.length === 0
        ? []
        : [
            '<h3>Projected to the goal period’s end</h3>',
            renderTable(['plan · part', 'base', 'head', 'change', 'range of the change', 'why'], projected),
          ]),
    ].join('\n'),
  };
}

function goalSection(r: ImpactReport): HtmlSection {
  const chart = goalChart(r);
  const g = r.goal;
  const velocity =
    g === null
      ? ''
      : renderTable(
          ['', 'base', 'head', 'change'],
          [
            [
              'open-pipeline velocity forecast (not re-projected for the change)',
              show(percentFigure('goal.projectedAttainment.base', g.projectedAttainment.base)),
              show(percentFigure('goal.projectedAttainment.head', g.projectedAttainment.head)),
              show(pointsFigure('goal.projectedAttainment.delta', g.projectedAttainment.delta)),
            ],
          ],
        );
  const a = r.projection.goalForecast.attainment;
  const why = unknownText[r.projection.goalForecast.unknown ?? 'not-computed'];
  const flow = renderTable(
    ['', 'base', 'head', 'change', 'head low', 'head high'],
    [
      [
        'flow projection: attainment of the target',
        show(percentFigure('projection.goalForecast.attainment.base', a.base, why)),
        show(percentFigure('projection.goalForecast.attainment.head', a.head, why)),
        show(pointsFigure('projection.goalForecast.attainment.delta', a.delta, why)),
        show(percentFigure('projection.goalForecast.attainment.headLow', a.headLow, why)),
        show(percentFigure('projection.goalForecast.attainment.headHigh', a.headHigh, why)),
      ],
    ],
  );
  return {
    id: 'goal',
    title: 'Goal forecast',
    body: [chart === null ? `<p>No goal forecast: ${why}.</p>` : renderChart(chart), flow, velocity].join('\n'),
  };
}

function cacRows(r: ImpactReport): string[][] {
  const c = r.cac;
  if (c === undefined) return [];
  const cac = (path: string, f: { value: string | null; unknown: Parameters<typeof describeCacUnknown>[0] | null }) =>
    show(moneyFigure(`${path}.value`, f.value, f.unknown === null ? 'unknown' : describeCacUnknown(f.unknown)));
  return [
    [
      'blended CAC',
      cac('cac.blended.base', c.blended.base),
      cac('cac.blended.head', c.blended.head),
      show(percentChangeFigure('cac.changePct', c.changePct)),
    ],
    [
      'paid CAC',
      cac('cac.paid.base', c.paid.base),
      cac('cac.paid.head', c.paid.head),
      show(percentChangeFigure('cac.paidChangePct', c.paidChangePct)),
    ],
    [
      'new customers won',
      show(countFigure('cac.customers.base', c.customers.base)),
      show(countFigure('cac.customers.head', c.customers.head)),
      show(countChangeFigure('cac.customersDelta', c.customersDelta)),
    ],
    [
      'sales cost',
      show(moneyFigure('cac.salesCost.base', c.salesCost.base)),
      show(moneyFigure('cac.salesCost.head', c.salesCost.head)),
      show(moneyChangeFigure('cac.salesCostDelta', c.salesCostDelta)),
    ],
  ];
}

function attributionRows(r: ImpactReport): string[][] {
  const a = r.attribution;
  if (a === undefined) return [];
  const rows = a.rows.flatMap((x, i) => {
    const at = `attribution.rows[${i}]`;
    const name = `${label(x.source ?? '(no source)')}${x.currency === null ? '' : ` (${label(x.currency)})`}`;
    return [
      [
        `${name} pipeline`,
        show(moneyFigure(`${at}.pipelineAmount.base`, x.pipelineAmount.base)),
        show(moneyFigure(`${at}.pipelineAmount.head`, x.pipelineAmount.head)),
        `${show(moneyChangeFigure(`${at}.pipelineAmount.delta`, x.pipelineAmount.delta))} (${show(countChangeFigure(`${at}.pipelineDeals.delta`, x.pipelineDeals.delta))} deals)`,
      ],
      [
        `${name} won`,
        show(moneyFigure(`${at}.wonAmount.base`, x.wonAmount.base)),
        show(moneyFigure(`${at}.wonAmount.head`, x.wonAmount.head)),
        `${show(moneyChangeFigure(`${at}.wonAmount.delta`, x.wonAmount.delta))} (${show(countChangeFigure(`${at}.wonDeals.delta`, x.wonDeals.delta))} deals)`,
      ],
    ];
  });
  const shares = a.sourced.flatMap((s, i) =>
    (['marketing', 'sales', 'unattributed'] as const).map((part) => [
      `${part === 'unattributed' ? 'unattributed' : `${part}-sourced`} share of ${s.basis === 'pipeline' ? 'pipeline' : 'won revenue'}${s.currency === null ? '' : ` (${label(s.currency)})`}`,
      show(percentFigure(`attribution.sourced[${i}].${part}.base`, s[part].base, 'no amount known')),
      show(percentFigure(`attribution.sourced[${i}].${part}.head`, s[part].head, 'no amount known')),
      show(pointsFigure(`attribution.sourced[${i}].${part}.delta`, s[part].delta)),
    ]),
  );
  return [...rows, ...shares];
}

function efficiencySection(r: ImpactReport): HtmlSection | null {
  const rows = [...cacRows(r), ...attributionRows(r)];
  if (rows.length === 0) return null;
  return {
    id: 'efficiency',
    title: 'Acquisition cost and attribution (first-touch), base vs head',
    body: renderTable(['', 'base', 'head', 'change'], rows),
  };
}

/** The money sections, in page order. */
export function renderMoneySections(r: ImpactReport): HtmlSection[] {
  const efficiency = efficiencySection(r);
  return [goalSection(r), payoutSection(r), ...(efficiency === null ? [] : [efficiency])];
}
