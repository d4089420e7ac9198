import { policyKinds } from '../../schemas/index.js';
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

/** The set has exactly one Funnel and exactly one RevenueGoal: one engine, one shared goal. */
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
  },
};
