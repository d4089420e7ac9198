import { EXCLUDED_CLASS } from '../../engine/classify.js';
import { didYouMean } from '../did-you-mean.js';
import type { SemanticCheck } from './context.js';

/** A policy test names a lead definition that exists, and expects classes and rules it has. */
export const policyTestRefs: SemanticCheck = {
  name: 'policyTestRefs',
  run(ctx) {
    const names = ctx.set.LeadDefinition.map((d) => d.metadata.name);
    for (const test of ctx.set.PolicyTest) {
      const def = ctx.set.LeadDefinition.find((d) => d.metadata.name === test.spec.leadDefinition);
      if (def === undefined) {
        ctx.report(test, ['spec', 'leadDefinition'], {
          code: 'ref.policy-missing',
          message: `LeadDefinition \`${test.spec.leadDefinition}\` does not exist.`,
          hint: `${didYouMean(test.spec.leadDefinition, names)} Lead definitions: ${names.join(', ') || 'none'}.`.trim(),
        });
        continue;
      }
      const s = def.spec;
      const classes = [EXCLUDED_CLASS, s.defaultClass, ...s.classes.map((c) => c.id)];
      const rules = [...(s.exclusions ?? []), ...(s.handRaisers ?? []), ...s.classes].map((r) => r.id);
      test.spec.cases.forEach((c, i) => {
        const expected = c.expect;
        if (expected.class !== undefined && !classes.includes(expected.class)) {
          ctx.report(test, ['spec', 'cases', i, 'expect', 'class'], {
            code: 'ref.class-missing',
            message: `\`${def.metadata.name}\` has no class \`${expected.class}\`.`,
            hint: `${didYouMean(expected.class, classes)} Classes: ${classes.join(', ')}.`.trim(),
          });
        }
        if (expected.rule !== undefined && !rules.includes(expected.rule)) {
          ctx.report(test, ['spec', 'cases', i, 'expect', 'rule'], {
            code: 'ref.rule-missing',
            message: `\`${def.metadata.name}\` has no exclusion, hand-raiser or class \`${expected.rule}\`.`,
            hint: didYouMean(expected.rule, rules).trim() || `Rules that decide a class: ${rules.join(', ')}.`,
          });
        }
      });
    }
  },
};
