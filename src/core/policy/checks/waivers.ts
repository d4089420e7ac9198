import { isWaivableCode } from '../../waivers/waiver-list.js';
import { didYouMean } from '../did-you-mean.js';
import type { SemanticCheck } from './context.js';
import { isValidDate } from './context.js';

const targets = ['validate', 'guardrail', 'data'] as const;

/**
 * Each waiver names exactly one finding, where to find it, a real expiry date, a code that can
 * be waived and, for a guardrail, a guardrail of this set. (Expiry against the clock, and
 * `validate` waivers that match nothing, are judged where the clock is: `applyPolicyWaivers`.)
 */
export const waiversValid: SemanticCheck = {
  name: 'waiversValid',
  run(ctx) {
    const guardrailIds = ctx.set.Guardrails.flatMap((g) => g.spec.rules.map((r) => r.id));
    for (const policy of ctx.set.Waiver) {
      policy.spec.waivers.forEach((entry, i) => {
        const path = ['spec', 'waivers', i];
        const named = targets.filter((t) => entry[t] !== undefined);
        if (named.length !== 1) {
          ctx.report(policy, path, {
            code: 'waiver.finding',
            message:
              named.length === 0
                ? 'This waiver names no finding.'
                : `This waiver names ${named.map((t) => `\`${t}\``).join(' and ')}: one finding per waiver.`,
            hint: 'Give exactly one of `validate` (a code at a policy), `guardrail` (a guardrail id) or `data` (a data issue code).',
          });
        }
        if (!isValidDate(entry.expires))
          ctx.report(policy, [...path, 'expires'], {
            code: 'date.invalid',
            message: `\`${entry.expires}\` is not a calendar date.`,
            hint: 'Write the last day the waiver counts as `YYYY-MM-DD`.',
          });
        const v = entry.validate;
        if (v !== undefined) {
          if (v.file === undefined && v.name === undefined)
            ctx.report(policy, [...path, 'validate'], {
              code: 'waiver.finding',
              message: `This waiver accepts \`${v.code}\` anywhere.`,
              hint: 'Say where: `file` (under the policy directory) or the policy `name` (and `kind`), and `path` if you can.',
            });
          if (!isWaivableCode(v.code))
            ctx.report(policy, [...path, 'validate', 'code'], {
              code: 'waiver.not-waivable',
              message: `\`${v.code}\` cannot be waived: a file that does not parse or fails its schema is left out of the policies, waivers cannot waive themselves, and a mapping finding changes what the data means.`,
              hint: 'Fix the file; waive only findings of the semantic checks (e.g. `logic.unknown-field`).',
            });
        }
        if (entry.guardrail !== undefined && !guardrailIds.includes(entry.guardrail))
          ctx.report(policy, [...path, 'guardrail'], {
            code: 'waiver.unmatched',
            severity: 'warning',
            message: `This waiver matches no guardrail: no Guardrails policy here has a rule \`${entry.guardrail}\`.`,
            hint: `${didYouMean(entry.guardrail, guardrailIds).trim() || 'Use the `id` of a rule of the Guardrails policy.'} A guardrail waiver counts only on the base branch.`,
          });
      });
    }
  },
};
