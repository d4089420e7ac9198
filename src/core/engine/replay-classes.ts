import type { Row } from '../data/types.js';
import type { BusinessCalendar } from '../logic/compile.js';
import { RuleEvaluationError } from '../logic/compile.js';
import type { Policy } from '../policy/types.js';
import { compileLeadDefinition } from './classify.js';
import type { ClassReason } from './classify.js';

/** Class given to a lead whose rules failed to evaluate (counted and reported, never dropped). */
export const ERROR_CLASS = '(rule error)';

/** The class of every lead under one lead definition. */
export interface LeadClasses {
  definition: Policy<'LeadDefinition'>;
  /** Class ids; `classOf` holds indices into it. */
  classIds: string[];
  classOf: Uint16Array;
  /** Funnel order of the stage each lead's class puts it in; -1 for none. */
  stageOrderOf: Int16Array;
  /**
   * Fit + engagement each lead was classed on (no decay); NaN for a lead its score did not decide:
   * excluded, a hand-raiser, or a rule error. Score bands read it.
   */
  scoreOf: Float64Array;
  /** Stage of each class id, when it has one. */
  stageOfClass: ReadonlyMap<string, string>;
  byRule: { reason: ClassReason; rule: string | null; count: number }[];
  errors: { leadId: string; message: string }[];
  errorCount: number;
}

const MAX_KEPT_ERRORS = 20;

/**
 * Classes every lead as the policy would have when the lead could qualify: the score at its
 * last engagement, without decay since (a CRM flags a lead when it qualifies). Classes map
 * to funnel stages through `classes[].stage`; hand-raisers through their class's stage.
 */
export function classifyLeads(
  definition: Policy<'LeadDefinition'>,
  stageOrder: ReadonlyMap<string, number>,
  leads: readonly Row[],
  options: { asOf: number; calendars: ReadonlyMap<string, BusinessCalendar> },
): LeadClasses {
  const compiled = compileLeadDefinition(definition, {
    asOf: options.asOf,
    calendars: options.calendars,
    decay: false,
  });
  const spec = definition.spec;
  const stageOfClass = new Map(spec.classes.map((c) => [c.id, c.stage]));
  const classIds: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (id: string): number => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = classIds.length;
      classIds.push(id);
      indexOf.set(id, i);
    }
    return i;
  };
  const classOf = new Uint16Array(leads.length);
  const stageOrderOf = new Int16Array(leads.length).fill(-1);
  const scoreOf = new Float64Array(leads.length).fill(NaN);
  const ruleCounts = new Map<ClassReason, Map<string, { reason: ClassReason; rule: string | null; count: number }>>();
  const errors: { leadId: string; message: string }[] = [];
  let errorCount = 0;
  leads.forEach((lead, i) => {
    let cls: string;
    try {
      const result = compiled.classify(lead);
      cls = result.class;
      if (result.reason === 'threshold' || result.reason === 'default') scoreOf[i] = result.score;
      // Leads created after as-of are classed (the arrays stay aligned) but not counted.
      if (typeof lead.created_at === 'number' && lead.created_at <= options.asOf) {
        let byRuleId = ruleCounts.get(result.reason);
        if (byRuleId === undefined) ruleCounts.set(result.reason, (byRuleId = new Map()));
        const rule = result.ruleId ?? '';
        const entry = byRuleId.get(rule);
        if (entry === undefined) byRuleId.set(rule, { reason: result.reason, rule: result.ruleId ?? null, count: 1 });
        else entry.count++;
      }
    } catch (error) {
      if (!(error instanceof RuleEvaluationError)) throw error;
      cls = ERROR_CLASS;
      errorCount++;
      if (errors.length < MAX_KEPT_ERRORS) errors.push({ leadId: String(lead.id), message: error.message });
    }
    classOf[i] = intern(cls);
    const stage = stageOfClass.get(cls);
    if (stage !== undefined) stageOrderOf[i] = stageOrder.get(stage) ?? -1;
  });
  const byRule = [...ruleCounts.values()]
    .flatMap((m) => [...m.values()])
    .sort((a, b) => a.reason.localeCompare(b.reason) || (a.rule ?? '').localeCompare(b.rule ?? ''));
  return { definition, classIds, classOf, stageOrderOf, scoreOf, stageOfClass, byRule, errors, errorCount };
}
