import { walkRule } from '../../logic/clauses.js';
import { didYouMean } from '../did-you-mean.js';
import type { SemanticCheck } from './context.js';
import { findUnchecked, reportNotChecked } from './context.js';
import { listLogicRules } from './logic-rules.js';

/** Every `business_hours_between` in a rule names a Calendar policy of the set. */
export const logicCalendarsExist: SemanticCheck = {
  name: 'logicCalendarsExist',
  run(ctx) {
    const calendars = ctx.set.Calendar.map((c) => c.metadata.name);
    for (const site of listLogicRules(ctx.set)) {
      walkRule(site.rule, site.path, (node) => {
        if (node.op !== 'business_hours_between') return;
        const arg = node.args[2];
        // The schema requires a written-out name; anything else is already reported there.
        if (arg === undefined || typeof arg.value !== 'string' || calendars.includes(arg.value)) return;
        const failed = findUnchecked(ctx, 'Calendar', arg.value);
        if (failed !== undefined) {
          reportNotChecked(ctx, site.policy, arg.path, `Calendar \`${arg.value}\``, failed);
          return;
        }
        ctx.report(site.policy, arg.path, {
          code: 'ref.policy-missing',
          message: `Calendar \`${arg.value}\` does not exist.`,
          hint: `${didYouMean(arg.value, calendars)} Calendars: ${calendars.join(', ') || 'none'}.`.trim(),
        });
      });
    }
  },
};
