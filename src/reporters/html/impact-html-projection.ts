import type { ImpactReport } from '../../core/report/impact.js';
import { describeProjectedPayoutAssumptions } from '../impact-payouts-projected.js';
import { projectionUnknown } from '../impact-projection.js';
import { describeAssumptions } from '../projection-assumptions.js';
import {
  label,
  moneyFigure,
  numberFigure,
  pairHtml,
  quantityFigure,
  renderTable,
  show,
} from './impact-html-figures.js';
import type { HtmlSection } from './page.js';

/**
 * The projection behind the headline's won revenue: the flow per week from the qualified stage
 * to won under each side, where work queues because a stage is over capacity, and the assumptions.
 */
export function renderProjectionSection(r: ImpactReport): HtmlSection {
  const p = r.projection;
  const missing = projectionUnknown(p);
  if (missing !== null) return { id: 'projection', title: 'Projection to won', body: `<p>${label(missing)}</p>` };
  const pair = (path: string, d: { base: number | null; head: number | null }, reason: string) =>
    pairHtml(numberFigure(`${path}.base`, d.base, 2, reason), numberFigure(`${path}.head`, d.head, 2, reason));
  const rows = p.stages.map((s, i) => {
    const at = `projection.stages[${i}]`;
    return [
      label(s.name),
      pair(`${at}.demandPerWeek`, s.demandPerWeek, 'not projected'),
      pair(`${at}.capacityPerWeek`, s.capacityPerWeek, 'unbounded'),
      pair(`${at}.throughputPerWeek`, s.throughputPerWeek, 'not projected'),
      pair(`${at}.queueGrowthPerWeek`, s.queueGrowthPerWeek, 'not projected'),
      show(
        moneyFigure(
          `${at}.undeliveredRevenuePerWeek`,
          s.undeliveredRevenuePerWeek,
          'nothing queues here, or not computed',
        ),
      ),
    ];
  });
  const w = p.wonPerWeek;
  const won =
    `<p>Won deals a week: ${show(quantityFigure('projection.wonPerWeek.base', w.base))} → ${show(quantityFigure('projection.wonPerWeek.head', w.head))}` +
    (w.headLow === w.headHigh
      ? ''
      : ` (range ${show(quantityFigure('projection.wonPerWeek.headLow', w.headLow))} to ${show(quantityFigure('projection.wonPerWeek.headHigh', w.headHigh))})`) +
    '. A stage over capacity queues the extra work: the leads it cannot work do not reach won.</p>';
  const assumptions = [...describeAssumptions(p), ...describeProjectedPayoutAssumptions(p)].map(
    (a) => `<li>${label(a)}</li>`,
  );
  return {
    id: 'projection',
    title: 'Projection to won, given the constraint (steady state, per week, base → head)',
    body: [
      renderTable(['stage', 'demand', 'capacity', 'throughput', 'queue growth', 'won revenue not delivered'], rows),
      won,
      assumptions.length === 0
        ? ''
        : `<details class="assumptions"><summary>Assumptions of the projection</summary><ul>${assumptions.join('')}</ul></details>`,
    ].join('\n'),
  };
}
