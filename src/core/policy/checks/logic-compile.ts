import { compileRule, LogicCompileError } from '../../logic/compile.js';
import type { BusinessCalendar } from '../../logic/compile.js';
import type { SemanticCheck } from './context.js';
import { listLogicRules } from './logic-rules.js';

// Compiling needs calendars and an as-of; neither changes whether a rule compiles.
const anyCalendar: BusinessCalendar = { hoursBetween: () => 0, addBusinessHours: (t) => t };
const noCoverage = { hit: () => undefined };

const hints: Partial<Record<string, string>> = {
  'bad-pattern': 'Write an RE2 pattern: no backreferences (`\\1`), lookahead or lookbehind (`(?=`, `(?<=`); see https://github.com/google/re2/wiki/Syntax.',
};

/**
 * Every rule compiles as the engine will compile it, so a rule `validate` accepts never
 * stops an evaluation (e.g. a `matches` pattern RE2 rejects: a backreference, a lookahead).
 * Calendar names are checked by `logicCalendarsExist`.
 */
export const logicRulesCompile: SemanticCheck = {
  name: 'logicRulesCompile',
  run(ctx) {
    const calendars = new Map(ctx.set.Calendar.map((c) => [c.metadata.name, anyCalendar]));
    for (const site of listLogicRules(ctx.set)) {
      try {
        // With a coverage sink the rule is compiled as closures only: no code is generated.
        compileRule(site.rule, { asOf: 0, calendars, path: site.path, coverage: noCoverage });
      } catch (error) {
        if (!(error instanceof LogicCompileError)) throw error;
        if (error.code === 'unknown-calendar') continue;
        const hint = hints[error.code];
        ctx.report(site.policy, error.path, { code: `logic.${error.code}`, message: `${capitalise(error.reason)}.`, ...(hint === undefined ? {} : { hint }) });
      }
    }
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
