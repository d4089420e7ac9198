/**
 * The charts' part of the page's stylesheet: every colour is a class over the page's CSS variables
 * (none comes from data), lines differ by dash as well as colour, and colours print.
 */
export const CHART_STYLE = `
:root { --palette-0: #1f5fa8; --palette-1: #a04a00; --palette-2: #2e6b30; --palette-3: #6a2c91;
  --palette-4: #00665c; --palette-5: #5c6470; --grid: #e1e5ea; --band: #1f5fa8; }
figure.chart svg.chart-svg { max-width: 640px; overflow: hidden; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.chart-svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
.chart-svg .tick, .chart-svg .value, .chart-svg .ref-label, .chart-svg .mark-label, .chart-svg .x-label { font-size: 10.5px; }
.chart-svg .tick, .chart-svg .axis-label { fill: var(--muted); }
.chart-svg .value { font-variant-numeric: tabular-nums; }
.chart-svg .value, .chart-svg .ref-label { paint-order: stroke; stroke: var(--paper); stroke-width: 3px; stroke-linejoin: round; }
.chart-svg .unknown { fill: var(--muted); }
.chart-svg .grid { stroke: var(--grid); stroke-width: 1; }
.chart-svg .axis { stroke: var(--ink); stroke-width: 1; }
.chart-svg .highlight-band { fill: var(--panel); }
.chart-svg .gap { fill: var(--grid); fill-opacity: .6; stroke: none; }
.chart-svg .category.marked, .chart-svg .mark-label { fill: var(--mark); font-weight: 600; }
.chart-svg .ref, .chart-svg .ref-swatch { stroke-width: 1.5; fill: none; }
.chart-svg .ref-limit { stroke: var(--limit); }
.chart-svg .ref-target { stroke: var(--target); stroke-dasharray: 6 3; }
.chart-svg .ref-capacity { stroke: var(--ink); stroke-dasharray: 2 2; }
.chart-svg text.ref-limit { fill: var(--limit); stroke: var(--paper); }
.chart-svg text.ref-target { fill: var(--target); stroke: var(--paper); }
.chart-svg text.ref-capacity { fill: var(--ink); stroke: var(--paper); }
.chart-svg line.ref-tone-base { stroke: var(--base); }
.chart-svg line.ref-tone-head, .chart-svg line.ref-tone-current { stroke: var(--head); }
.chart-svg text.ref-tone-base { fill: var(--base); }
.chart-svg text.ref-tone-head, .chart-svg text.ref-tone-current { fill: var(--head); }
.chart-svg .band, .chart-svg .band-swatch { fill: var(--band); fill-opacity: .16; stroke: none; }
.chart-svg .line { fill: none; stroke-width: 2; }
.chart-svg .series-1.line { stroke-dasharray: 7 3; }
.chart-svg .series-2.line { stroke-dasharray: 2 2; }
.chart-svg .series-3.line { stroke-dasharray: 8 3 2 3; }
.chart-svg .tone-current { fill: var(--current); stroke: var(--current); }
.chart-svg .tone-base { fill: var(--base); stroke: var(--base); }
.chart-svg .tone-head { fill: var(--head); stroke: var(--head); }
.chart-svg .tone-muted { fill: var(--muted); stroke: var(--muted); }
.chart-svg .palette-0 { fill: var(--palette-0); stroke: var(--palette-0); }
.chart-svg .palette-1 { fill: var(--palette-1); stroke: var(--palette-1); }
.chart-svg .palette-2 { fill: var(--palette-2); stroke: var(--palette-2); }
.chart-svg .palette-3 { fill: var(--palette-3); stroke: var(--palette-3); }
.chart-svg .palette-4 { fill: var(--palette-4); stroke: var(--palette-4); }
.chart-svg .palette-5 { fill: var(--palette-5); stroke: var(--palette-5); }
.chart-svg .bar { stroke: none; }
.chart-svg .range { stroke: var(--ink); stroke-width: 1.5; }
.chart-svg line.line, .chart-svg path.line { fill: none; }
.chart-svg text.end-label { stroke: var(--paper); font-weight: 600; }
.chart-svg .point { stroke: var(--paper); stroke-width: 1; }
`;
