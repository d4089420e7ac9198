import { signedMoney } from './impact-phrases.js';
import type { ImpactReport } from '../core/report/impact.js';
import type { PlanPayoutChange } from '../core/report/impact-payouts.js';
import { formatDecimal, formatMoney } from './figures.js';
import {
  changedParts,
  describeGateHolds,
  describePayoutReason,
  partLabel,
  payoutPlansToShow,
} from './impact-payout-text.js';
import { escapeMarkdown as e, renderMarkdownTable } from './markdown-escape.js';
import { wrapText } from './text-table.js';

const WIDTH = 100;
/** Changed person-periods listed in the comment; the JSON has them all. */
const MAX_LINES = 30;

function wrapped(text: string, indent: string, rest = `${indent}  `): string[] {
  return wrapText(text, WIDTH - indent.length, rest).map((l, i) => (i === 0 ? indent + l : l));
}

function planLine(p: PlanPayoutChange): string {
  return `${p.plan}: ${formatDecimal(p.total.base)} → ${formatMoney(p.total.head, p.currency)} (${signedMoney(p.total.delta)})`;
}

/**
 * The payout breakdown for a terminal: each plan whose payout changed with its changed parts
 * and the reasons, then the gates that failed (a plan paying 0 because of one says so).
 * Every text passes through `wrapText`, which makes it inert for a terminal.
 */
export function renderPayoutsTerminal(r: ImpactReport, warn: (line: string) => string): string[] {
  const plans = payoutPlansToShow(r);
  if (plans.length === 0) return [];
  const out: string[] = ['Payouts by plan and component, base → head'];
  for (const p of plans) {
    const parts = changedParts(p);
    if (parts.length > 0) out.push(...wrapped(planLine(p), '  '));
    for (const part of parts) {
      out.push(
        ...wrapped(
          `${partLabel(part)}: ${formatDecimal(part.payout.base)} → ${formatDecimal(part.payout.head)} (${signedMoney(part.payout.delta)})`,
          '    ',
        ),
      );
      for (const reason of part.reasons) out.push(...wrapped(`· ${describePayoutReason(reason)}`, '      '));
    }
    for (const sentence of describeGateHolds(p)) out.push(...wrapped(`! ${sentence}`, '  ').map(warn));
  }
  return out;
}

/** The lines shown in the comment itself (not folded): each changed plan with its parts and reasons, and each plan a gate holds at 0. */
export function renderPayoutsMarkdownSummary(r: ImpactReport): string[] {
  const out: string[] = [];
  for (const p of payoutPlansToShow(r)) {
    const parts = changedParts(p);
    if (parts.length > 0) {
      const because = parts.map(
        (x) =>
          `${partLabel(x)} ${signedMoney(x.payout.delta)} (${x.reasons.map((s) => describePayoutReason(s)).join('; ')})`,
      );
      out.push(`- **${e(p.plan)}** ${e(signedMoney(p.total.delta))} ${e(p.currency)}: ${e(because.join('; '))}`);
    }
    if (p.isZeroByGate.base || p.isZeroByGate.head) out.push(...describeGateHolds(p).map((s) => `- ⚠ ${e(s)}`));
  }
  return out.length === 0 ? [] : ['**Payouts by plan and component**', '', ...out, ''];
}

/** The folded payout detail: every plan's parts with reasons, the gates that failed, and the changed person-periods. */
export function renderPayoutsMarkdownDetails(r: ImpactReport): string[] {
  const plans = payoutPlansToShow(r);
  if (plans.length === 0) return [];
  const rows = plans.flatMap((p) =>
    changedParts(p).map((x) => [
      p.plan,
      partLabel(x),
      formatMoney(x.payout.base, p.currency),
      formatMoney(x.payout.head, p.currency),
      signedMoney(x.payout.delta),
      x.reasons.map((s) => describePayoutReason(s)).join('; '),
    ]),
  );
  const lines = plans.flatMap((p) =>
    changedParts(p).flatMap((x) =>
      x.lines.map((l) => [
        p.plan,
        partLabel(x),
        l.personId,
        l.period,
        signedMoney(l.payout.delta),
        l.reasons.map((reason) => reason.code).join(', '),
      ]),
    ),
  );
  const holds = plans.flatMap((p) => describeGateHolds(p).map((s) => `- ${e(s)}`));
  return [
    ...(rows.length === 0
      ? []
      : renderMarkdownTable(['plan', 'part', 'base', 'head', 'change', 'why'], rows, [
          'left',
          'left',
          'right',
          'right',
          'right',
          'left',
        ])),
    '',
    ...(holds.length === 0 ? [] : ['Gates that failed:', '', ...holds, '']),
    ...(lines.length === 0
      ? []
      : [
          ...renderMarkdownTable(['plan', 'part', 'person', 'period', 'change', 'reasons'], lines.slice(0, MAX_LINES), [
            'left',
            'left',
            'left',
            'left',
            'right',
            'left',
          ]),
          ...(lines.length > MAX_LINES
            ? ['', `… and ${lines.length - MAX_LINES} more person-periods (see --format json).`]
            : []),
        ]),
  ];
}
