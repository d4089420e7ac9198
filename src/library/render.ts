import type { Report } from '../core/report/index.js';
import { validateImpactReport } from '../core/impact/read-report.js';
import type { ImpactReport } from '../core/report/impact.js';
import { renderImpact as renderImpactIn } from '../reporters/impact-formats.js';
import { renderReport as renderReportIn } from '../reporters/report-formats.js';
import type { ReportFormat } from '../reporters/report-formats.js';

/** Options of the renderers. */
export interface RenderReportOptions {
  /** ANSI colour in the `terminal` format; default off. */
  color?: boolean;
}

/**
 * Renders a Report as `terminal` text, `markdown` (escaped for GitHub) or `json` — the same
 * text `revops evaluate --format <format>` prints. Untrusted values are escaped for the format.
 */
export function renderReport(report: Report, format: ReportFormat, options: RenderReportOptions = {}): string {
  return renderReportIn(report, format, { color: options.color ?? false });
}

/**
 * Renders an ImpactReport as `revops impact --format <format>` prints it (the markdown is the
 * pull request comment's body). The report is validated first, as `revops check` reads one
 * (it may have been read from a file): an invalid one is a UsageError naming each JSON path.
 */
export function renderImpact(report: ImpactReport, format: ReportFormat, options: RenderReportOptions = {}): string {
  validateImpactReport(report, 'the impact report');
  return renderImpactIn(report, format, { color: options.color ?? false });
}
