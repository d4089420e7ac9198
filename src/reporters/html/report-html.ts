import type { Report } from '../../core/report/index.js';
import { formatInstant } from '../figures.js';
import { summariseReport } from '../report-summary.js';
import { escapeHtml } from '../sanitize.js';
import { renderHtmlPage } from './page.js';

/** The evaluation report as one self-contained HTML page (`evaluate --format html`). */
export function renderReportHtml(report: Report): string {
  return renderHtmlPage({
    title: 'Revenue policy report',
    subtitle: `Window ${report.window.start.slice(0, 10)} to ${formatInstant(report.window.end)}`,
    headline: summariseReport(report).map((line) => `<strong>${line.label}</strong> ${escapeHtml(line.text)}`),
    sections: [],
    stamp: escapeHtml(
      `${report.stamp.engine} ${report.stamp.engineVersion} · policies ${report.stamp.policyHash.slice(0, 12)} · data ${report.stamp.dataHash.slice(0, 12)}`,
    ),
  });
}
