import type { createColors } from 'picocolors';
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
import type { TableModel } from './report-tables.js';
import { terminalText as t } from './sanitize.js';
import { renderTextTable, wrapText } from './text-table.js';

type Colors = ReturnType<typeof createColors>;

const WIDTH = 100;

function table(model: TableModel): string[] {
  return renderTextTable(
    model.headers.map(t),
    model.rows.map((r) => r.map(t)),
    model.align,
  );
}

function note(text: string, c: Colors): string[] {
  return wrapText(t(text), WIDTH - 2, '  ').map((l, i) => c.dim(i === 0 ? `  ${l}` : l));
}

/** The constraint month by month, then attribution and the sourced split, for the terminal. */
export function renderHistoryTerminal(report: Report, c: Colors): string[] {
  const out: string[] = [];
  const h = report.constraintHistory;
  if (h !== null && h.periods.length > 0) {
    out.push('', c.bold('Constraint history (utilisation per month)'), ...table(historyTable(h)));
    for (const line of historyNotes(h)) out.push(...note(line, c));
  }
  const a = report.attribution;
  if (a === null) return out;
  for (const model of a.tables) {
    out.push('', c.bold(t(`Pipeline and won revenue, ${attributionTitle(model)}`)), ...table(attributionTable(model)));
    const more = moreRowsNote(model);
    if (more !== null) out.push(...note(more, c));
  }
  out.push(...note(touchesNote(a), c));
  out.push('', c.bold('Marketing- vs sales-sourced (first-touch)'), ...table(sourcedTable(a)));
  out.push(...note(sourcingNote(a), c));
  return out;
}
