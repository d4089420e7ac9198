import type { Row } from '../data/types.js';
import { compileLeadDefinition } from '../engine/classify.js';
import type { ClassReason } from '../engine/classify.js';
import { RuleEvaluationError } from '../logic/compile.js';
import type { BusinessCalendar } from '../logic/compile.js';
import type { Policy } from '../policy/types.js';

/** How the lead definition scored and classed one lead, as the replay does (no decay). */
export interface LeadScore {
  class: string;
  score: number;
  reason: ClassReason;
  /** The hand-raiser, exclusion or class that decided; null for the default class. */
  ruleId: string | null;
  /** Scoring rules that gave the lead points. */
  fired: readonly string[];
}

/**
 * Scores the leads asked for (by row), lazily and once each, the way the replay classes them:
 * the score at the lead's last engagement, without decay since (see `classifyLeads`). A lead
 * whose rules fail to evaluate has no score (null): the evaluation already counts and reports it.
 */
export function createLeadScores(
  definition: Policy<'LeadDefinition'>,
  leads: readonly Row[],
  options: { asOf: number; calendars: ReadonlyMap<string, BusinessCalendar> },
): (row: number) => LeadScore | null {
  const compiled = compileLeadDefinition(definition, {
    asOf: options.asOf,
    calendars: options.calendars,
    decay: false,
    collectFired: true,
  });
  const scores = new Map<number, LeadScore | null>();
  return (row) => {
    if (scores.has(row)) return scores.get(row) ?? null;
    let score: LeadScore | null = null;
    const lead = leads[row];
    if (lead !== undefined) {
      try {
        const c = compiled.classify(lead);
        score = { class: c.class, score: c.score, reason: c.reason, ruleId: c.ruleId ?? null, fired: c.fired ?? [] };
      } catch (error) {
        if (!(error instanceof RuleEvaluationError)) throw error;
      }
    }
    scores.set(row, score);
    return score;
  };
}

/** The band a score falls in: from ≤ score < from + width. */
export function bandOf(score: number, width: number): { from: number; to: number } {
  const from = Math.floor(score / width) * width;
  return { from, to: from + width };
}

/**
 * Leads created in [since, asOf] that a class's new `minScore` would move into or out of the class,
 * each classed under both definitions as the replay does (no decay). A lead whose rules fail is not counted.
 */
export function countMovedLeads(
  definition: Policy<'LeadDefinition'>,
  classId: string,
  minScore: number,
  leads: readonly Row[],
  options: { asOf: number; since: number; calendars: ReadonlyMap<string, BusinessCalendar> },
): number {
  const variant: Policy<'LeadDefinition'> = {
    ...definition,
    spec: {
      ...definition.spec,
      classes: definition.spec.classes.map((c) => (c.id === classId ? { ...c, minScore } : c)),
    },
  };
  const compile = (policy: Policy<'LeadDefinition'>) =>
    compileLeadDefinition(policy, { asOf: options.asOf, calendars: options.calendars, decay: false });
  const [now, then] = [compile(definition), compile(variant)];
  let moved = 0;
  for (const lead of leads) {
    const created = lead.created_at;
    if (typeof created !== 'number' || created < options.since || created > options.asOf) continue;
    try {
      if ((now.classify(lead).class === classId) !== (then.classify(lead).class === classId)) moved++;
    } catch (error) {
      if (!(error instanceof RuleEvaluationError)) throw error;
    }
  }
  return moved;
}
