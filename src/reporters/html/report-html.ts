import type { Report } from '../../core/report/index.js';
import { formatInstant } from '../figures.js';
import { renderFigure } from './figure.js';
import { numberFigure } from './figure-builders.js';
import { labelText } from './html-table.js';
import { renderHtmlPage } from './page.js';
import type { HtmlSection } from './page.js';
import { renderAttributionSection } from './report-html-attribution.js';
import { renderCacSection } from './report-html-cac.js';
import { renderCompSection } from './report-html-comp.js';
import { renderDataSection, renderWarningsSection } from './report-html-data.js';
import { renderFunnelSection } from './report-html-funnel.js';
import { renderGoalSection } from './report-html-goal.js';
import { renderReportHeadline } from './report-html-headline.js';
import { renderHistorySection } from './report-html-history.js';
import { renderSlaSection } from './report-html-sla.js';

/**
 * The evaluation report as one self-contained HTML page (`evaluate --format html`). Sections
 * in the order a revenue leader reads: the headline, the goal, the funnel and its constraint,
 * payout, SLAs, acquisition cost and attribution, the constraint over time, then what was read
 * and the warnings. Every figure is the JSON report's, tagged with its path.
 */
export function renderReportHtml(report: Report): string {
  const s = report.stamp;
  const sections = [
    renderGoalSection(report),
    renderFunnelSection(report),
    renderCompSection(report),
    renderSlaSection(report),
    renderCacSection(report),
    renderAttributionSection(report),
    renderHistorySection(report),
    renderDataSection(report),
    renderWarningsSection(report),
  ].filter((x): x is HtmlSection => x !== null);
  const masked = report.isMasked ? ' People and leads are shown by pseudonym.' : '';
  return renderHtmlPage({
    title: 'Revenue policy report',
    subtitle: `As of ${formatInstant(s.asOf)}`,
    subtitleHtml:
      `As of ${labelText(formatInstant(s.asOf))}; window from ${labelText(report.window.start.slice(0, 10))} ` +
      `(${renderFigure(numberFigure('window.weeks', report.window.weeks, 2))} weeks, periods in ${labelText(report.window.timeZone)}).${masked}`,
    headline: renderReportHeadline(report),
    sections,
    stamp:
      `${labelText(`${s.engine} ${s.engineVersion}`)} · policies ${labelText(s.policyHash.slice(0, 12))} · ` +
      `data ${labelText(s.dataHash.slice(0, 12))}` +
      (s.generatedAt === undefined ? '' : ` · generated ${labelText(formatInstant(s.generatedAt))}`),
  });
}
