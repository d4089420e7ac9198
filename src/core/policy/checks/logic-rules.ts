import type { EntityName } from '../../model/canonical.js';
import type { Policy, PolicySet } from '../types.js';

type Path = (string | number)[];

/** One JSON Logic rule of a policy: where it is, and the entity whose rows it reads (none for raw export rows). */
export interface LogicRuleSite {
  policy: Policy;
  rule: unknown;
  path: Path;
  entity?: EntityName;
}

/** Every JSON Logic rule written in the policy set, in a stable order. */
export function listLogicRules(set: PolicySet): LogicRuleSite[] {
  const sites: LogicRuleSite[] = [];
  const add = (policy: Policy, rule: unknown, path: Path, entity?: EntityName): void => {
    if (rule !== undefined) sites.push({ policy, rule, path, ...(entity !== undefined ? { entity } : {}) });
  };
  for (const def of set.LeadDefinition) {
    const s = def.spec;
    s.exclusions?.forEach((r, i) => add(def, r.when, ['spec', 'exclusions', i, 'when'], 'leads'));
    s.handRaisers?.forEach((r, i) => add(def, r.when, ['spec', 'handRaisers', i, 'when'], 'leads'));
    for (const category of ['fit', 'engagement'] as const) {
      s.scoring?.[category]?.rules.forEach((r, i) => {
        const base = ['spec', 'scoring', category, 'rules', i];
        add(def, r.when, [...base, 'when'], 'leads');
        if (typeof r.points !== 'number') add(def, r.points, [...base, 'points'], 'leads');
      });
    }
    s.classes.forEach((c, i) => add(def, c.when, ['spec', 'classes', i, 'when'], 'leads'));
  }
  for (const sla of set.HandoffSla) {
    sla.spec.targets.forEach((t, i) => add(sla, t.when, ['spec', 'targets', i, 'when'], 'leads'));
  }
  for (const funnel of set.Funnel) {
    funnel.spec.events.forEach((e, i) =>
      add(funnel, e.when, ['spec', 'events', i, 'when'], e.entity === 'lead' ? 'leads' : 'opportunities'),
    );
  }
  for (const plan of set.CompPlan) {
    plan.spec.spiffs?.forEach((s, i) => add(plan, s.when, ['spec', 'spiffs', i, 'when'], 'opportunities'));
  }
  for (const mapping of set.FieldMapping) {
    for (const [entity, source] of Object.entries(mapping.spec.entities)) {
      // Derived fields read the export's raw columns, not canonical fields: no entity.
      for (const [field, spec] of Object.entries(source?.fields ?? {}))
        add(mapping, spec.derive, ['spec', 'entities', entity, 'fields', field, 'derive']);
      for (const [field, spec] of Object.entries(source?.custom ?? {}))
        add(mapping, spec.derive, ['spec', 'entities', entity, 'custom', field, 'derive']);
    }
  }
  return sites;
}
