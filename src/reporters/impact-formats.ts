import type { ImpactReport } from '../core/report/impact.js';
import { renderImpactMarkdown } from './impact-markdown.js';
import { renderImpactTerminal } from './impact-terminal.js';
import type { RenderOptions, ReportFormat } from './report-formats.js';
import { jsonText } from './sanitize.js';

const reporters: Record<ReportFormat, (report: ImpactReport, options: RenderOptions) => string> = {
  terminal: renderImpactTerminal,
  markdown: renderImpactMarkdown,
  json: (report) => jsonText(report),
};

/** Renders an impact report in one of the output formats. */
export function renderImpact(report: ImpactReport, format: ReportFormat, options: RenderOptions): string {
  return reporters[format](report, options);
}
