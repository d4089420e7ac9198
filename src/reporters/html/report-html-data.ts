import type { Report } from '../../core/report/index.js';
import { phraseWarning } from '../phrase-warning.js';
import { escapeHtml } from '../sanitize.js';
import { describeWaivedDataIssues } from '../waived-data-issues.js';
import { renderFigure } from './figure.js';
import { countFigure } from './figure-builders.js';
import { labelText, renderHtmlTable } from './html-table.js';
import type { HtmlSection } from './page.js';

function filesTable(report: Report): string {
  const d = report.data;
  const count = (path: string, value: number) => renderFigure(countFigure(path, value));
  const rows = d.files.map((f, i) => {
    const at = `data.files[${i}]`;
    return {
      header: f.file,
      className: f.status === 'failed' || f.rowsRejected > 0 ? 'missed' : undefined,
      cells: [
        escapeHtml(f.entity),
        f.status === 'failed' ? 'failed' : 'read',
        count(`${at}.rowsRead`, f.rowsRead),
        count(`${at}.rowsEvaluated`, f.rowsEvaluated),
        count(`${at}.rowsRejected`, f.rowsRejected),
        count(`${at}.issueCount`, f.issueCount),
      ],
    };
  });
  const t = d.totals;
  rows.push({
    header: 'all files',
    className: 'total',
    cells: [
      '',
      '',
      count('data.totals.rowsRead', t.rowsRead),
      count('data.totals.rowsEvaluated', t.rowsEvaluated),
      count('data.totals.rowsRejected', t.rowsRejected),
      count('data.totals.issueCount', t.issueCount),
    ],
  });
  return renderHtmlTable({
    columns: ['file', 'entity', 'status', 'rows read', 'evaluated', 'rejected', 'issues'],
    rows,
  });
}

function issuesTable(report: Report): string {
  const issues = report.data.issues;
  if (issues.length === 0) return '<p>No row was rejected and no file had a problem.</p>';
  const rows = issues.map((issue, i) => ({
    header: issue.file,
    cells: [
      renderFigure(countFigure(`data.issues[${i}].line`, issue.line)),
      `${renderFigure(countFigure(`data.issues[${i}].column`, issue.column))}${issue.columnName === undefined ? '' : ` ${labelText(issue.columnName)}`}`,
      issue.raw === undefined ? (report.isMasked ? '— (masked)' : '—') : `<code>${labelText(issue.raw)}</code>`,
      labelText(issue.message),
      issue.waiver === undefined ? '' : 'waived',
    ],
  }));
  return (
    '<h3>Problems found, located</h3>' +
    renderHtmlTable({ columns: ['file', 'line', 'column', 'raw value', 'reason', ''], rows }) +
    '<p>Each file keeps its first problems; its issue count above counts them all.</p>'
  );
}

function notes(report: Report): string {
  const d = report.data;
  const items = [
    ...(d.absent.length === 0 ? [] : [`No file for: ${d.absent.map((e) => labelText(e)).join(', ')}.`]),
    ...(d.ignoredFiles.length === 0
      ? []
      : [`Files that hold no entity, not read: ${d.ignoredFiles.map((f) => labelText(f)).join(', ')}.`]),
    ...describeWaivedDataIssues(d).map((line) => labelText(line)),
  ];
  return items.length === 0 ? '' : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/** What was read: rows read, evaluated and rejected per file, and every problem located. */
export function renderDataSection(report: Report): HtmlSection {
  return {
    id: 'data',
    title: 'Data read',
    body: [
      '<p>Every row read is either evaluated or rejected; a rejected row is left out of every figure and listed with where it is and why.</p>',
      filesTable(report),
      notes(report),
      issuesTable(report),
    ].join('\n'),
  };
}

/** Warnings of the policies and of the evaluation: what changes no figure silently but must be read. */
export function renderWarningsSection(report: Report): HtmlSection {
  const items = [
    ...report.warnings.map((w) => labelText(phraseWarning(w))),
    ...report.policies.warnings.map(
      (w) => `${labelText(`${w.file}:${w.line}:${w.column}`)} ${labelText(w.message)} (${escapeHtml(w.code)})`,
    ),
  ];
  return {
    id: 'warnings',
    title: 'Warnings',
    body: items.length === 0 ? '<p>No warnings.</p>' : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`,
  };
}
