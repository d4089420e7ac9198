import { terminalText } from './sanitize.js';
import type { Report } from '../core/report/index.js';
import { cacChannelTable, cacNotes, cacPeriodTable, cacSpendTable } from './cac-tables.js';
import type { TableModel } from './report-tables.js';
import { escapeMarkdown as e, renderMarkdownDetails, renderMarkdownTable } from './markdown-escape.js';
import { renderTextTable, wrapText } from './text-table.js';

const WIDTH = 100;

/** The CAC section for the terminal: `bold` and `dim` colour its title and notes. */
export function renderCacTerminal(
  report: Report,
  c: { bold: (s: string) => string; dim: (s: string) => string },
): string[] {
  const cac = report.cac;
  if (cac === undefined) return [];
  const table = (m: TableModel) => renderTextTable(m.headers, m.rows, m.align);
  const out = [
    '',
    c.bold(`Customer acquisition cost${cac.currency === null ? '' : ` (${terminalText(cac.currency)})`}`),
  ];
  if (cac.unknown === null) {
    out.push(...table(cacSpendTable(cac)), '', ...table(cacPeriodTable(cac)));
    if (cac.bySource.length > 0) out.push('', ...table(cacChannelTable(cac)));
  }
  for (const n of cacNotes(cac)) out.push(...wrapText(n, WIDTH - 2, '  ').map((l, i) => c.dim(i === 0 ? `  ${l}` : l)));
  return out;
}

/** The CAC section for markdown, collapsible like the others. */
export function renderCacMarkdown(report: Report): string[] {
  const cac = report.cac;
  if (cac === undefined) return [];
  const table = (m: TableModel) => renderMarkdownTable(m.headers, m.rows, m.align);
  const body: string[] = [];
  if (cac.unknown === null) {
    body.push(...table(cacSpendTable(cac)), '', ...table(cacPeriodTable(cac)), '');
    if (cac.bySource.length > 0) body.push(...table(cacChannelTable(cac)), '');
  }
  body.push(...cacNotes(cac).map((n) => `- ${e(n)}`));
  const title = `Customer acquisition cost${cac.currency === null ? '' : ` (${cac.currency})`}`;
  return renderMarkdownDetails(title, body);
}
