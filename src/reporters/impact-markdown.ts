import { cacImpactRows } from './impact-cac.js';
import { renderAttributionMarkdown } from './impact-attribution.js';
import { phraseWarning } from './phrase-warning.js';
import { needsApproval } from '../core/waivers/guardrail-waivers.js';
import { phraseApprovers, phraseGuardrail } from './phrase-guardrail.js';
import { phraseGuardrailWaiver } from './phrase-waiver.js';
import { describeMentions } from './approver-mentions.js';
import type { ImpactReport } from '../core/report/impact.js';
import { formatCount, formatPercent, formatRatio } from './figures.js';
import { describeCountedAsZero, describeDeclared, describeImpact, volumeLabel } from './impact-headline.js';
import { phraseLeadingIndicator } from './impact-leading.js';
import { amount, countOrNone, describeSides, describeSla, NONE, signed, signedMoney } from './impact-phrases.js';
import { describeInputs } from './impact-inputs.js';
import { phraseSlaAssumption } from './phrase-sla-assumption.js';
import { renderPayoutsMarkdownDetails, renderPayoutsMarkdownSummary } from './impact-payouts.js';
import { describeProjectionHeadline, renderProjectionLines } from './impact-projection.js';
import { describePartialData } from './partial-data.js';
import { renderUtilisationChart } from './impact-utilisation-chart.js';
import { escapeMarkdown, renderMarkdownDetails, renderMarkdownTable } from './markdown-escape.js';

const e = escapeMarkdown;

const details = renderMarkdownDetails;

function value(v: unknown): string {
  if (v === null || v === undefined) return NONE;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function ratioDelta(d: { base: number | null; head: number | null; delta: number | null }): string[] {
  return [formatRatio(d.base), formatRatio(d.head), d.delta === null ? NONE : signed(d.delta, (x) => x.toFixed(2))];
}

function summaryTable(r: ImpactReport): string[] {
  const rows: string[][] = [];
  rows.push([
    'Constraint stage',
    r.constraint.stage.base ?? NONE,
    r.constraint.stage.head ?? NONE,
    r.constraint.isMoved ? 'moves' : 'stays',
  ]);
  rows.push([`Utilisation at the constraint`, ...ratioDelta(r.constraint.utilisation)]);
  const d = r.constraint.declared;
  if (d !== null) {
    const x = describeDeclared(d);
    rows.push([x.label, x.base, x.head, x.change]);
  }
  rows.push([
    volumeLabel(r),
    countOrNone(r.mqlVolume.base),
    countOrNone(r.mqlVolume.head),
    r.mqlVolume.delta === null ? NONE : signed(r.mqlVolume.delta),
  ]);
  for (const s of r.slas)
    rows.push([
      `${s.name} compliance`,
      formatPercent(s.replayed.base),
      s.modelled === null ? 'no steady state' : `${formatPercent(s.modelled)} (modelled)`,
      s.modelledChangePts === null ? NONE : `${signed(s.modelledChangePts, (x) => x.toFixed(1))} pts`,
    ]);
  for (const t of r.comp.total)
    rows.push([
      `Payout (${t.currency})`,
      amount(t.base),
      amount(t.head),
      `${signedMoney(t.delta)}${t.deltaPct === null ? '' : ` (${signed(t.deltaPct, (x) => x.toFixed(1))} %)`}`,
    ]);
  const flow = r.projection.goalForecast.attainment;
  if (flow.base !== null || flow.head !== null)
    rows.push([
      'Goal forecast, flow projection (attainment)',
      formatPercent(flow.base),
      flow.headLow === flow.headHigh
        ? formatPercent(flow.head)
        : `${formatPercent(flow.head)} (${formatPercent(flow.headLow)}–${formatPercent(flow.headHigh)})`,
      flow.delta === null ? NONE : `${signed(flow.delta * 100, (x) => x.toFixed(1))} pts`,
    ]);
  // The goal section's forecast rides on today's open deals and win rate; it is not re-projected for the change.
  if (r.goal !== null)
    rows.push([
      'Goal forecast, open-pipeline velocity (attainment)',
      formatPercent(r.goal.projectedAttainment.base),
      formatPercent(r.goal.projectedAttainment.head),
      r.goal.projectedAttainment.delta === null
        ? NONE
        : `${signed(r.goal.projectedAttainment.delta * 100, (x) => x.toFixed(1))} pts`,
    ]);
  rows.push(...cacImpactRows(r));
  return renderMarkdownTable(['', 'base', 'head', 'change'], rows, ['left', 'right', 'right', 'right']);
}

function payoutCaveat(r: ImpactReport): string[] {
  const zero = describeCountedAsZero(r);
  return zero === null ? [] : [`⚠ Payouts count unknown metrics as 0 — ${e(zero)} (see the warnings).`, ''];
}

function approvals(r: ImpactReport): string[] {
  const crossed = r.guardrails.filter((g) => g.isCrossed);
  if (crossed.length === 0) return ['No guardrail is crossed.', ''];
  const needed = crossed.filter(needsApproval);
  const rows = crossed.map((g) => [
    g.id,
    `${phraseGuardrail(g, r)}${g.waiver === undefined ? '' : `; ${phraseGuardrailWaiver(g.waiver)}`}`,
    needsApproval(g) ? phraseApprovers(g.approvers) : '— (waived)',
  ]);
  return [
    needed.length > 0
      ? '**Approvals required** (guardrails from the base branch)'
      : '**No approval required**: every crossed guardrail is waived on the base branch',
    '',
    ...renderMarkdownTable(['guardrail', 'why', 'approvers'], rows, ['left', 'left', 'left']),
    '',
    ...(needed.length > 0 ? [describeMentions(needed), ''] : []),
  ];
}

function policyChanges(r: ImpactReport): string[] {
  const lines = r.policyChanges.flatMap((c) => {
    const head = `- **${e(c.kind)} ${e(c.name)}** ${c.change}${c.from === undefined ? '' : ` from ${e(c.from)}`} (${e(c.file)})`;
    return [
      head,
      ...c.changes.slice(0, 20).map((x) => `  - ${e(x.path)}: ${e(value(x.before))} → ${e(value(x.after))}`),
      ...(c.changes.length > 20 ? [`  - … ${c.changes.length} changes in all`] : []),
    ];
  });
  return details(`What changed in the policies (${r.policyChanges.length})`, lines);
}

function transitions(r: ImpactReport): string[] {
  const t = r.classTransitions;
  if (t.moved === 0) return [];
  const rows = t.transitions.map((x) => [x.from, x.to, formatCount(x.count), x.examples.join(', ')]);
  return details(
    `Lead class transitions (${formatCount(t.moved)} of ${formatCount(t.leads)} leads move)`,
    renderMarkdownTable(['from', 'to', 'leads', 'examples'], rows, ['left', 'left', 'right', 'left']),
  );
}

function stages(r: ImpactReport): string[] {
  const rows = r.stages.map((s) => [
    s.stage,
    countOrNone(s.arrivals.base),
    countOrNone(s.arrivals.head),
    s.arrivals.delta === null ? NONE : signed(s.arrivals.delta),
    ...ratioDelta(s.utilisation),
    formatPercent(s.conversionCohort.base),
    formatPercent(s.conversionCohort.head),
  ]);
  return details('Stages, base vs head', [
    ...renderMarkdownTable(
      [
        'stage',
        'arrivals base',
        'arrivals head',
        'change',
        'util. base',
        'util. head',
        'change',
        'conversion base',
        'conversion head',
      ],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  ]);
}

function slas(r: ImpactReport): string[] {
  if (r.slas.length === 0) return [];
  const body = r.slas.flatMap((s) => [
    `**${e(s.name)}**: ${e(describeSla(s))} (modelled).`,
    '',
    `_Model:_ ${e(phraseSlaAssumption(s.assumption))} _Replayed_ measures the head on the data as it is: leads new to a stage were never worked, so they count as breached or pending.`,
    '',
  ]);
  return details('SLAs', body);
}

function comp(r: ImpactReport): string[] {
  const plan = r.comp.byPlan.map((p) => [p.plan, p.currency, amount(p.base), amount(p.head), signedMoney(p.delta)]);
  const people = r.comp.byPerson.map((p) => [
    p.plan,
    p.name === null ? p.personId : `${p.personId} ${p.name}`,
    amount(p.base),
    amount(p.head),
    signedMoney(p.delta),
  ]);
  return details('Comp, base vs head', [
    ...renderMarkdownTable(['plan', 'currency', 'base', 'head', 'change'], plan, [
      'left',
      'left',
      'right',
      'right',
      'right',
    ]),
    '',
    ...(people.length === 0
      ? ['No person is paid differently.']
      : renderMarkdownTable(['plan', 'person', 'base', 'head', 'change'], people, [
          'left',
          'left',
          'right',
          'right',
          'right',
        ])),
    ...payoutDetails(r),
  ]);
}

function payoutDetails(r: ImpactReport): string[] {
  const details = renderPayoutsMarkdownDetails(r);
  return details.length === 0 ? [] : ['', '**By component, with the reasons**', '', ...details];
}

function projection(r: ImpactReport): string[] {
  const [title, ...body] = renderProjectionLines(
    r,
    (headers, rows) => [
      '',
      ...renderMarkdownTable(headers, rows, ['left', 'right', 'right', 'right', 'right', 'right']),
      '',
    ],
    (text) => [text.startsWith('- ') ? `- ${e(text.slice(2))}` : e(text)],
  );
  const cut = body.indexOf('Assumptions');
  const main = cut < 0 ? body : body.slice(0, cut);
  const assumptions = cut < 0 ? [] : body.slice(cut + 1);
  return [
    `**${e(title ?? '')}**`,
    ...main.map((l) => (l.startsWith('|') || l === '' ? l : `${l}  `)),
    '',
    ...(assumptions.length === 0 ? [] : details('Assumptions of the projection', assumptions)),
  ];
}

function attribution(r: ImpactReport): string[] {
  const a = renderAttributionMarkdown(r, renderMarkdownTable, e);
  return a === null ? [] : details(a.title, a.body);
}

function stamp(r: ImpactReport): string[] {
  const side = (s: ImpactReport['base']) => `${e(s.ref)}${s.sha === null ? '' : ` \`${s.sha.slice(0, 12)}\``}`;
  const t = r.data.totals;
  return details('Reproducibility', [
    `base ${side(r.base)} · head ${side(r.head)} · data \`${r.stamp.dataHash.slice(0, 12)}\` (${formatCount(t.rowsRead)} rows read, ${formatCount(t.rowsRejected)} rejected) · as of ${e(r.stamp.asOf)} · revops-policy ${e(r.stamp.engineVersion)}`,
    ...r.warnings.map((w) => `- ⚠ ${e(phraseWarning(w))}`),
  ]);
}

/** The leading-indicator line, a markdown hard break after it; nothing without one. */
function leadingLine(r: ImpactReport): string[] {
  const line = phraseLeadingIndicator(r);
  return line === null ? [] : [`${e(line)}  `];
}

/**
 * The impact as a pull-request comment: a two-line headline (the constraint, then the
 * consequences and approvals), a base/head table, the approvals required, then collapsible
 * details with a Mermaid chart of utilisation per stage. No change → a short "no impact" body.
 */
export function renderImpactMarkdown(r: ImpactReport): string {
  const inputs = describeInputs(r);
  const partial = describePartialData(r.data);
  const warning = partial === undefined ? '' : `**⚠ ${e(partial)}.**\n\n`;
  if (!r.hasChanges && !r.inputs.isChanged) {
    return `### revops-policy: no impact · ${e(describeSides(r))}\n\n${warning}${inputs === null ? '' : `**${e(inputs)}**\n\n`}The policies mean the same before and after this change (formatting and comments aside); nothing to approve.\n`;
  }
  const h = describeImpact(r);
  const lines = [
    `### revops-policy impact · ${e(describeSides(r))}`,
    '',
    ...(partial === undefined ? [] : [warning.trimEnd(), '']),
    ...(inputs === null ? [] : [`**${e(inputs)}**`, '']),
    // The change and its revenue effect lead; the data-change line above stays first.
    ...describeProjectionHeadline(r).map((l, i) => (i === 0 ? `**${e(l)}**  ` : `${e(l)}  `)),
    '',
    `**${e(h.constraint)}**`,
    ...leadingLine(r),
    e(h.consequences.join(' · ')),
    '',
    ...summaryTable(r),
    '',
    ...renderUtilisationChart(r),
    ...payoutCaveat(r),
    ...renderPayoutsMarkdownSummary(r),
    ...projection(r),
    ...approvals(r),
    ...policyChanges(r),
    ...transitions(r),
    ...stages(r),
    ...slas(r),
    ...comp(r),
    ...attribution(r),
    ...stamp(r),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
