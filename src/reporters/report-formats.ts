import type { Report } from '../core/report/index.js';
import type { OutputFormat, RenderOptions } from './registry.js';
import { renderOutput } from './registry.js';

export type { RenderOptions } from './registry.js';
/** The formats of an evaluation or impact report. */
export type ReportFormat = OutputFormat<'report'>;

/** Renders a Report in one of the output formats (through the reporter registry). */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions): string {
  return renderOutput('report', format, report, options);
}
