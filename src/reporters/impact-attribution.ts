import type { ImpactReport } from '../core/report/impact.js';
import type { AttributionImpact, AttributionImpactRow, SourcedShareImpact } from '../core/report/impact-attribution.js';
import type { Delta } from '../core/report/impact.js';
import { formatCount, formatPercent } from './figures.js';
import { money, NONE, signed, signedMoney } from './impact-phrases.js';

/** Rows the terminal shows; the markdown and JSON list them all. */
const TERMINAL_ROWS = 5;

export const ATTRIBUTION_TITLE = 'Attribution, base vs head (first-touch)';

/** A source as the tables print it (plain text: each reporter escapes it). */
function sourceName(source: string | null): string {
  return source ?? '(no source)';
}

function side(amount: string | null, deals: number, currency: string | null): string {
  return `${amount === null ? NONE : money(amount, currency)} (${formatCount(deals)})`;
}

function change(amount: Delta<string | null>, deals: Delta<number>, currency: string | null): string {
  return `${amount.delta === null ? NONE : signedMoney(amount.delta, currency)} (${signed(deals.delta)})`;
}

/** One changed source: [source, pipeline base, head, change, won base, head, change]; amounts with (deals). */
function rowCells(r: AttributionImpactRow): string[] {
  return [
    sourceName(r.source),
    side(r.pipelineAmount.base, r.pipelineDeals.base, r.currency),
    side(r.pipelineAmount.head, r.pipelineDeals.head, r.currency),
    change(r.pipelineAmount, r.pipelineDeals, r.currency),
    side(r.wonAmount.base, r.wonDeals.base, r.currency),
    side(r.wonAmount.head, r.wonDeals.head, r.currency),
    change(r.wonAmount, r.wonDeals, r.currency),
  ];
}

export const ATTRIBUTION_HEADERS = [
  'lead source',
  'pipeline, base',
  'pipeline, head',
  'change',
  'won, base',
  'won, head',
  'change',
];

function points(d: Delta): string {
  return d.delta === null ? NONE : `${signed(d.delta * 100, (x) => x.toFixed(1))} pts`;
}

/** Sourced-share rows: [share of, sourced by, base, head, change]. */
export function sourcedShareRows(a: AttributionImpact): string[][] {
  return a.sourced.flatMap((s) =>
    (['marketing', 'sales', 'unattributed'] as const).map((part) => [
      shareLabel(s),
      part,
      formatPercent(s[part].base),
      formatPercent(s[part].head),
      points(s[part]),
    ]),
  );
}

function shareLabel(s: SourcedShareImpact): string {
  return `${s.basis === 'pipeline' ? 'pipeline' : 'won revenue'}${s.currency === null ? '' : ` (${s.currency})`}`;
}

/** What each side counted: the basis of every figure in the section. */
export function describeAttributionBasis(a: AttributionImpact): string {
  const c = (which: 'base' | 'head'): string => {
    const n = a.counted[which];
    const basis =
      a.basis[which] === 'qualified-leads'
        ? `${formatCount(n.notQualified)} left out, their lead not qualified`
        : `no lead definition, every opportunity counts (${formatCount(n.withoutLead)} without a lead)`;
    return `${which} ${formatCount(n.pipeline)} created, ${formatCount(n.won)} won (${basis})`;
  };
  return `Opportunities of the window credited to their lead's own source, each side counting those whose lead its own lead definition qualifies: ${c('base')}; ${c('head')}. Amounts in (deals); amounts never mix currencies.`;
}

function unchangedLine(a: AttributionImpact): string {
  return a.rows.length === 0
    ? `No lead source's pipeline or won revenue changes (${formatCount(a.unchanged)} source and currency pairs compared).`
    : `${formatCount(a.unchanged)} other source and currency pairs do not change.`;
}

/** The collapsed markdown section; `table` and `text` escape what they are given. */
export function renderAttributionMarkdown(
  r: ImpactReport,
  table: (headers: string[], rows: string[][], align: ('left' | 'right')[]) => string[],
  text: (s: string) => string,
): { title: string; body: string[] } | null {
  const a = r.attribution;
  if (a === undefined) return null;
  const right = (n: number): ('left' | 'right')[] => ['left', ...new Array<'right'>(n).fill('right')];
  return {
    title: ATTRIBUTION_TITLE,
    body: [
      text(describeAttributionBasis(a)),
      '',
      ...(a.rows.length === 0 ? [] : [...table(ATTRIBUTION_HEADERS, a.rows.map(rowCells), right(6)), '']),
      text(unchangedLine(a)),
      ...(a.sourced.length === 0
        ? []
        : [
            '',
            ...table(['share of', 'sourced by', 'base', 'head', 'change'], sourcedShareRows(a), [
              'left',
              'left',
              'right',
              'right',
              'right',
            ]),
          ]),
    ],
  };
}

/** Longest source name the terminal prints; the markdown and JSON keep it whole. */
const TERMINAL_NAME = 40;

/** A compact terminal row: [source, pipeline base → head, change, won change]. */
function terminalCells(r: AttributionImpactRow): string[] {
  const name = sourceName(r.source);
  const amount = (v: string | null): string => (v === null ? NONE : money(v));
  const cur = r.currency === null ? '' : ` ${r.currency}`;
  return [
    name.length > TERMINAL_NAME ? `${name.slice(0, TERMINAL_NAME - 1)}…` : name,
    `${amount(r.pipelineAmount.base)} → ${amount(r.pipelineAmount.head)}${cur}`,
    change(r.pipelineAmount, r.pipelineDeals, r.currency),
    change(r.wonAmount, r.wonDeals, r.currency),
  ];
}

/** The terminal block: the largest changes and the marketing-sourced share; `wrap` makes text safe. */
export function renderAttributionTerminal(
  r: ImpactReport,
  table: (headers: string[], rows: string[][], align: ('left' | 'right')[]) => string[],
  wrap: (s: string) => string[],
): string[] {
  const a = r.attribution;
  if (a === undefined) return [];
  const shown = a.rows.slice(0, TERMINAL_ROWS);
  const more = a.rows.length - shown.length;
  const shares = a.sourced.map(
    (s) =>
      `marketing-sourced ${shareLabel(s)} ${formatPercent(s.marketing.base)} → ${formatPercent(s.marketing.head)} (${points(s.marketing)})`,
  );
  return [
    ...(shown.length === 0
      ? wrap(unchangedLine(a))
      : [
          ...table(['lead source', 'pipeline, base → head', 'change', 'won, change'], shown.map(terminalCells), [
            'left',
            'right',
            'right',
            'right',
          ]),
          ...(more > 0 ? wrap(`… and ${formatCount(more)} more sources (see --format markdown or json).`) : []),
        ]),
    ...(shares.length === 0 ? [] : wrap(`${shares.join('; ')}.`)),
  ];
}
