import type { CacUnknown } from './cac.js';
/**
 * Problems met while evaluating that change no figure silently, as coded facts: a `code` and
 * the parameters a sentence needs. The engine writes no English; reporters phrase each code
 * in one place (`reporters/phrase-warning.ts`). Ids and rule messages quoted here come from
 * the data: masking replaces or drops them (`mask-warnings.ts`).
 */

/** The part of a comp plan a measurement problem concerns. */
export type CompPart = 'component' | 'gate' | 'team-multiplier';

/** A comp plan's problem before the plan's name is added. */
export type CompWarningFact =
  /** The plan names another goal than the one evaluated; goal metrics use `evaluated`. */
  | { code: 'comp.other-goal'; goal: string; evaluated: string }
  /** No user with one of `roles` in `team` is active in the window. */
  | { code: 'comp.no-people'; roles: string[]; team: string }
  /** `targetVariable` is not a decimal: variable pay is 0. */
  | { code: 'comp.target-variable-invalid'; targetVariable: string }
  /** `count` opportunities in another currency than `currency` are left out of money metrics. */
  | { code: 'comp.other-currency'; count: number; currency: string }
  /** A part's metric has no target (neither its own nor a quota): a component pays 0, a gate fails, a multiplier does not apply. */
  | { code: 'comp.no-target'; part: CompPart; id: string; metric: string }
  /** A part's metric has a target of 0: attainment is undefined (consequences as for `comp.no-target`). */
  | { code: 'comp.zero-target'; part: CompPart; id: string; metric: string }
  /** goal_attainment is unknown (from `period` on; null: no RevenueGoal evaluated): it counts as 0. */
  | { code: 'comp.goal-unknown'; period: string | null }
  /** constraint_target_met is unknown for `period`: it counts as 0. */
  | { code: 'comp.constraint-unknown'; period: string }
  /** A sum of amounts is unknown in `periods`: no credited opportunity carries an amount; it counts as 0. */
  | { code: 'comp.amounts-unknown'; metric: string; periods: string[] }
  /** blended_cac is unknown in `period` (see `CompCacUnknown`); components on it pay nothing there. */
  | { code: 'comp.cac-unknown'; period: string; reason: CompCacUnknown }
  /** An opportunity cancelled within the clawback window closed before the window: not clawed back. */
  | { code: 'comp.clawback-unpriced'; opportunityId: string }
  /** A SPIF has an invalid amount or date: it is not paid. */
  | { code: 'comp.spiff-invalid'; spiff: string }
  /** A SPIF's rule does not compile: it is not paid. */
  | { code: 'comp.spiff-rule-invalid'; spiff: string; error: string }
  /** A SPIF's rule failed on an opportunity: it does not match. `error` is null when masked. */
  | { code: 'comp.spiff-rule-failed'; spiff: string; opportunityId: string; error: string | null }
  /**
   * The `head` side's sales or marketing plan pays `share` of its target variable on the shared
   * outcome (`outcomeMetrics`), less than the RevenueGoal's `minShare`, with no gate on it; the
   * rest is paid on `paidOn`. Ratios are exact decimal texts (0.3 = 30 %).
   */
  | {
      code: 'comp.shared-outcome';
      side: 'head';
      share: string;
      minShare: string;
      outcomeMetrics: string[];
      paidOn: string[];
    };

/** Why blended_cac is unknown in a period: the CAC section's reasons, spend in another currency than the plan's, or a spend of 0. */
export type CompCacUnknown = CacUnknown | 'other-currency' | 'zero-spend' | 'not-measured';

/** A comp plan's problem. */
export type CompWarning = CompWarningFact & { plan: string };

/** One problem met while evaluating. */
export type EngineWarning =
  | CompWarning
  /** `count` leads could not be classed (a rule failed on their values) and count as `countedAs`; `firstError` is null when masked. */
  | { code: 'classify.rule-failed'; count: number; firstError: string | null; countedAs: string }
  /** An SLA's events concern different entities (not a lead and its opportunity): it is not measured. */
  | { code: 'sla.events-unrelated'; sla: string; from: string; to: string }
  /** `count` won deals arrive in `stage` without a lead advancing out of `leadStage` for them. */
  | { code: 'funnel.won-without-lead'; count: number; stage: string; leadStage: string }
  /** `count` leads advanced to `stage` by their opportunity_at stamp alone: no opportunity row names them. */
  | { code: 'funnel.bridged-by-stamp'; count: number; stage: string }
  /** Opportunities are in several currencies; deal amounts are summed as given. */
  | { code: 'deals.currencies-mixed'; currencies: string[] }
  /** None of the `won` won deals carries an amount: won amounts are unknown. */
  | { code: 'deals.amounts-unknown'; won: number }
  /** `withoutAmount` of the `won` won deals carry no amount; won amounts sum the other `withAmount`. */
  | { code: 'deals.without-amount'; withoutAmount: number; won: number; withAmount: number }
  /** `count` won deals are not in the goal's `currency`: left out of the goal. */
  | { code: 'goal.other-currency'; count: number; currency: string }
  /** None of the won deals the goal counts carries an amount: its actual and attainment are unknown. */
  | { code: 'goal.amounts-unknown'; goal: string }
  /** `count` won deals the goal counts carry no amount and add nothing to it. */
  | { code: 'goal.without-amount'; goal: string; count: number }
  /**
   * The `data` waiver at `index` of Waiver policy `waiver`, in force, matched no data issue of
   * the run: the `dataCode` issue it accepts (in `entity`, `file`, `column` as it names them,
   * null where it names none) did not occur.
   */
  | {
      code: 'waiver.unmatched';
      waiver: string;
      index: number;
      dataCode: string;
      entity: string | null;
      file: string | null;
      column: string | null;
    };

/** Every warning code, for the report's schema. */
export const engineWarningCodes = [
  'comp.other-goal',
  'comp.no-people',
  'comp.target-variable-invalid',
  'comp.other-currency',
  'comp.no-target',
  'comp.zero-target',
  'comp.goal-unknown',
  'comp.constraint-unknown',
  'comp.amounts-unknown',
  'comp.cac-unknown',
  'comp.clawback-unpriced',
  'comp.spiff-invalid',
  'comp.spiff-rule-invalid',
  'comp.spiff-rule-failed',
  'comp.shared-outcome',
  'classify.rule-failed',
  'sla.events-unrelated',
  'funnel.won-without-lead',
  'funnel.bridged-by-stamp',
  'deals.currencies-mixed',
  'deals.amounts-unknown',
  'deals.without-amount',
  'goal.other-currency',
  'goal.amounts-unknown',
  'goal.without-amount',
  'waiver.unmatched',
] as const satisfies readonly EngineWarning['code'][];

// The list names every code: a code missing from it fails to compile here.
type Missing = Exclude<EngineWarning['code'], (typeof engineWarningCodes)[number]>;
export const everyWarningCodeListed: Missing extends never ? true : never = true;

/** Warnings without repeats (the same code and parameters), in first-seen order. */
export function dedupeWarnings<T extends EngineWarning>(warnings: Iterable<T>): T[] {
  const seen = new Map<string, T>();
  for (const w of warnings) {
    const key = JSON.stringify(w);
    if (!seen.has(key)) seen.set(key, w);
  }
  return [...seen.values()];
}
