import type { ImpactReport } from '../../core/report/impact.js';
import { formatInstant } from '../figures.js';
import { renderFlowSections } from './impact-html-flow.js';
import { label } from './impact-html-figures.js';
import { renderChangeSections, renderGateSections } from './impact-html-gates.js';
import { renderImpactHeadline } from './impact-html-headline.js';
import { renderMoneySections } from './impact-html-money.js';
import { renderProjectionSection } from './impact-html-projection.js';
import { renderHtmlPage } from './page.js';

/** What a partial run leaves out, first on the page; nothing for a complete run. */
function partialNotice(r: ImpactReport): string[] {
  const missing = r.data.missing ?? [];
  if (missing.length === 0) return [];
  const items = missing.map((m) => `${label(m.entity)} (${label(m.file ?? 'no file')}: ${label(m.reason)})`);
  return [`<strong class="bad">Partial data</strong> — these figures leave out ${items.join('; ')}.`];
}

/**
 * The impact report as one self-contained HTML page (`impact --format html`): the headline a
 * CFO reads first (the change, won revenue given the constraint, the cost, the constraint, who
 * approves), then what changed, the flow, the money, and the guardrails with their approvers.
 */
export function renderImpactHtml(report: ImpactReport): string {
  const r = report;
  const side = (s: ImpactReport['base']) => `${label(s.ref)}${s.sha === null ? '' : ` ${label(s.sha.slice(0, 12))}`}`;
  const isChange = r.hasChanges || r.inputs.isChanged;
  return renderHtmlPage({
    title: 'Policy change impact',
    // Refs and dates come from the report: labelled in the headline, the subtitle is our own words.
    subtitle: `The pull request's policies against the base branch's, replayed on the same data${r.isMasked ? ' (people and leads masked)' : ''}.`,
    headline: [
      ...partialNotice(r),
      `<strong>Compared</strong> ${side(r.base)} → ${side(r.head)}, data as of ${label(formatInstant(r.stamp.asOf))}.`,
      ...renderImpactHeadline(r),
    ],
    sections: isChange
      ? [
          ...renderChangeSections(r),
          ...renderFlowSections(r),
          renderProjectionSection(r),
          ...renderMoneySections(r),
          ...renderGateSections(r),
        ]
      : renderGateSections(r),
    stamp: [
      r.stamp.engine,
      r.stamp.engineVersion,
      `policies ${r.base.policyHash.slice(0, 12)} → ${r.head.policyHash.slice(0, 12)}`,
      `data ${r.stamp.dataHash.slice(0, 12)}`,
    ]
      .map(label)
      .join(' · '),
  });
}
