import type { ImpactReport } from '../core/report/impact.js';
import type { RenderOptions, ReportFormat } from './report-formats.js';
import { renderOutput } from './registry.js';

/** Renders an impact report in one of the output formats (through the reporter registry). */
export function renderImpact(report: ImpactReport, format: ReportFormat, options: RenderOptions): string {
  return renderOutput('impact', format, report, options);
}
