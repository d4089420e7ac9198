import { needsApproval } from '../core/waivers/guardrail-waivers.js';
import { cacImpactLines } from './impact-cac.js';
import { ATTRIBUTION_TITLE, renderAttributionTerminal } from './impact-attribution.js';
import { phraseApprovers, phraseGuardrail } from './phrase-guardrail.js';
import { phraseGuardrailWaiver } from './phrase-waiver.js';
import { phraseWarning } from './phrase-warning.js';
import { createColors } from 'picocolors';
import type { ImpactReport } from '../core/report/impact.js';
import { formatCount, formatPercent, formatRatio } from './figures.js';
import { describeCountedAsZero, describeDeclared, describeImpact } from './impact-headline.js';
import { phraseLeadingIndicator } from './impact-leading.js';
import { countOrNone, describeSides, describeSla, money, NONE, signed, signedMoney } from './impact-phrases.js';
import { describeInputs } from './impact-inputs.js';
import { renderPayoutsTerminal } from './impact-payouts.js';
import { describeProjectionHeadline, renderProjectionLines } from './impact-projection.js';
import { describePartialData } from './partial-data.js';
import { phraseSlaAssumption } from './phrase-sla-assumption.js';
import { terminalOutput, terminalText as t } from './sanitize.js';
import { renderTextTable, wrapText } from './text-table.js';

const WIDTH = 100;

function value(v: unknown): string {
  return v === null || v === undefined ? NONE : typeof v === 'string' ? v : JSON.stringify(v);
}

/** The impact for a terminal: the headline, base vs head per stage, approvals, then the details. */
export function renderImpactTerminal(r: ImpactReport, options: { color: boolean }): string {
  return terminalOutput(renderLines(r, options));
}

function renderLines(r: ImpactReport, options: { color: boolean }): string {
  const c = createColors(options.color);
  const wrap = (text: string, indent = '  '): string[] =>
    wrapText(text, WIDTH - indent.length, indent).map((l, i) => (i === 0 ? indent + l : l));
  const out = [
    c.bold(`revops impact · ${t(describeSides(r))} · as of ${r.stamp.asOf.slice(0, 16).replace('T', ' ')} UTC`),
    '',
  ];
  const partial = describePartialData(r.data);
  if (partial !== undefined) out.push(...wrapText(t(`${partial}.`), WIDTH, '').map((l) => c.red(l)), '');
  const inputs = describeInputs(r);
  if (inputs !== null) out.push(...wrapText(t(inputs), WIDTH, '').map((l) => c.yellow(l)), '');
  if (!r.hasChanges && !r.inputs.isChanged)
    return `${[...out, 'No impact: the policies mean the same before and after (formatting and comments aside).'].join('\n')}\n`;
  const h = describeImpact(r);
  const crossed = r.guardrails.filter((g) => g.isCrossed);
  // The change and its revenue effect lead; the data-change line above stays first.
  for (const line of describeProjectionHeadline(r)) out.push(...wrapText(t(line), WIDTH, '').map((l) => c.bold(l)));
  out.push(...wrapText(h.constraint, WIDTH, '').map((l) => c.bold(l)));
  const leading = phraseLeadingIndicator(r);
  if (leading !== null) out.push(...wrapText(t(leading), WIDTH, ''));
  out.push(...wrapText(h.consequences.join(' · '), WIDTH, '').map((l) => (crossed.length > 0 ? c.yellow(l) : l)));
  out.push('', c.bold('Stages, base → head'));
  out.push(
    ...renderTextTable(
      ['stage', 'arrivals', 'change', 'utilisation', 'change', 'conversion'],
      r.stages.map((s) => [
        s.stage === r.constraint.stage.head ? `${s.stage} ◀` : s.stage,
        `${countOrNone(s.arrivals.base)} → ${countOrNone(s.arrivals.head)}`,
        s.arrivals.delta === null ? NONE : signed(s.arrivals.delta),
        `${formatRatio(s.utilisation.base)} → ${formatRatio(s.utilisation.head)}`,
        s.utilisation.delta === null ? NONE : signed(s.utilisation.delta, (x) => x.toFixed(2)),
        `${formatPercent(s.conversionCohort.base)} → ${formatPercent(s.conversionCohort.head)}`,
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  if (r.constraint.declared !== null) {
    const x = describeDeclared(r.constraint.declared);
    out.push('', ...wrap(`${x.label}: ${x.base} → ${x.head}`, ''));
  }
  const [title, ...projection] = renderProjectionLines(
    r,
    (headers, rows) => renderTextTable(headers, rows, ['left', 'right', 'right', 'right', 'right', 'right']),
    // An assumption hangs under its dash.
    (text) =>
      text.startsWith('- ')
        ? wrapText(t(text), WIDTH - 2, '    ').map((l, i) => (i === 0 ? `  ${l}` : l))
        : wrap(t(text)),
  );
  out.push('', c.bold(title ?? ''), ...projection.map((l) => (l === 'Assumptions' ? c.bold(`  ${l}`) : l)));
  out.push('', c.bold('Guardrails (from the base)'));
  for (const g of r.guardrails) {
    out.push(
      ...wrap(
        `${g.isCrossed ? c.red('✗') : c.green('✓')} ${g.id}: ${phraseGuardrail(g, r)}${needsApproval(g) ? ` — needs ${phraseApprovers(g.approvers)}` : ''}${g.waiver === undefined ? '' : ` — ${t(phraseGuardrailWaiver(g.waiver))}`}`,
      ),
    );
  }
  out.push('', c.bold('Policy changes'));
  for (const change of r.policyChanges) {
    out.push(
      `  ${change.kind} ${t(change.name)} ${change.change}${change.from === undefined ? '' : ` from ${t(change.from)}`} (${t(change.file)})`,
    );
    for (const x of change.changes.slice(0, 20))
      out.push(...wrap(`${x.path}: ${value(x.before)} → ${value(x.after)}`, '    '));
  }
  if (r.classTransitions.moved > 0) {
    out.push(
      '',
      c.bold(
        `Lead class transitions (${formatCount(r.classTransitions.moved)} of ${formatCount(r.classTransitions.leads)} leads move)`,
      ),
    );
    out.push(
      ...renderTextTable(
        ['from', 'to', 'leads', 'examples'],
        r.classTransitions.transitions.map((t) => [t.from, t.to, formatCount(t.count), t.examples.join(', ')]),
        ['left', 'left', 'right', 'left'],
      ),
    );
  }
  for (const s of r.slas) {
    out.push('', c.bold(`SLA ${t(s.name)}`));
    out.push(...wrap(describeSla(s)));
    out.push(...wrap(phraseSlaAssumption(s.assumption)).map((l) => c.dim(l)));
  }
  out.push('', c.bold('Comp'));
  out.push(
    ...renderTextTable(
      ['plan', 'base', 'head', 'change'],
      r.comp.byPlan.map((p) => [p.plan, money(p.base, p.currency), money(p.head, p.currency), signedMoney(p.delta)]),
      ['left', 'right', 'right', 'right'],
    ),
  );
  const zero = describeCountedAsZero(r);
  if (zero !== null) out.push(...wrap(`Unknown, counted as 0 — ${t(zero)}.`).map((l) => c.yellow(l)));
  const payouts = renderPayoutsTerminal(r, (l) => c.yellow(l));
  if (payouts.length > 0) out.push('', c.bold(payouts[0] ?? ''), ...payouts.slice(1));
  if (r.goal !== null)
    out.push(
      '',
      `Goal forecast by open-pipeline velocity (today's open deals and win rate, not re-projected for the change): ${formatPercent(r.goal.projectedAttainment.base)} → ${formatPercent(r.goal.projectedAttainment.head)} of target`,
    );
  out.push(...cacImpactLines(r).flatMap((l) => (l === '' ? [l] : wrap(t(l)))));
  const attribution = renderAttributionTerminal(r, renderTextTable, (l) => wrap(t(l)));
  if (attribution.length > 0) out.push('', c.bold(ATTRIBUTION_TITLE), ...attribution);
  if (r.warnings.length > 0)
    out.push(
      '',
      c.bold('Warnings'),
      ...r.warnings.flatMap((w) => wrap(`! ${t(phraseWarning(w))}`).map((l) => c.yellow(l))),
    );
  out.push(
    '',
    c.dim(
      `revops-policy ${t(r.stamp.engineVersion)} · data ${r.stamp.dataHash.slice(0, 12)} · policies ${r.base.policyHash.slice(0, 12)} → ${r.head.policyHash.slice(0, 12)}`,
    ),
  );
  return `${out.join('\n')}\n`;
}
