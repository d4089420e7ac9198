import type { Report } from '../core/report/index.js';

/** The Report itself, pretty-printed: the machine-readable output (schemas/report.schema.json). */
export function renderReportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
