import type { Report } from '../core/report/index.js';
export function renderReportMarkdown(report: Report): string {
  return JSON.stringify(report.constraint);
}
