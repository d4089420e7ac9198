import type { GuardrailCrossing, GuardrailResult, ImpactReport } from '../../core/report/impact.js';
import { needsApproval } from '../../core/waivers/guardrail-waivers.js';
import { describeInputs } from '../impact-inputs.js';
import { joinNames, phraseCrossing } from '../phrase-guardrail.js';
import { phraseGuardrailWaiver } from '../phrase-waiver.js';
import { phraseWarning } from '../phrase-warning.js';
import { approversHtml } from './impact-html-headline.js';
import { countFigure, label, quantityFigure, renderTable, show } from './impact-html-figures.js';
import type { HtmlSection } from './page.js';

/** Sections of the impact page about what changed and what the merge needs: inputs, policies, guardrails, warnings, data. */

function inputsSection(r: ImpactReport): HtmlSection | null {
  const text = describeInputs(r);
  const i = r.inputs;
  if (text === null && i.dataChanges.length === 0 && i.mappingChanges.length === 0) return null;
  const files = i.dataChanges.map((c, n) => {
    const at = `inputs.dataChanges[${n}].rows`;
    return [
      label(c.file),
      label(c.change),
      c.rows === null ? '—' : show(countFigure(`${at}.added`, c.rows.added)),
      c.rows === null ? '—' : show(countFigure(`${at}.removed`, c.rows.removed)),
      c.rows === null ? '—' : show(countFigure(`${at}.changed`, c.rows.changed)),
      c.note === null ? '' : label(c.note),
    ];
  });
  return {
    id: 'inputs',
    title: 'Data and mappings this change edits',
    body: [
      i.isChanged
        ? '<p class="notice"><strong>This change edits data or mappings</strong> (the data_changed guardrail metric): a person judges it.</p>'
        : '',
      i.isChanged && i.dataFrom === 'base' ? '<p>The figures replay the base’s data and mappings.</p>' : '',
      i.note === null ? '' : `<p>Note: ${label(i.note)}</p>`,
      files.length === 0
        ? ''
        : renderTable(['file', 'change', 'rows added', 'rows removed', 'rows changed', 'note'], files),
      i.mappingChanges.length === 0 ? '' : `<ul>${i.mappingChanges.map((m) => `<li>${label(m)}</li>`).join('')}</ul>`,
    ].join('\n'),
  };
}

function valueHtml(v: unknown, path: string): string {
  if (typeof v === 'number') return show(quantityFigure(path, v));
  if (v === null || v === undefined) return '—';
  return label(typeof v === 'string' ? v : JSON.stringify(v));
}

function policiesSection(r: ImpactReport): HtmlSection {
  const items = r.policyChanges.map((c, i) => {
    const rename = c.from === undefined ? '' : ` from ${label(c.from)}`;
    const changes = c.changes
      .slice(0, 50)
      .map(
        (x, j) =>
          `<li>${label(x.path)}: ${valueHtml(x.before, `policyChanges[${i}].changes[${j}].before`)} → ${valueHtml(x.after, `policyChanges[${i}].changes[${j}].after`)}</li>`,
      );
    const more =
      c.changes.length > 50
        ? `<li>… ${show(countFigure(`policyChanges[${i}].changes.length`, c.changes.length))} changes in all</li>`
        : '';
    return `<li><strong>${label(c.kind)} ${label(c.name)}</strong> ${label(c.change)}${rename} (${label(c.file)})<ul>${changes.join('')}${more}</ul></li>`;
  });
  return {
    id: 'policies',
    title: 'What changed in the policies',
    body: items.length === 0 ? '<p>No policy changes in meaning.</p>' : `<ul class="changes">${items.join('')}</ul>`,
  };
}

function crossingHtml(c: GuardrailCrossing, at: string, r: ImpactReport): string {
  if (c.code === 'above' || c.code === 'below')
    return `${label(c.metric)} ${show(quantityFigure(`${at}.value`, c.value))} is ${c.code} ${show(quantityFigure(`${at}.limit`, c.limit))}`;
  // The other crossings carry names and file changes, not figures of the report.
  return label(phraseCrossing(c, r));
}

/** Metrics measured on the replayed pay to as-of, not on the projection: said beside the value. */
const REPLAYED_METRICS: readonly string[] = ['payout_cost_change_pct'];

/**
 * A guardrail's value: its metric's figure (with where it was measured), or for one on changed
 * policy kinds whether a policy of those kinds changed (`no CompPlan changed`).
 */
function valueCell(g: GuardrailResult, i: number): string {
  if (g.metric === null) {
    const kinds = g.changedKinds ?? [];
    if (kinds.length === 0) return '—';
    const touched = g.crossings.flatMap((c) => (c.code === 'policies-changed' ? c.policies.map((p) => p.kind) : []));
    const changed = kinds.filter((k) => touched.includes(k));
    return changed.length > 0
      ? `${label(joinNames(changed, 'and'))} changed`
      : `no ${label(joinNames(kinds, 'or'))} changed`;
  }
  const replayed = REPLAYED_METRICS.includes(g.metric) ? ' (replayed to as-of)' : '';
  if (typeof g.value === 'number') return `${show(quantityFigure(`guardrails[${i}].value`, g.value))}${replayed}`;
  if (g.value === null)
    return show(quantityFigure(`guardrails[${i}].value`, null, 'cannot be measured on this change'));
  return label(String(g.value));
}

function guardrailsSection(r: ImpactReport): HtmlSection {
  const rows = r.guardrails.map((g, i) => {
    const why = g.crossings.map((c, j) => crossingHtml(c, `guardrails[${i}].crossings[${j}]`, r)).join('; ');
    const waiver = g.waiver === undefined ? '' : `; ${label(phraseGuardrailWaiver(g.waiver))}`;
    const status = !g.isCrossed
      ? 'not crossed'
      : needsApproval(g)
        ? '<strong class="bad">crossed: approval required</strong>'
        : 'crossed, waived';
    return [
      `${label(g.id)}${g.description === null ? '' : `<br><span class="muted">${label(g.description)}</span>`}`,
      g.metric === null ? '—' : label(g.metric),
      valueCell(g, i),
      `${status}${why === '' ? '' : `: ${why}`}${waiver}`,
      approversHtml(g, i),
    ];
  });
  const needed = r.guardrails.filter(needsApproval).length;
  return {
    id: 'approvals',
    title: 'Guardrails and approvals',
    body: [
      needed === 0
        ? '<p>No approval is required.</p>'
        : '<p><strong class="bad">Approval required</strong> for the crossed guardrails below (read on the base branch).</p>',
      renderTable(['guardrail', 'metric', 'value', 'status', 'who approves'], rows),
    ].join('\n'),
  };
}

function dataSection(r: ImpactReport): HtmlSection {
  const d = r.data;
  const rows = d.files.map((f, i) => [
    label(f.file),
    label(f.status),
    show(countFigure(`data.files[${i}].rowsRead`, f.rowsRead)),
    show(countFigure(`data.files[${i}].rowsEvaluated`, f.rowsEvaluated)),
    show(countFigure(`data.files[${i}].rowsRejected`, f.rowsRejected)),
  ]);
  const issues = d.issues.slice(0, 100).map((x) => [
    label(`${x.file}:${x.line}:${x.column}`),
    // A masked report drops the raw value: say so rather than leave the cell blank.
    x.raw === undefined ? (r.isMasked ? '— (masked)' : '—') : label(x.raw),
    label(x.message),
  ]);
  const warnings = r.warnings.map((w) => `<li>⚠ ${label(phraseWarning(w))}</li>`);
  return {
    id: 'data',
    title: 'Warnings and data read',
    body: [
      warnings.length === 0 ? '<p>No warnings.</p>' : `<ul class="warnings">${warnings.join('')}</ul>`,
      renderTable(['file', 'status', 'rows read', 'evaluated', 'rejected'], rows),
      issues.length === 0 ? '' : renderTable(['where', 'raw value', 'reason'], issues),
      `<p>Read on the same data for both sides: ${show(countFigure('data.totals.rowsRead', d.totals.rowsRead))} rows, ${show(countFigure('data.totals.rowsRejected', d.totals.rowsRejected))} rejected.</p>`,
    ].join('\n'),
  };
}

/** The sections before the figures (inputs, policy changes) and after them (guardrails, warnings, data). */
export function renderChangeSections(r: ImpactReport): HtmlSection[] {
  const inputs = inputsSection(r);
  return [...(inputs === null ? [] : [inputs]), policiesSection(r)];
}

export function renderGateSections(r: ImpactReport): HtmlSection[] {
  return [guardrailsSection(r), dataSection(r)];
}
