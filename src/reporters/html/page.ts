import { escapeHtml } from '../sanitize.js';
import { CHART_STYLE } from './chart-style.js';
import { PAGE_STYLE } from './page-style.js';

/** One section of the report page; `body` is HTML built with `escapeHtml` and `renderFigure`. */
export interface HtmlSection {
  /** Anchor id, from our own words (never from data). */
  id: string;
  title: string;
  body: string;
}

/** What a report page holds. */
export interface HtmlPage {
  title: string;
  /** One line under the title (what was evaluated, as of when). */
  subtitle: string;
  /** The same line as HTML (dates marked `data-label`, figures rendered); used instead of `subtitle` when given. */
  subtitleHtml?: string;
  /** The headline: a few sentences, already HTML. */
  headline: string[];
  sections: HtmlSection[];
  /** The stamp line at the foot (engine version, hashes), already HTML. */
  stamp: string;
}

/**
 * A whole self-contained page: inline style, no script, nothing fetched. Its Content Security
 * Policy forbids scripts and any fetch, so even a string that escaped our escaping could not run
 * or call anywhere when the file is opened.
 */
export function renderHtmlPage(page: HtmlPage): string {
  const sections = page.sections.map(
    (s) =>
      `<section id="${escapeHtml(s.id)}" aria-labelledby="${escapeHtml(s.id)}-h">\n` +
      `<h2 id="${escapeHtml(s.id)}-h">${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`,
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${PAGE_STYLE}${CHART_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<p class="subtitle">${page.subtitleHtml ?? escapeHtml(page.subtitle)}</p>`,
    `<div class="headline" role="region" aria-label="Headline">${page.headline.map((line) => `<p>${line}</p>`).join('\n')}</div>`,
    ...sections,
    `<p class="stamp">${page.stamp}</p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
