import type { CacFigure, CacPeriod, CacSection } from '../../core/report/cac.js';
import type { Report } from '../../core/report/index.js';
import { describeCacUnknown } from '../cac-tables.js';
import { renderFigure } from './figure.js';
import { countFigure, moneyFigure } from './figure-builders.js';
import { labelText, renderHtmlTable } from './html-table.js';
import type { HtmlTableRow } from './html-table.js';
import type { HtmlSection } from './page.js';

type CacKind = 'blended' | 'marketing' | 'sales' | 'paid' | 'cohort';
const KINDS: readonly CacKind[] = ['blended', 'marketing', 'sales', 'paid', 'cohort'];

function cac(path: string, f: CacFigure, currency: string | null): string {
  const reason = f.unknown === null ? undefined : describeCacUnknown(f.unknown);
  return renderFigure(moneyFigure(`${path}.value`, f.value, currency, reason));
}

function periodRow(p: CacPeriod, at: string, currency: string | null, header: string): HtmlTableRow {
  return {
    header,
    cells: [
      renderFigure(moneyFigure(`${at}.spend.total`, p.spend.total, currency)),
      renderFigure(countFigure(`${at}.customers`, p.customers)),
      ...KINDS.map((k) => cac(`${at}.${k}`, p[k], currency)),
    ],
  };
}

function sourcesTable(c: CacSection): string {
  const rows = c.bySource.map((s, i) => ({
    header: s.source,
    cells: [
      renderFigure(moneyFigure(`cac.bySource[${i}].spend`, s.spend, c.currency)),
      renderFigure(countFigure(`cac.bySource[${i}].customers`, s.customers)),
      cac(`cac.bySource[${i}].cac`, s.cac, c.currency),
    ],
  }));
  return renderHtmlTable({ columns: ['paid source', 'spend', 'new customers', 'acquisition cost'], rows });
}

/** Customer acquisition cost over the window, per period and per paid source. */
export function renderCacSection(report: Report): HtmlSection | null {
  const c = report.cac;
  if (c === undefined) return null;
  const columns = ['period', 'spend', 'new customers', 'blended', 'marketing', 'sales', 'paid channels', 'cohort'];
  const unknown =
    c.unknown === null
      ? ''
      : `<p class="alert">Acquisition cost cannot be computed: ${labelText(describeCacUnknown(c.unknown))}${c.currencies.length === 0 ? '' : ` (${c.currencies.map((x) => labelText(x)).join(', ')})`}.</p>`;
  const periods = renderHtmlTable({
    columns,
    rows: c.periods.map((p, i) => periodRow(p, `cac.periods[${i}]`, c.currency, p.label)),
  });
  return {
    id: 'cac',
    title: 'Customer acquisition cost',
    body: [
      '<p>Spend (marketing, and sales from spend rows or headcount) divided by the new customers won. <em>Paid channels</em>: spend on paid sources over the customers they brought; <em>cohort</em>: spend over the customers whose lead arrived in the span.</p>',
      unknown,
      renderHtmlTable({ columns, rows: [periodRow(c.window, 'cac.window', c.currency, 'whole window')] }),
      sourcesTable(c),
      `<details class="more"><summary>Per period</summary>${periods}</details>`,
    ].join('\n'),
  };
}
