import type { AttributionSection, AttributionTable, SourcedShare } from '../../core/report/attribution.js';
import type { Report } from '../../core/report/index.js';
import { escapeHtml } from '../sanitize.js';
import { renderFigure } from './figure.js';
import { moneyFigure, numberFigure, percentFigure } from './figure-builders.js';
import { renderHtmlTable } from './html-table.js';
import type { HtmlSection } from './page.js';

const NO_AMOUNT = 'no deal carries an amount';

/** Deals credited: whole for a single-touch model, a fraction (linear) otherwise. */
function deals(path: string, value: number): string {
  return renderFigure(numberFigure(path, value, Number.isInteger(value) ? 0 : 2));
}

function sourcedTable(s: SourcedShare, b: number): string {
  const at = `attribution.sourced[${b}]`;
  const parts = [
    ['marketing', s.marketing],
    ['sales', s.sales],
    ['unattributed', s.unattributed],
  ] as const;
  const rows = parts.map(([name, part]) => ({
    header: name,
    cells: [
      deals(`${at}.${name}.deals`, part.deals),
      renderFigure(moneyFigure(`${at}.${name}.amount`, part.amount, s.currency, NO_AMOUNT)),
      renderFigure(percentFigure(`${at}.${name}.amountShare`, part.amountShare, 'no amount known')),
    ],
  }));
  const caption = s.basis === 'pipeline' ? 'Pipeline created, by who sourced it' : 'Won revenue, by who sourced it';
  return renderHtmlTable({ caption, columns: ['sourced by', 'deals', 'amount', 'share of amount'], rows });
}

function creditTable(a: AttributionSection, table: AttributionTable): string {
  const t = a.tables.indexOf(table);
  const rows = table.rows.map((row, i) => {
    const at = `attribution.tables[${t}].rows[${i}]`;
    const currency = row.currency;
    return {
      header: row.key ?? 'none',
      cells: [
        deals(`${at}.pipelineDeals`, row.pipelineDeals),
        renderFigure(moneyFigure(`${at}.pipelineAmount`, row.pipelineAmount, currency, NO_AMOUNT)),
        deals(`${at}.wonDeals`, row.wonDeals),
        renderFigure(moneyFigure(`${at}.wonAmount`, row.wonAmount, currency, NO_AMOUNT)),
      ],
    };
  });
  return renderHtmlTable({
    caption: `${table.model} credit by ${table.dimension}`,
    columns: [table.dimension, 'pipeline deals', 'pipeline amount', 'won deals', 'won amount'],
    rows,
  });
}

/** Pipeline and won revenue by who sourced it, and credited to sources under each model. */
export function renderAttributionSection(report: Report): HtmlSection | null {
  const a = report.attribution;
  if (a === null) return null;
  const first = a.tables.find((t) => t.model === 'first-touch' && t.dimension === 'source');
  const others = a.tables.filter((t) => t !== first);
  const multi =
    a.multiTouchUnknown === null
      ? ''
      : `<p>Last-touch and linear credit are not given: ${a.multiTouchUnknown === 'no-campaign-touches' ? 'no activity carries a campaign touch before an opportunity' : 'the deals’ paths hold too many touches to credit within the cost bound'}.</p>`;
  return {
    id: 'attribution',
    title: 'Attribution',
    body: [
      ...a.sourced.map((s, b) => sourcedTable(s, b)),
      first === undefined ? '' : creditTable(a, first),
      multi,
      others.length === 0
        ? ''
        : `<details class="more"><summary>Other models and campaigns</summary>${others.map((t) => creditTable(a, t)).join('\n')}</details>`,
      `<p>Sales-sourced leads come from: ${a.sourcing.sales.map((s) => `<span data-label>${escapeHtml(s)}</span>`).join(', ') || 'none'} (${a.sourcing.basis === 'declared' ? 'declared by the funnel' : 'the default'}).</p>`,
    ].join('\n'),
  };
}
