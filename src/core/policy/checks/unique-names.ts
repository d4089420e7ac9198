import { policyKinds } from '../../schemas/index.js';
import type { Policy } from '../types.js';
import type { SemanticCheck } from './context.js';

/** `metadata.name` identifies a policy: two policies of one kind may not share it. */
export const uniqueNames: SemanticCheck = {
  name: 'uniqueNames',
  run(ctx) {
    for (const kind of policyKinds) {
      const seen = new Map<string, string>();
      for (const policy of ctx.set[kind]) {
        const other = seen.get(policy.metadata.name);
        if (other === undefined) {
          seen.set(policy.metadata.name, policy.file);
          continue;
        }
        ctx.report(policy, ['metadata', 'name'], {
          code: 'name.duplicate',
          message: `${kind} name \`${policy.metadata.name}\` is already used by ${other}.`,
          hint: 'Give each policy of a kind its own `metadata.name`.',
        });
      }
    }
  },
};

/**
 * The set has exactly one Funnel and exactly one RevenueGoal (one engine, one shared goal), and
 * at most one LeadDefinition per funnel: with two, which one classifies leads would depend on
 * file names, and a pull request could add a copy of the old definition to hide its change.
 */
export const singletons: SemanticCheck = {
  name: 'singletons',
  run(ctx) {
    for (const kind of ['Funnel', 'RevenueGoal'] as const) {
      const found = ctx.set[kind];
      if (found.length < 2) continue;
      for (const policy of found) {
        ctx.report(policy, ['kind'], {
          code: `${kind === 'Funnel' ? 'funnel' : 'goal'}.not-unique`,
          message: `There is more than one ${kind} (${found.map((p) => p.metadata.name).join(', ')}); a policy repository has exactly one.`,
          hint:
            kind === 'RevenueGoal'
              ? 'Sales and marketing share one goal and one constraint; merge the goals into one.'
              : 'Describe the whole revenue engine in one Funnel.',
        });
      }
    }
    const byFunnel = new Map<string, Policy<'LeadDefinition'>[]>();
    for (const def of ctx.set.LeadDefinition)
      byFunnel.set(def.spec.funnel, [...(byFunnel.get(def.spec.funnel) ?? []), def]);
    for (const [funnel, defs] of byFunnel) {
      if (defs.length < 2) continue;
      for (const def of defs) {
        ctx.report(def, ['spec', 'funnel'], {
          code: 'lead-definition.not-unique',
          message: `Funnel \`${funnel}\` has more than one LeadDefinition (${defs.map((d) => d.metadata.name).join(', ')}); it has exactly one.`,
          hint: 'Marketing and sales share one definition of a good lead; merge them into one LeadDefinition.',
        });
      }
    }
  },
};
