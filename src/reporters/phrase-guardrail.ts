import type { GuardrailCrossing, GuardrailResult, ImpactReport, UnmeasurableReason } from '../core/report/impact.js';
import type { ApprovalRule } from '../core/policy/types.js';
import { figure } from './impact-phrases.js';

/**
 * The one place a guardrail's coded crossings become words, for the impact reporters and the
 * GitHub commit status alike. Plain text holding policy and file names from the head's tree:
 * each output escapes it with its own sanitiser, as for every other untrusted value.
 */

/** The changed data files and mappings in one line, e.g. `data/leads.csv changed (+1 −0 ~2 rows)`. */
export function describeInputChanges(r: Pick<ImpactReport, 'inputs'>, max = 5): string {
  const files = r.inputs.dataChanges.map((c) => {
    const rows = c.rows === null ? '' : ` (+${c.rows.added} −${c.rows.removed} ~${c.rows.changed} rows)`;
    return `${c.file} ${c.change}${rows}${c.note === null ? '' : `, ${c.note}`}`;
  });
  const all = [...files, ...r.inputs.mappingChanges];
  return all.length <= max ? all.join('; ') : `${all.slice(0, max).join('; ')}; and ${all.length - max} more`;
}

/** Why a metric cannot be measured, as a clause: `SLA speed-to-lead is on the base only`. */
export function phraseUnmeasurable(r: UnmeasurableReason): string {
  switch (r.code) {
    case 'no-figure':
      return 'no figure on either side';
    case 'from-zero':
      return 'its base is 0';
    case 'counted-as-zero':
      return 'a payout is built on a metric counted as 0';
    case 'currency-from-zero':
      return `payouts in ${r.currency} go from 0 to more`;
    case 'stage-unmeasured':
      return `stage ${r.stage} has no figure on the ${r.side}`;
    case 'sla-one-side':
      return `SLA ${r.sla} is on the ${r.side} only`;
    case 'sla-unknown':
      return `SLA ${r.sla} has no change to compare`;
  }
}

/** One crossing as a clause: `constraint_utilisation 1.02 is above 1`. */
export function phraseCrossing(c: GuardrailCrossing, r: Pick<ImpactReport, 'inputs'>): string {
  switch (c.code) {
    case 'above':
      return `${c.metric} ${figure(c.value)} is above ${figure(c.limit)}`;
    case 'below':
      return `${c.metric} ${figure(c.value)} is below ${figure(c.limit)}`;
    case 'is-true':
      return `${c.metric} is true`;
    case 'data-changed':
      return `data changed: ${describeInputChanges(r)}`;
    case 'unmeasurable':
      return `${c.metric} cannot be measured on this change (${phraseUnmeasurable(c.reason)}), so its approvers decide`;
    case 'policies-changed':
      return `changed: ${c.policies.map((p) => `${p.kind} ${p.name}`).join(', ')}`;
  }
}

/** Why a guardrail is crossed, its crossings joined by `; `, or `not crossed`. */
export function phraseGuardrail(g: Pick<GuardrailResult, 'crossings'>, r: Pick<ImpactReport, 'inputs'>): string {
  return g.crossings.length === 0 ? 'not crossed' : g.crossings.map((c) => phraseCrossing(c, r)).join('; ');
}

/** A guardrail's approvers as the phrasing reads them. */
export interface ApproversToPhrase {
  users: readonly string[];
  teams: readonly string[];
  requires: ApprovalRule;
  minApprovals: number;
}

/** `a`, `a or b`, `a, b or c` (with `and` for `all`). */
export function joinNames(names: readonly string[], word: 'or' | 'and'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${word} ${names.at(-1) ?? ''}`;
}

/**
 * Who must approve, in words, so a list never reads as "both" when one suffices:
 * `vp-sales`, `any one of vp-sales or head-of-sdr`, `2 of cfo, vp-finance or vp-sales`,
 * `all of cfo and org/people-ops`. `name` formats each approver (a mention, a code span).
 * Plain text from the base's policies (logins and team names by their schema patterns).
 */
export function phraseApprovers(a: ApproversToPhrase, name: (approver: string) => string = (x) => x): string {
  const all = [...a.users, ...a.teams].map(name);
  if (all.length === 0) return 'nobody (no approver is listed)';
  if (a.requires === 'all') return all.length === 1 ? (all[0] ?? '') : `all of ${joinNames(all, 'and')}`;
  if (a.minApprovals <= 1) return all.length === 1 ? (all[0] ?? '') : `any one of ${joinNames(all, 'or')}`;
  return `${a.minApprovals} of ${joinNames(all, 'or')}`;
}

// `github` may use the guardrail phrasing only: a waiver of a guardrail is said from here too.
export { phraseGuardrailWaiver } from './phrase-waiver.js';
