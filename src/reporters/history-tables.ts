import type { AttributionSection, ConstraintHistorySection } from '../core/report/index.js';
import type { AttributionTable, SourcedPart, SourcedShare } from '../core/report/attribution.js';
import { formatDecimal, formatMoney, formatPercent, formatRatio } from './figures.js';
import type { TableModel } from './report-tables.js';
import { targetText } from './report-summary.js';

/** Rows an attribution table shows before "… more" (the JSON report has them all). */
export const ATTRIBUTION_ROWS = 12;

const NONE = '(none)';

/** `first-touch by campaign`: every table names its model. */
export function attributionTitle(table: AttributionTable): string {
  return `${table.model} attribution by ${table.dimension === 'source' ? 'lead source' : 'campaign'}`;
}

/** One model and dimension: credited deals and amounts per key and currency (the first rows). */
export function attributionTable(table: AttributionTable): TableModel {
  const money = (amount: string | null, currency: string | null) =>
    amount === null ? '— (no amounts)' : formatMoney(amount, currency);
  return {
    headers: [table.dimension, `pipeline deals`, 'pipeline', 'won deals', 'won'],
    rows: table.rows
      .slice(0, ATTRIBUTION_ROWS)
      .map((r) => [
        r.key ?? NONE,
        formatDecimal(r.pipelineDeals),
        money(r.pipelineAmount, r.currency),
        formatDecimal(r.wonDeals),
        money(r.wonAmount, r.currency),
      ]),
    align: ['left', 'right', 'right', 'right', 'right'],
  };
}

/** `… 7 more campaigns (see --format json).` when a table has more rows than shown; null otherwise. */
export function moreRowsNote(table: AttributionTable): string | null {
  const more = table.rows.length - ATTRIBUTION_ROWS;
  if (more <= 0) return null;
  return `… ${more} more ${table.dimension === 'source' ? (more === 1 ? 'source' : 'sources') : more === 1 ? 'campaign' : 'campaigns'} (see --format json).`;
}

/** Marketing vs sales vs unattributed, per basis and currency: deals and amount with their shares. */
export function sourcedTable(a: AttributionSection): TableModel {
  const rows = a.sourced.flatMap((s: SourcedShare) =>
    (['marketing', 'sales', 'unattributed'] as const).map((side) => {
      const p: SourcedPart = s[side];
      return [
        s.basis,
        side === 'unattributed' ? side : `${side}-sourced`,
        formatDecimal(p.deals),
        formatPercent(p.dealShare),
        p.amount === null ? '— (no amounts)' : formatMoney(p.amount, s.currency),
        formatPercent(p.amountShare),
      ];
    }),
  );
  return {
    headers: ['basis', 'sourced by', 'deals', 'share', 'amount', 'share'],
    rows,
    align: ['left', 'left', 'right', 'right', 'right', 'right'],
  };
}

/** How sources split: the one rule both sides are counted by. */
export function sourcingNote(a: AttributionSection): string {
  return `Sourced by the lead's own source: ${a.sourcing.sales.length === 0 ? 'no source' : a.sourcing.sales.join(', ')} ${a.sourcing.sales.length === 1 ? 'is' : 'are'} sales-sourced (${a.sourcing.basis === 'declared' ? "the Funnel's sourcing" : 'default; declare `sourcing.sales` in the Funnel'}), every other source marketing-sourced${a.sourcing.unattributed.length === 0 ? '' : ` (${a.sourcing.unattributed.join(', ')}: unattributed)`}; shares are of the basis's deals and amount in each currency.`;
}

/** Why last-touch and linear are missing, or what they are built from. */
export function touchesNote(a: AttributionSection): string {
  return a.multiTouchUnknown === null
    ? `Last-touch and linear use ${formatDecimal(a.activityTouches)} campaign touches (activities with a campaign) before the opportunities, after the lead's own source and campaign.`
    : a.multiTouchUnknown === 'too-many-touches'
      ? `Last-touch and linear: — (the deals' paths would hold ${formatDecimal(a.activityTouches)} campaign touches, over the 1,000,000 a run credits, a cost bound; first-touch is complete).`
      : 'Last-touch and linear: — (no activity carries a campaign touch before an opportunity, so they would repeat first-touch).';
}

/** Per month: each stage's utilisation (◀ the constraint) and the declared metric against its target. */
export function historyTable(h: ConstraintHistorySection): TableModel {
  const stages = h.periods[0]?.stages.map((s) => s.stage) ?? [];
  const d = h.declared;
  return {
    headers: [
      'month',
      ...stages,
      'constraint',
      ...(d === null ? [] : [`${d.stage} ${d.metric} ${targetText(d.target)}`]),
    ],
    rows: h.periods.map((p) => [
      p.period,
      ...p.stages.map((s) => `${formatRatio(s.utilisation)}${s.stage === p.constraint ? ' ◀' : ''}`),
      p.constraint ?? (p.unknown === 'period-too-short' ? '— (under a week)' : '— (no capacity)'),
      ...(p.declared === null
        ? []
        : [
            `${formatRatio(p.declared.value)} ${p.declared.isMet === null ? '' : p.declared.isMet ? 'met' : 'missed'}${p.declared.agrees === false ? ', not the constraint' : ''}`.trim(),
          ]),
    ]),
    align: ['left', ...stages.map(() => 'right' as const), 'left', ...(d === null ? [] : ['left' as const])],
  };
}

/** The moves with their evidence, the current run and declared-vs-data, as sentences. */
export function historyNotes(h: ConstraintHistorySection): string[] {
  const out: string[] = [];
  for (const m of h.moves)
    out.push(
      `Moved ${m.from} → ${m.to} in ${m.after.period}: ${m.from} ${formatRatio(m.before.from)} → ${formatRatio(m.after.from)}, ${m.to} ${formatRatio(m.before.to)} → ${formatRatio(m.after.to)} (${m.before.period} → ${m.after.period}).`,
    );
  if (h.current !== null)
    out.push(
      `The constraint was ${h.current.stage} for the last ${h.current.periods} measured ${h.current.periods === 1 ? 'month' : 'months'} (since ${h.current.since})${h.moves.length === 0 ? '; it never moved in the window' : ''}.`,
    );
  if (h.declared !== null) {
    const a = h.agreement;
    out.push(
      `${h.declared.goal} declares ${h.declared.stage}: the data agrees in ${a.agreed} of ${a.agreed + a.disagreed + a.unknown} months${a.disagreed > 0 ? `, names another stage in ${a.disagreed}` : ''}${a.unknown > 0 ? `, names none in ${a.unknown}` : ''}.`,
    );
  }
  return out;
}
