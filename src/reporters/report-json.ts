import type { Report } from '../core/report/index.js';
import { jsonText } from './sanitize.js';

/** The Report itself, pretty-printed: the machine-readable output (schemas/report.schema.json). */
export function renderReportJson(report: Report): string {
  return jsonText(report);
}
