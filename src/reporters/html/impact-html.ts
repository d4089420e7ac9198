import type { ImpactReport } from '../../core/report/impact.js';
import { formatInstant } from '../figures.js';
import { describeImpact } from '../impact-headline.js';
import { escapeHtml } from '../sanitize.js';
import { renderHtmlPage } from './page.js';

/** The impact report as one self-contained HTML page (`impact --format html`). */
export function renderImpactHtml(report: ImpactReport): string {
  const { constraint, consequences } = describeImpact(report);
  return renderHtmlPage({
    title: 'Policy change impact',
    subtitle: `${report.base.ref} → ${report.head.ref}, data as of ${formatInstant(report.stamp.asOf)}`,
    headline: [constraint, ...consequences].map((line) => escapeHtml(line)),
    sections: [],
    stamp: escapeHtml(
      `${report.stamp.engine} ${report.stamp.engineVersion} · data ${report.stamp.dataHash.slice(0, 12)}`,
    ),
  });
}
