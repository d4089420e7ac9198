import { booleanMetrics } from '../../schemas/guardrails.js';
import type { SemanticCheck } from './context.js';
import { reportDuplicateIds } from './context.js';

/** Each guardrail has something to watch and someone to approve. */
export const guardrailsValid: SemanticCheck = {
  name: 'guardrailsValid',
  run(ctx) {
    for (const policy of ctx.set.Guardrails) {
      reportDuplicateIds(ctx, policy, policy.spec.rules, ['spec', 'rules'], 'Guardrail');
      policy.spec.rules.forEach((rule, i) => {
        const path = ['spec', 'rules', i];
        const hasThreshold = rule.above !== undefined || rule.below !== undefined;
        if (rule.metric !== undefined && !hasThreshold && !booleanMetrics.includes(rule.metric)) {
          ctx.report(policy, [...path, 'metric'], {
            code: 'guardrail.threshold',
            message: `Guardrail \`${rule.id}\` watches \`${rule.metric}\` but gives no \`above\` or \`below\` threshold.`,
          });
        }
        if (rule.metric === undefined && hasThreshold) {
          ctx.report(policy, path, {
            code: 'guardrail.metric',
            message: `Guardrail \`${rule.id}\` gives a threshold but no \`metric\`.`,
          });
        }
        if (rule.metric === undefined && rule.changedKinds === undefined) {
          ctx.report(policy, path, {
            code: 'guardrail.empty',
            message: `Guardrail \`${rule.id}\` watches nothing.`,
            hint: 'Give a `metric` with `above`/`below`, or `changedKinds`.',
          });
        }
        const { users = [], teams = [], minApprovals = 1, requires = 'any' } = rule.approvers;
        if (requires === 'all' && rule.approvers.minApprovals !== undefined) {
          // Two answers to "how many": refuse rather than guess which one the author meant.
          ctx.report(policy, [...path, 'approvers', 'minApprovals'], {
            code: 'guardrail.requires-conflict',
            message: `Guardrail \`${rule.id}\` says \`requires: all\` and \`minApprovals: ${minApprovals}\`: \`all\` already needs every listed approver.`,
            hint: 'Leave out `minApprovals` (every one must approve), or use `requires: any` with `minApprovals`.',
          });
        }
        if (users.length + teams.length === 0) {
          ctx.report(policy, [...path, 'approvers'], {
            code: 'guardrail.no-approvers',
            message: `Guardrail \`${rule.id}\` names no approvers.`,
            hint: 'List GitHub `users` or `teams` (as org/team) who must approve.',
          });
        } else if (requires === 'any' && teams.length === 0 && minApprovals > users.length) {
          ctx.report(policy, [...path, 'approvers', 'minApprovals'], {
            code: 'guardrail.min-approvals',
            message: `Guardrail \`${rule.id}\` needs ${minApprovals} approvals but names only ${users.length} user(s).`,
          });
        }
      });
    }
  },
};
