import { LOGIC_MAX_CHARS, LOGIC_MAX_STEPS } from '../../logic/budget.js';
import { compileRule, LogicCompileError } from '../../logic/compile.js';
import type { BusinessCalendar } from '../../logic/compile.js';
import type { SemanticCheck } from './context.js';
import { findBudgetOverruns } from '../../logic/static-budget.js';
import { listLogicRules } from './logic-rules.js';

// Compiling needs calendars and an as-of; neither changes whether a rule compiles.
const anyCalendar: BusinessCalendar = { hoursBetween: () => 0, addBusinessHours: (t) => t };
const noCoverage = { hit: () => undefined };

const hints: Partial<Record<string, string>> = {
  'bad-pattern':
    'Write an RE2 pattern: no backreferences (`\\1`), lookahead or lookbehind (`(?=`, `(?<=`); see https://github.com/google/re2/wiki/Syntax.',
};

/**
 * Every rule compiles as the engine will compile it, so a rule `validate` accepts never
 * stops an evaluation (e.g. a `matches` pattern RE2 rejects: a backreference, a lookahead).
 * Calendar names are checked by `logicCalendarsExist`. A loop over lists written in the rule
 * that goes past the per-row budget would fail on every row: refused here too.
 */
export const logicRulesCompile: SemanticCheck = {
  name: 'logicRulesCompile',
  run(ctx) {
    const calendars = new Map(ctx.set.Calendar.map((c) => [c.metadata.name, anyCalendar]));
    for (const site of listLogicRules(ctx.set)) {
      // With a coverage sink the rule is compiled as closures only: no code is generated.
      const options = { asOf: 0, calendars, coverage: noCoverage };
      try {
        compileRule(site.rule, { ...options, path: site.path });
      } catch (error) {
        if (!(error instanceof LogicCompileError)) throw error;
        if (error.kind === 'unknown-calendar') continue;
        const hint = hints[error.kind];
        ctx.report(site.policy, error.path, {
          code: `logic.${error.kind}`,
          message: `${capitalise(error.reason)}.`,
          ...(hint === undefined ? {} : { hint }),
        });
        continue;
      }
      for (const overrun of findBudgetOverruns(site.rule, site.path, options)) {
        ctx.report(site.policy, overrun.path, {
          code: 'logic.budget',
          message: `This rule would fail on every row: ${overrun.reason.replace(/ on this row \(at [^)]*\)$/, '')} (a rule may take ${LOGIC_MAX_STEPS.toLocaleString('en-US')} steps and build ${LOGIC_MAX_CHARS.toLocaleString('en-US')} characters per row inside element rules).`,
          hint: 'Use shorter lists, fewer nested `map`/`filter`/`reduce`/`all`/`none`/`some`, or `in` with a list instead of a nested loop; never merge or join a `reduce` accumulator with itself.',
        });
      }
    }
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
