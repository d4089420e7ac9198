import { listCountedDeals } from '../engine/attribution.js';
import type { CountedDeal } from '../engine/attribution.js';
import type { TouchPath } from '../engine/attribution-touches.js';
import { Dec, formatMoney } from '../engine/comp/money.js';
import type { Decimal } from '../engine/comp/money.js';
import type { Evaluation } from '../engine/evaluate.js';
import { measureSourcedShares } from '../engine/sourced-share.js';
import { round } from '../engine/stats.js';
import type { SourcedPart, SourcedShare } from '../report/attribution.js';
import type { Delta } from '../report/impact.js';
import type {
  AttributionImpact,
  AttributionImpactBasis,
  AttributionImpactCounts,
  AttributionImpactRow,
  SourcedShareImpact,
} from '../report/impact-attribution.js';

/** One side's first-touch credit per (source, currency), and its sourced shares. */
interface SideTally {
  basis: AttributionImpactBasis;
  counted: AttributionImpactCounts;
  bySource: Map<string, Tally>;
  sourced: SourcedShare[];
}

interface Tally {
  pipelineDeals: number;
  pipelineAmount: Decimal | null;
  wonDeals: number;
  wonAmount: Decimal | null;
}

const keyOf = (source: string | null, currency: string | null): string => JSON.stringify([source, currency]);

/**
 * First-touch pipeline and won revenue per lead source under base and head. Each side counts
 * the window's opportunities (as evaluate's attribution does) whose lead its own lead
 * definition qualifies into a funnel stage — the pipeline its funnel replays; a side without a
 * lead definition counts them all. Deltas are exact, per currency; rows that do not change are
 * left out. The sourced shares use each side's own Funnel `sourcing`.
 */
export function compareAttribution(base: Evaluation, head: Evaluation): AttributionImpact {
  const b = tallySide(base);
  const h = tallySide(head);
  const keys = [...new Set([...b.bySource.keys(), ...h.bySource.keys()])];
  const rows: AttributionImpactRow[] = [];
  for (const key of keys) {
    const [source, currency] = JSON.parse(key) as [string | null, string | null];
    const row = compareTallies(source, currency, b.bySource.get(key), h.bySource.get(key));
    if (row !== null) rows.push(row);
  }
  rows.sort(compareRows);
  return {
    model: 'first-touch',
    basis: { base: b.basis, head: h.basis },
    counted: { base: b.counted, head: h.counted },
    rows,
    unchanged: keys.length - rows.length,
    sourced: compareSourced(b.sourced, h.sourced),
  };
}

function tallySide(side: Evaluation): SideTally {
  const { data, window, sourcing } = side.attributionInput;
  const classes = side.classes;
  const counted: AttributionImpactCounts = { pipeline: 0, won: 0, notQualified: 0, withoutLead: 0 };
  const deals: CountedDeal[] = [];
  const paths: TouchPath[] = [];
  const bySource = new Map<string, Tally>();
  for (const deal of listCountedDeals(data, window)) {
    const lead = side.leadOfOpportunity[deal.index] as number;
    // A lead definition qualifies leads; an opportunity without a lead has none to qualify.
    if (classes !== undefined && (lead < 0 || (classes.stageOrderOf[lead] as number) < 0)) {
      counted.notQualified++;
      continue;
    }
    if (lead < 0) counted.withoutLead++;
    const raw = lead < 0 ? undefined : data.leads[lead]?.source;
    const source = typeof raw === 'string' && raw !== '' ? raw : null;
    deals.push(deal);
    paths.push({ touches: [{ source, campaign: null }], activityTouches: 0 });
    const key = keyOf(source, deal.currency);
    let t = bySource.get(key);
    if (t === undefined) {
      t = { pipelineDeals: 0, pipelineAmount: null, wonDeals: 0, wonAmount: null };
      bySource.set(key, t);
    }
    if (deal.isPipeline) {
      counted.pipeline++;
      t.pipelineDeals++;
      if (deal.amount !== null) t.pipelineAmount = (t.pipelineAmount ?? new Dec(0)).plus(deal.amount);
    }
    if (deal.isWon) {
      counted.won++;
      t.wonDeals++;
      if (deal.amount !== null) t.wonAmount = (t.wonAmount ?? new Dec(0)).plus(deal.amount);
    }
  }
  return {
    basis: classes === undefined ? 'all-opportunities' : 'qualified-leads',
    counted,
    bySource,
    sourced: measureSourcedShares(deals, paths, new Set(sourcing.sales), new Set(sourcing.unattributed)),
  };
}

/** A source absent from a side has no deals there: a known 0, not an unknown. */
function amountOf(amount: Decimal | null | undefined, deals: number): string | null {
  if (amount !== null && amount !== undefined) return formatMoney(amount);
  return deals === 0 ? '0.00' : null;
}

function moneyDelta(base: string | null, head: string | null): Delta<string | null> {
  return { base, head, delta: base === null || head === null ? null : formatMoney(new Dec(head).minus(base)) };
}

function compareTallies(
  source: string | null,
  currency: string | null,
  b: Tally | undefined,
  h: Tally | undefined,
): AttributionImpactRow | null {
  const pd = { base: b?.pipelineDeals ?? 0, head: h?.pipelineDeals ?? 0 };
  const wd = { base: b?.wonDeals ?? 0, head: h?.wonDeals ?? 0 };
  const pipelineAmount = moneyDelta(amountOf(b?.pipelineAmount, pd.base), amountOf(h?.pipelineAmount, pd.head));
  const wonAmount = moneyDelta(amountOf(b?.wonAmount, wd.base), amountOf(h?.wonAmount, wd.head));
  const same =
    pd.base === pd.head &&
    wd.base === wd.head &&
    pipelineAmount.base === pipelineAmount.head &&
    wonAmount.base === wonAmount.head;
  if (same) return null;
  const isUnknown = [pipelineAmount, wonAmount].some((a) => a.base === null || a.head === null);
  return {
    source,
    currency,
    pipelineDeals: { ...pd, delta: pd.head - pd.base },
    pipelineAmount,
    wonDeals: { ...wd, delta: wd.head - wd.base },
    wonAmount,
    unknown: isUnknown ? 'no-amounts' : null,
  };
}

/** |delta| of an exact amount; unknown sorts as no change. */
const size = (d: Delta<string | null>): Decimal => (d.delta === null ? new Dec(0) : new Dec(d.delta).abs());

function compareRows(a: AttributionImpactRow, b: AttributionImpactRow): number {
  return (
    compareText(a.currency, b.currency) ||
    size(b.pipelineAmount).comparedTo(size(a.pipelineAmount)) ||
    size(b.wonAmount).comparedTo(size(a.wonAmount)) ||
    Math.abs(b.pipelineDeals.delta) - Math.abs(a.pipelineDeals.delta) ||
    Math.abs(b.wonDeals.delta) - Math.abs(a.wonDeals.delta) ||
    compareText(a.source, b.source)
  );
}

/** Nulls last; otherwise code-unit order (deterministic across locales). */
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Amount shares per basis and currency, base vs head; a pair only one side has is unknown on the other. */
function compareSourced(base: readonly SourcedShare[], head: readonly SourcedShare[]): SourcedShareImpact[] {
  const keys: { basis: 'pipeline' | 'won'; currency: string | null }[] = [];
  for (const s of [...base, ...head])
    if (!keys.some((k) => k.basis === s.basis && k.currency === s.currency))
      keys.push({ basis: s.basis, currency: s.currency });
  keys.sort((x, y) => (x.basis === y.basis ? compareText(x.currency, y.currency) : x.basis === 'pipeline' ? -1 : 1));
  return keys.map(({ basis, currency }) => {
    const find = (list: readonly SourcedShare[]) => list.find((s) => s.basis === basis && s.currency === currency);
    const [b, h] = [find(base), find(head)];
    const share = (part: 'marketing' | 'sales' | 'unattributed'): Delta => {
      const x = shareOf(b?.[part]);
      const y = shareOf(h?.[part]);
      return { base: x, head: y, delta: x === null || y === null ? null : round(y - x, 4) };
    };
    const marketing = share('marketing');
    const sales = share('sales');
    const unattributed = share('unattributed');
    const isUnknown = [marketing, sales, unattributed].some((d) => d.base === null || d.head === null);
    return { basis, currency, marketing, sales, unattributed, unknown: isUnknown ? 'no-amounts' : null };
  });
}

function shareOf(part: SourcedPart | undefined): number | null {
  return part === undefined ? null : part.amountShare;
}
