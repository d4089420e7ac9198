import type { Report } from '../core/report/index.js';
import {
  attributionTable,
  attributionTitle,
  historyNotes,
  historyTable,
  moreRowsNote,
  sourcedTable,
  sourcingNote,
  touchesNote,
} from './history-tables.js';
import { escapeMarkdown as e, renderMarkdownDetails, renderMarkdownTable } from './markdown-escape.js';
import type { TableModel } from './report-tables.js';

function table(model: TableModel): string[] {
  return renderMarkdownTable(model.headers, model.rows, model.align);
}

const details = renderMarkdownDetails;

/** The constraint month by month, then attribution and the sourced split, as collapsible markdown sections. */
export function renderHistoryMarkdown(report: Report): string[] {
  const out: string[] = [];
  const h = report.constraintHistory;
  if (h !== null && h.periods.length > 0)
    out.push(
      ...details('Constraint history (utilisation per month)', [
        ...table(historyTable(h)),
        '',
        ...historyNotes(h).map((l) => `- ${e(l)}`),
      ]),
    );
  const a = report.attribution;
  if (a === null) return out;
  const body: string[] = [];
  for (const model of a.tables) {
    body.push(`**${e(attributionTitle(model))}**`, '', ...table(attributionTable(model)), '');
    const more = moreRowsNote(model);
    if (more !== null) body.push(e(more), '');
  }
  body.push(e(touchesNote(a)), '', '**Marketing- vs sales-sourced (first-touch)**', '', ...table(sourcedTable(a)), '');
  body.push(e(sourcingNote(a)));
  out.push(...details('Attribution (pipeline and won revenue by source and campaign)', body));
  return out;
}
