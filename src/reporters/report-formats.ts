import type { Report } from '../core/report/index.js';
import { renderReportJson } from './report-json.js';
import { renderReportMarkdown } from './report-markdown.js';
import { renderReportTerminal } from './report-terminal.js';

export type ReportFormat = 'terminal' | 'markdown' | 'json';

export interface RenderOptions {
  color: boolean;
}

const reporters: Record<ReportFormat, (report: Report, options: RenderOptions) => string> = {
  terminal: renderReportTerminal,
  markdown: renderReportMarkdown,
  json: renderReportJson,
};

/** Renders a Report in one of the output formats. */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions): string {
  return reporters[format](report, options);
}
