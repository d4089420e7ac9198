import type { Policy } from '../policy/types.js';

type Path = (string | number)[];

/** What kind of decision an outcome item is. */
export type OutcomeItemKind =
  | 'exclusion'
  | 'hand-raiser'
  | 'scoring-rule'
  | 'class-threshold'
  | 'sla-target'
  | 'escalation-step'
  | 'recycle'
  | 'tier'
  | 'cap'
  | 'gate'
  | 'team-multiplier'
  | 'spiff'
  | 'clawback';

/** One of the two ways a decision can go; an item is covered when tests saw both. */
export type Outcome =
  | 'fired'
  | 'not-fired'
  | 'met'
  | 'missed'
  | 'breached'
  | 'reached'
  | 'not-reached'
  | 'applied'
  | 'not-applied'
  | 'hit'
  | 'not-hit'
  | 'passed'
  | 'failed'
  | 'paid'
  | 'not-paid';

/** A decision of a policy that tests must see go both ways. */
export interface OutcomeItem {
  kind: OutcomeItemKind;
  /** The rule, target, tier… id as written (a tier: `<component>#<band number from 1>`; a threshold: `<class>.minFit`). */
  id: string;
  /** Data path of the decision in its policy file, to locate it. */
  path: Path;
  /** The true and the false outcome, in that order. */
  outcomes: readonly [Outcome, Outcome];
}

const pairs: Readonly<Record<OutcomeItemKind, readonly [Outcome, Outcome]>> = {
  exclusion: ['fired', 'not-fired'],
  'hand-raiser': ['fired', 'not-fired'],
  'scoring-rule': ['fired', 'not-fired'],
  'class-threshold': ['met', 'missed'],
  'sla-target': ['met', 'breached'],
  'escalation-step': ['reached', 'not-reached'],
  recycle: ['applied', 'not-applied'],
  tier: ['reached', 'not-reached'],
  cap: ['hit', 'not-hit'],
  gate: ['passed', 'failed'],
  'team-multiplier': ['applied', 'not-applied'],
  spiff: ['paid', 'not-paid'],
  clawback: ['applied', 'not-applied'],
};

function item(kind: OutcomeItemKind, id: string, path: Path): OutcomeItem {
  return { kind, id, path, outcomes: pairs[kind] };
}

/** The decisions of a lead definition: each exclusion, hand-raiser and scoring rule, and each class threshold. */
export function listLeadItems(def: Policy<'LeadDefinition'>): OutcomeItem[] {
  const s = def.spec;
  const out: OutcomeItem[] = [];
  s.exclusions?.forEach((r, i) => out.push(item('exclusion', r.id, ['spec', 'exclusions', i])));
  s.handRaisers?.forEach((r, i) => out.push(item('hand-raiser', r.id, ['spec', 'handRaisers', i])));
  for (const category of ['fit', 'engagement'] as const)
    s.scoring?.[category]?.rules.forEach((r, i) =>
      out.push(item('scoring-rule', r.id, ['spec', 'scoring', category, 'rules', i])),
    );
  s.classes.forEach((c, i) => {
    for (const key of ['minScore', 'minFit', 'minEngagement', 'when'] as const)
      if (c[key] !== undefined) out.push(item('class-threshold', `${c.id}.${key}`, ['spec', 'classes', i, key]));
  });
  return out;
}

/** The decisions of a handoff SLA: each target, escalation step and the recycle rule. */
export function listSlaItems(sla: Policy<'HandoffSla'>): OutcomeItem[] {
  const s = sla.spec;
  const out = s.targets.map((t, k) => item('sla-target', t.id, ['spec', 'targets', k]));
  s.escalation?.forEach((e, i) => out.push(item('escalation-step', `after ${e.after}`, ['spec', 'escalation', i])));
  if (s.recycle !== undefined) out.push(item('recycle', `after ${s.recycle.after}`, ['spec', 'recycle']));
  return out;
}

/** The decisions of a comp plan: each tier band and cap of a component, gate, team multiplier, SPIF and clawback. */
export function listCompItems(plan: Policy<'CompPlan'>): OutcomeItem[] {
  const s = plan.spec;
  const out: OutcomeItem[] = [];
  s.components.forEach((c, i) => {
    c.tiers?.bands.forEach((_, b) =>
      out.push(item('tier', `${c.id}#${b + 1}`, ['spec', 'components', i, 'tiers', 'bands', b])),
    );
    if (c.cap !== undefined) out.push(item('cap', c.id, ['spec', 'components', i, 'cap']));
  });
  s.gates?.forEach((g, i) => out.push(item('gate', g.id, ['spec', 'gates', i])));
  s.teamMultipliers?.forEach((m, i) => out.push(item('team-multiplier', m.id, ['spec', 'teamMultipliers', i])));
  s.spiffs?.forEach((x, i) => out.push(item('spiff', x.id, ['spec', 'spiffs', i])));
  s.clawbacks?.forEach((x, i) => out.push(item('clawback', x.id, ['spec', 'clawbacks', i])));
  return out;
}
