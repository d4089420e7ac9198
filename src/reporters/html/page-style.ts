/**
 * The report's one stylesheet, inlined in the page (nothing is fetched). System fonts; colours
 * meet WCAG AA contrast on white; charts scale to the page width; printed on A4 each section
 * starts on a fresh page when it would not fit and charts are never split.
 */
export const PAGE_STYLE = `
:root { --ink: #1b1f24; --muted: #4d5560; --line: #c9d0d8; --paper: #ffffff; --panel: #f4f6f8;
  --current: #1f5fa8; --base: #6b7480; --head: #1f5fa8; --limit: #b3261e; --target: #7a4d00; --mark: #b3261e; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--paper);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-top: .5rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
p, li { overflow-wrap: anywhere; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
.headline { background: var(--panel); border-left: 4px solid var(--current); padding: .75rem 1rem; margin: 1rem 0; }
.headline p { margin: .25rem 0; }
.unknown { color: var(--muted); }
.reason { font-size: .85em; }
.bad { color: var(--limit); }
.muted, .note { color: var(--muted); }
th .muted { font-weight: normal; }
.notice { border-left: 4px solid var(--limit); padding: .25rem .75rem; }
td .mark, th .mark { color: var(--mark); font-weight: 600; font-size: .85rem; }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
td { font-variant-numeric: tabular-nums; }
thead th { border-bottom: 2px solid var(--ink); }
figure.chart { margin: 1rem 0 1.5rem; break-inside: avoid; }
figure.chart figcaption { font-weight: 600; margin-bottom: .25rem; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
figure.chart .chart-scroll { max-width: 100%; }
@media (max-width: 599.98px) {
  /* A phone would shrink the 480-unit drawing's text below 10 px: keep it 480 px wide, scrolling in its box. */
  figure.chart .chart-scroll { overflow-x: auto; }
  figure.chart .chart-scroll svg.chart-svg { min-width: 480px; }
}
.chart-description { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
details.chart-data summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
.chart-references { font-size: .9rem; margin: .25rem 0; }
.flow { display: flex; flex-wrap: wrap; gap: .5rem; align-items: stretch; list-style: none; padding: 0; margin: .5rem 0; }
.flow > li { flex: 1 1 9rem; min-width: 0; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .6rem; background: var(--paper); }
.flow > li.constraint { border: 2px solid var(--mark); }
.flow .stage-name { font-weight: 600; }
.flow .mark { color: var(--mark); font-weight: 600; font-size: .85rem; }
.flow dl { margin: .25rem 0 0; font-size: .85rem; }
.flow dt { color: var(--muted); }
.flow dd { margin: 0 0 .2rem; }
.stamp { color: var(--muted); font-size: .85rem; margin-top: 2rem; }
.alert { color: var(--mark); font-weight: 600; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
tr.constraint > th, tr.total > th { font-weight: 700; }
tr.constraint > th::before { content: "▶ "; color: var(--mark); }
tr.total > td { border-top: 2px solid var(--ink); }
tr.missed > th { color: var(--mark); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .9rem; margin: .5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
details.more { margin: .5rem 0 1rem; }
details.more > summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
.plan-meta { color: var(--muted); font-size: .9rem; margin: 0; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  details.chart-data > summary { display: none; }
  details.chart-data > :not(summary) { display: block; }
  details.more > summary { display: none; }
  details.more > :not(summary) { display: block; }
  /* Paper has no closed section and no scroll bar: every collapsed table prints, wide tables wrap. */
  details::details-content { content-visibility: visible; display: contents; }
  .table-scroll { overflow: visible; }
  th, td { overflow-wrap: anywhere; }
  h2 { break-after: avoid; }
  section { break-inside: auto; }
  a { color: inherit; text-decoration: none; }
}
`;
