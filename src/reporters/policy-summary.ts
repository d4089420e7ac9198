import { createColors } from 'picocolors';
import type { Policy, PolicySet } from '../core/policy/types.js';
import { policyKinds } from '../core/schemas/index.js';
import type { PolicyKind } from '../core/schemas/index.js';
import { terminalOutput, terminalText as t } from './sanitize.js';

function count(n: number | undefined, word: string): string {
  const k = n ?? 0;
  return `${k} ${word}${k === 1 ? '' : 's'}`;
}

function formatAmount(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** One line of facts per policy kind, enough to recognise it at a glance. */
const describe: { [K in PolicyKind]: (p: Policy<K>) => string } = {
  Funnel: ({ spec }) =>
    `${spec.stages.map((s) => s.id).join(' → ')}; ${count(spec.teams.length, 'team')}, ` +
    `capacity on ${count(spec.stages.filter((s) => s.capacity !== undefined).length, 'stage')}`,
  LeadDefinition: ({ spec }) =>
    `${count(spec.exclusions?.length, 'exclusion')}, ${count(spec.handRaisers?.length, 'hand-raiser')}, ` +
    `${count((spec.scoring?.fit?.rules.length ?? 0) + (spec.scoring?.engagement?.rules.length ?? 0), 'scoring rule')}; ` +
    `classes ${spec.classes.map((c) => c.id).join(', ')} (else ${spec.defaultClass})`,
  RevenueGoal: ({ spec }) => {
    const t = spec.constraint.target;
    const target = t.max !== undefined ? `≤ ${t.max}` : `≥ ${String(t.min)}`;
    return (
      `${spec.goal.metric} ${formatAmount(String(spec.goal.target))} ${spec.goal.currency} ` +
      `(${spec.goal.period.start} – ${spec.goal.period.end}); constraint: ${spec.constraint.stage} ${spec.constraint.metric} ${target}`
    );
  },
  CompPlan: ({ spec }) =>
    `${spec.roles.join(', ')} paid per ${spec.period}; ${spec.components.map((c) => `${c.id} ${Math.round(c.weight * 100)} %`).join(', ')}` +
    `${spec.goal !== undefined ? `; on goal ${spec.goal}` : '; no shared goal'}`,
  HandoffSla: ({ spec }) =>
    `${spec.from} → ${spec.to} within ${spec.targets.map((t) => `${t.within}${t.when !== undefined ? ` (${t.id})` : ''}`).join(' / ')} of ${spec.calendar}`,
  Calendar: ({ spec }) =>
    `${spec.timeZone}, ${spec.workingHours.map((w) => `${w.days.join('/')} ${w.start}–${w.end}`).join('; ')}, ${count(spec.holidays?.length, 'holiday')}`,
  FieldMapping: ({ spec }) =>
    `${spec.source}: ${Object.entries(spec.entities)
      .map(
        ([entity, m]) =>
          `${entity} from ${m?.file ?? (m?.from === undefined ? '?' : `${m.from.entity}'s file`)} (${count(Object.keys(m?.fields ?? {}).length, 'field')})`,
      )
      .join(', ')}`,
  Guardrails: ({ spec }) => `${count(spec.rules.length, 'guardrail')}: ${spec.rules.map((r) => r.id).join(', ')}`,
  PolicyTest: ({ spec }) => {
    const subject = 'handoffSla' in spec ? spec.handoffSla : 'compPlan' in spec ? spec.compPlan : spec.leadDefinition;
    return `${count(spec.cases.length, 'case')} for ${subject}${spec.asOf === undefined ? '' : ` as of ${spec.asOf}`}`;
  },
  Waiver: ({ spec }) =>
    `${count(spec.waivers.length, 'waiver')}, the first expiring ${[...spec.waivers.map((w) => w.expires)].sort()[0] ?? '—'}`,
};

/** An overview of a valid policy set, grouped by kind. */
export function renderPolicySummary(set: PolicySet, options: { color: boolean; dir: string }): string {
  const c = createColors(options.color);
  const out: string[] = ['', c.bold(`Policies in ${t(options.dir)}`)];
  const kindWidth = Math.max(...policyKinds.map((k) => k.length));
  const policies = policyKinds.flatMap((kind) => set[kind] as Policy[]);
  const nameWidth = Math.max(0, ...policies.map((p) => p.metadata.name.length));
  for (const kind of policyKinds) {
    for (const policy of set[kind] as Policy[]) {
      const line = (describe[kind] as (p: Policy) => string)(policy);
      out.push(`  ${c.cyan(kind.padEnd(kindWidth))}  ${t(policy.metadata.name).padEnd(nameWidth)}  ${t(line)}`);
    }
  }
  return terminalOutput(out.join('\n') + '\n');
}
